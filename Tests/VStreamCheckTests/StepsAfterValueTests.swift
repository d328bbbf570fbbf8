import VStream
import VStreamCheck
import VStreamModel
import VStreamSource
import XCTest

/// Steps after a value (issue 17, item 6): allowed, outside the lead time to the value, and measured per value.
final class StepsAfterValueTests: XCTestCase {
  /// The restore stream with ITIL's ending: after the service is restored, ask for feedback (engage) and identify
  /// improvements (improve), which log an improvement (a second value).
  static let afterValue = """
    step survey "Ask the user for feedback"
      activity engage
      practices service-desk
      time 5m
      wait 1d
    step improve "Identify improvements"
      activity improve
      practices continual-improvement
      time 1h
      wait 1w
    value improvement-logged "Improvement logged"
      for "Service owner"
    flow restored -> survey -> improve -> improvement-logged

    """

  /// The restore stream ending at survey -> improve, with no second value: work after the value that just ends.
  static let endingAfterValue =
    CheckerTests.restore
    + afterValue.replacingOccurrences(of: " -> improvement-logged", with: "")
    .replacingOccurrences(of: "value improvement-logged \"Improvement logged\"\n  for \"Service owner\"\n", with: "")

  func check(_ text: String) -> Compiler.FileResult { Compiler.check(SourceFile(path: "s.vstream", text: text)) }

  func codes(_ text: String) -> [String] {
    check(text).diagnostics.filter { $0.severity == .error }.map(\.code.rawValue)
  }

  func testStepsAfterAValueLeaveTheLeadTimeToItAlone() throws {
    let before = try XCTUnwrap(check(CheckerTests.restore).stream)
    let result = check(CheckerTests.restore + Self.afterValue)
    XCTAssertEqual(result.diagnostics.map(\.code.rawValue), [])
    let after = try XCTUnwrap(result.stream)
    XCTAssertEqual(after.metrics.mainPath, before.metrics.mainPath)
    XCTAssertEqual(after.metrics.worstCasePath, before.metrics.worstCasePath)
    XCTAssertEqual(after.metrics.expected?.leadTime ?? 0, 23_020, accuracy: 1e-6)
    XCTAssertEqual(after.metrics.expected?.visits[5], 0)
    XCTAssertEqual(after.metrics.stepsAfterValue, [5, 6])
    // Each value its own lead time. restored: 617 min over the main chain = 37,020 s. improvement-logged, through
    // restored: 37,020 + survey (1d + 5m = 86,700) + improve (1w + 1h = 608,400) = 732,120 s.
    XCTAssertEqual(after.metrics.valuePaths.map(\.leadTime.seconds), [37_020, 732_120])
    XCTAssertEqual(
      after.metrics.valuePaths[1].nodes,
      [.demand, .step(0), .step(1), .step(2), .step(3), .step(4), .value(0), .step(5), .step(6), .value(1)])
  }

  func testAStepAfterAValueMayEndTheStream() {
    let text =
      CheckerTests.restore
      + Self.afterValue.replacingOccurrences(of: " -> improvement-logged", with: "")
      .replacingOccurrences(of: "value improvement-logged \"Improvement logged\"\n  for \"Service owner\"\n", with: "")
    XCTAssertEqual(codes(text), [])
  }

  func testLeadingBackBeforeTheValueIsOneError() {
    for line in ["flow survey -> diagnose", "rework improve -> fix", "flow restored -> triage"] {
      let result = check(CheckerTests.restore + Self.afterValue + line + "\n")
      XCTAssertEqual(result.diagnostics.map(\.code.rawValue), ["VS327"], line)
      let lineNumber = (CheckerTests.restore + Self.afterValue).split(separator: "\n", omittingEmptySubsequences: false)
        .count
      let reported = result.diagnostics.first.map { result.file.location(of: $0.range.start).line }
      XCTAssertEqual(reported, lineNumber, line)
      XCTAssertEqual(result.diagnostics.first?.fixes.count, 1, line)
    }
  }

  func testALoopAfterTheValueThatNeverEndsIsOneError() {
    XCTAssertEqual(codes(Self.endingAfterValue + "rework improve -> survey\n"), ["VS328"])
  }

  func testAStepBeforeTheValueWithNoWayOnIsStillADeadEnd() {
    let text = CheckerTests.restore + Self.afterValue + "flow triage -> survey\n"
    // survey is now reached before the value too (skipped on one route, done after the value on the other): no
    // loop, so nothing is wrong. Without the second value, improve is then reached before a value and leads to
    // none: a dead end.
    XCTAssertEqual(codes(text), [])
    XCTAssertEqual(codes(Self.endingAfterValue + "flow triage -> survey\n"), ["VS315"])
  }

  func testTheRetiredCodeIsExplained() {
    XCTAssertNil(Compiler.rules.first { $0.code.rawValue == "VS313" })
    XCTAssertEqual(Compiler.retiredRules.map(\.code.rawValue), ["VS313"])
  }
}
