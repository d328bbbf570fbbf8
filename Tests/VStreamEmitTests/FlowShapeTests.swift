import Foundation
import VStream
import VStreamEmit
import VStreamModel
import VStreamSource
import XCTest

final class FlowShapeTests: XCTestCase {
  func testMainPathForwardAndRework() throws {
    let (stream, _) = try Fixtures.stream("examples/restore-live-service.vstream")
    let shape = FlowShape(stream)
    XCTAssertEqual(shape.stepOrder, [0, 1, 2, 3, 4, 5, 6, 7])
    // outage -> triage -> diagnose -> fix -> deploy -> verify -> confirm -> restored, diagnose -> confirm,
    // fix -> diagnose, restored -> feedback -> improve.
    XCTAssertEqual(
      shape.kinds, [.main, .main, .main, .main, .main, .main, .main, .forward, .rework, .afterValue, .afterValue])
    XCTAssertEqual(shape.isAfterValue, [false, false, false, false, false, false, true, true])
  }

  func testSideStepsFollowTheirPredecessor() throws {
    let (stream, _) = try Fixtures.stream("examples/handle-major-incident.vstream")
    let shape = FlowShape(stream)
    let titles = shape.stepOrder.map { stream.steps[$0].id }
    XCTAssertEqual(
      titles, ["declare", "mobilise", "inform", "diagnose", "fail-over", "emergency-change", "verify", "confirm"])
    XCTAssertEqual(shape.kinds.filter { $0 == .rework }.count, 1, "verify -> diagnose only")
  }
}

final class FlowShapeAlternativesTests: XCTestCase {
  static let text = """
    stream s
    demand need
    step a
      activity engage
      practices service-desk
    step b
      activity engage
      practices service-desk
    step c
      activity engage
      practices service-desk
    step d
      activity engage
      practices service-desk
    value done
    flow need -> a
    flow a -> 50% b -> done
    flow a -> 30% c -> done
    flow a -> d -> done "rarely"
    rework d -> 10% a

    """

  func testAlternativesCarryTheirSharesAndTheOrderIsCanonical() throws {
    let stream = try XCTUnwrap(Compiler.check(SourceFile(path: "s.vstream", text: Self.text)).stream)
    let shape = FlowShape(stream)
    let label = { (from: String, to: String) -> String? in
      let index = stream.edges.firstIndex { stream.id(of: $0.from) == from && stream.id(of: $0.to) == to }!
      return shape.label(stream, index)
    }
    // b's 50% and c's 30% are written; d takes what they leave.
    XCTAssertEqual(label("a", "b"), "50%")
    XCTAssertEqual(label("a", "c"), "30%")
    XCTAssertEqual(label("a", "d"), "20% · rarely")
    XCTAssertEqual(label("d", "a"), "10%", "a rework arrow's written share")
    XCTAssertNil(label("need", "a"), "no alternative, no label")
    // The main path takes b (the largest share); the side steps c and d are drawn right after a, by id.
    XCTAssertEqual(shape.stepOrder.map { stream.steps[$0].id }, ["a", "c", "d", "b"])
    XCTAssertEqual(
      shape.edgeOrder.map { "\(stream.id(of: stream.edges[$0].from))>\(stream.id(of: stream.edges[$0].to))" },
      ["need>a", "a>b", "b>done", "a>c", "a>d", "c>done", "d>done", "d>a"])
  }
}

extension FlowShapeAlternativesTests {
  func testAlternativesWithoutSharesSplitEqually() throws {
    let text = Self.text.replacingOccurrences(of: "50% ", with: "").replacingOccurrences(of: "30% ", with: "")
    let stream = try XCTUnwrap(Compiler.check(SourceFile(path: "s.vstream", text: text)).stream)
    let shape = FlowShape(stream)
    let out = stream.edges.indices.filter { stream.id(of: stream.edges[$0].from) == "a" }
    XCTAssertEqual(out.map { shape.label(stream, $0) }, ["33.3%", "33.3%", "33.3% · rarely"])
  }
}

/// Every picture marks the branches of a fork, and the pages report the total effort beside the process time of the
/// critical branch.
final class ParallelPictureTests: XCTestCase {
  func testForksAreMarkedAndTheEffortIsReported() throws {
    // confirm -> plan, which forks into build, security and docs (each 1h, wait 1h), joined at release.
    let (stream, _) = try Fixtures.stream("specs/cases/ok/parallel-work.vstream")
    let shape = FlowShape(stream)
    let branches = stream.edges.indices.filter { shape.isParallel[$0] }
    XCTAssertEqual(branches.map { stream.id(of: stream.edges[$0].to) }.sorted(), ["build", "docs", "security"])
    for index in branches {
      XCTAssertNil(shape.alternativeShare[index], "a branch is not an alternative")
      XCTAssertEqual(shape.label(stream, index), "parallel")
    }
    // The branches tie (2h each): the critical one is the smallest id; 8h lead, 4h process, 6h of work.
    XCTAssertEqual(stream.metrics.mainPath.nodes.map { stream.node($0).id }[3], "build")
    XCTAssertEqual(stream.metrics.mainPath.leadTime.seconds, 8 * 3_600)
    XCTAssertEqual(stream.metrics.mainPath.processTime.seconds, 4 * 3_600)
    XCTAssertEqual(stream.metrics.mainPath.totalEffort.seconds, 6 * 3_600)

    let dot = DOTEmitter().emit(stream)
    XCTAssertEqual(dot.components(separatedBy: "arrowtail=odiamond").count - 1, 3)
    XCTAssertTrue(dot.contains("arrows from a diamond: parallel work"))
    let page = MarkdownEmitter().emit(stream)
    XCTAssertEqual(page.components(separatedBy: "|\"parallel\"|").count - 1, 3)
    XCTAssertTrue(page.contains("| Total effort (every branch) | 6 h |"), page)
    XCTAssertTrue(VSMEmitter().emit(stream).contains("Total effort (every branch) 6 h"))
  }
}
