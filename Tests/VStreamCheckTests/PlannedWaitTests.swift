import VStream
import VStreamCheck
import VStreamModel
import VStreamSource
import XCTest

/// Planned waits and the longest wait (issue 17, item 7): `wait 4w planned` is booked, not queueing; the longest
/// wait lists every step tied for it.
final class PlannedWaitTests: XCTestCase {
  /// a (2h wait, 1h work) -> b (4w planned wait, 1d work) -> c (2h wait, 30m work) -> done.
  static let stream = """
    stream s
    demand need
    step a
      activity engage
      practices service-desk
      time 1h
      wait 2h
    step b
      activity improve
      practices continual-improvement
      time 1d
      wait 4w planned
    step c
      activity engage
      practices service-desk
      time 30m
      wait 2h
    value done

    """

  func testAPlannedWaitIsReportedApartAndNeverTheLongestWait() throws {
    let result = Compiler.check(SourceFile(path: "s.vstream", text: Self.stream))
    XCTAssertEqual(result.diagnostics.filter { $0.severity == .error }.map(\.code.rawValue), [])
    let stream = try XCTUnwrap(result.stream)
    XCTAssertEqual(stream.steps.map(\.waitIsPlanned), [false, true, false])
    let main = stream.metrics.mainPath
    // By hand: wait 2h + 4w + 2h = 7,200 + 2,419,200 + 7,200 = 2,433,600 s, of it planned 4w = 2,419,200 s and
    // queueing 4h = 14,400 s; lead time = wait + 1h + 1d + 30m (3,600 + 86,400 + 1,800) = 2,525,400 s.
    XCTAssertEqual(main.waitTime.seconds, 2_433_600)
    XCTAssertEqual(main.plannedWaitTime.seconds, 2_419_200)
    XCTAssertEqual(main.queueingWaitTime.seconds, 14_400)
    XCTAssertEqual(main.leadTime.seconds, 2_525_400)
    // a and c both queue 2h: both are listed, in path order; b's longer wait is planned, so not a queue.
    XCTAssertEqual(main.longestWait, [0, 2])
  }

  func testWithoutPlannedTheLongWaitIsTheLongestWait() throws {
    let text = Self.stream.replacingOccurrences(of: "wait 4w planned", with: "wait 4w")
    let stream = try XCTUnwrap(Compiler.check(SourceFile(path: "s.vstream", text: text)).stream)
    XCTAssertEqual(stream.metrics.mainPath.longestWait, [1])
    XCTAssertEqual(stream.metrics.mainPath.plannedWaitTime, .zero)
  }

  func testOnlyAWaitCanBePlannedAndOnlyByThatWord() {
    for (from, to) in [("wait 4w planned", "wait 4w later"), ("time 1d", "time 1d planned")] {
      let text = Self.stream.replacingOccurrences(of: from, with: to)
      let codes = Compiler.check(SourceFile(path: "s.vstream", text: text)).diagnostics
        .filter { $0.severity == .error }.map(\.code.rawValue)
      XCTAssertEqual(codes, ["VS104"], to)
    }
  }

  func testTheFormatterKeepsPlanned() throws {
    let messy = Self.stream.replacingOccurrences(of: "wait 4w planned", with: "wait   28d    planned")
    guard case .formatted(let text) = Compiler.format(SourceFile(path: "s.vstream", text: messy)) else {
      return XCTFail("does not format")
    }
    XCTAssertTrue(text.contains("  wait 28d planned\n"), text)
  }
}
