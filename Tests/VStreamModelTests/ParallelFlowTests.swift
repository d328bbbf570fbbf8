import VStreamModel
import VStreamSource
import XCTest

/// Parallel work (`parallel` arrows): lead time along the critical branch, total effort over every branch, and the
/// expected figures with each branch visited once per visit of the fork. The numbers are worked by hand in
/// specs/checking.md.
final class ParallelFlowTests: XCTestCase {
  func step(_ id: String, time: Int64, wait: Int64, ca: Int64? = nil) -> Step {
    Step(
      id: id, title: id, activity: .obtainBuild, practices: [], roles: [], processTime: Duration(seconds: time * 60),
      waitTime: Duration(seconds: wait * 60), completeAccurate: ca.map { Percentage(hundredths: $0 * 100) }, note: nil,
      range: SourceRange(start: 0, end: 0))
  }

  /// plan (1h, wait 2h) forks into build (3h, wait 1h) → test (1h, `ca 75%`, rework to build), security (2h, wait
  /// 4h) and docs (1h); they join at release (30m, wait 30m) → live.
  var change: (steps: [Step], edges: [Edge], ids: [String]) {
    let steps = [
      step("plan", time: 60, wait: 120), step("build", time: 180, wait: 60), step("test", time: 60, wait: 0, ca: 75),
      step("security", time: 120, wait: 240), step("docs", time: 60, wait: 0), step("release", time: 30, wait: 30),
    ]
    let edges = [
      Edge(from: .demand, to: .step(0)),
      Edge(from: .step(0), to: .step(1), kind: .parallel), Edge(from: .step(0), to: .step(3), kind: .parallel),
      Edge(from: .step(0), to: .step(4), kind: .parallel),
      Edge(from: .step(1), to: .step(2)), Edge(from: .step(2), to: .step(5)), Edge(from: .step(3), to: .step(5)),
      Edge(from: .step(4), to: .step(5)), Edge(from: .step(5), to: .value(0)),
      Edge(from: .step(2), to: .step(1), kind: .rework),
    ]
    return (steps, edges, ["request", "plan", "build", "test", "security", "docs", "release", "live"])
  }

  func testLeadTimeFollowsTheCriticalBranchAndEffortCountsEveryBranch() throws {
    let (steps, edges, ids) = change
    let ranks = FlowAnalysis.ranks(ids: ids)
    let metrics = FlowAnalysis.metrics(steps: steps, valueCount: 1, edges: edges, catalogue: .itil, ranks: ranks)
    // Branches once through: build + test = 4h + 1h = 5h, security = 6h, docs = 1h: security is critical.
    let critical: [NodeRef] = [.demand, .step(0), .step(3), .step(5), .value(0)]
    XCTAssertEqual(metrics.mainPath.nodes, critical, "the main path takes the critical branch, not the smallest id")
    XCTAssertEqual(metrics.worstCasePath.nodes, critical)
    // Lead time 3h + 6h + 1h = 10h; process time 1h + 2h + 30m; every step's time: 1 + 3 + 1 + 2 + 1 + 0.5 h.
    XCTAssertEqual(metrics.mainPath.leadTime.seconds, 36_000)
    XCTAssertEqual(metrics.mainPath.processTime.seconds, 12_600)
    XCTAssertEqual(metrics.mainPath.flowEfficiency!, 0.35, accuracy: 1e-12)
    XCTAssertEqual(metrics.mainPath.totalEffort.seconds, 30_600)
    XCTAssertEqual(metrics.worstCasePath.totalEffort.seconds, 30_600)
    XCTAssertEqual(metrics.valuePaths.first?.totalEffort.seconds, 30_600)
    // test (75%) is on the build branch, not the critical one; every item passes it, so the main path's rolled %C/A
    // and the first-pass yield count it.
    XCTAssertEqual(try XCTUnwrap(metrics.mainPath.rolledCompleteAccurate), 0.75, accuracy: 1e-12)
    XCTAssertEqual(try XCTUnwrap(metrics.expected?.firstPassYield), 0.75, accuracy: 1e-12)

    let expected = try XCTUnwrap(metrics.expected)
    // test sends 25% back: v(build) = v(test) = 4/3; every branch is visited once per visit of the fork, and the
    // join once (each arrow into it from a branch carries a third).
    let visits = [1, 4.0 / 3, 4.0 / 3, 1, 1, 1]
    for (actual, wanted) in zip(expected.visits, visits) { XCTAssertEqual(actual, wanted, accuracy: 1e-9) }
    // Expected branch lead times: build + test 4/3 · 5h = 6h40m (now critical), security 6h, docs 1h.
    // Lead 3h + 6h40m + 1h = 10h40m; process 1h + 4/3 · 4h + 30m = 6h50m; effort 6h50m + 2h + 1h = 9h50m.
    XCTAssertEqual(expected.leadTime.rounded(), 38_400)
    XCTAssertEqual(expected.processTime.rounded(), 24_600)
    XCTAssertEqual(expected.totalEffort.rounded(), 35_400)
    XCTAssertEqual(expected.flowEfficiency!, 24_600.0 / 38_400.0, accuracy: 1e-12)
  }

  func testFiguresDoNotDependOnTheOrderArrowsAreWritten() {
    let (steps, edges, ids) = change
    let ranks = FlowAnalysis.ranks(ids: ids)
    let reference = FlowAnalysis.metrics(steps: steps, valueCount: 1, edges: edges, catalogue: .itil, ranks: ranks)
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<20 {
      let shuffled = edges.shuffled(using: &generator)
      XCTAssertEqual(
        FlowAnalysis.metrics(steps: steps, valueCount: 1, edges: shuffled, catalogue: .itil, ranks: ranks), reference)
    }
  }

  /// A fork inside a branch of another fork, both joining at the same step: the inner span costs its longest branch,
  /// and the outer span the longest of that and its other branch.
  func testNestedForksShareAJoin() throws {
    // d -> a; a forks into b and c; b forks into b1 and b2; b1, b2, c -> j -> v.
    let steps = [
      step("a", time: 10, wait: 0), step("b", time: 10, wait: 0), step("b1", time: 50, wait: 0),
      step("b2", time: 30, wait: 0), step("c", time: 40, wait: 0), step("j", time: 10, wait: 0),
    ]
    let edges = [
      Edge(from: .demand, to: .step(0)),
      Edge(from: .step(0), to: .step(1), kind: .parallel), Edge(from: .step(0), to: .step(4), kind: .parallel),
      Edge(from: .step(1), to: .step(2), kind: .parallel), Edge(from: .step(1), to: .step(3), kind: .parallel),
      Edge(from: .step(2), to: .step(5)), Edge(from: .step(3), to: .step(5)), Edge(from: .step(4), to: .step(5)),
      Edge(from: .step(5), to: .value(0)),
    ]
    let metrics = FlowAnalysis.metrics(steps: steps, valueCount: 1, edges: edges, catalogue: .itil)
    // Critical: a, b, b1, j = 10 + 10 + 50 + 10 = 80 min; every step: 150 min.
    XCTAssertEqual(metrics.mainPath.nodes, [.demand, .step(0), .step(1), .step(2), .step(5), .value(0)])
    XCTAssertEqual(metrics.mainPath.leadTime.seconds, 80 * 60)
    XCTAssertEqual(metrics.mainPath.totalEffort.seconds, 150 * 60)
    let expected = try XCTUnwrap(metrics.expected)
    XCTAssertEqual(expected.visits[5], 1, accuracy: 1e-12, "the shared join is done once")
    XCTAssertEqual(expected.leadTime.rounded(), 80 * 60)
    XCTAssertEqual(expected.totalEffort.rounded(), 150 * 60)
  }

  func testSectionsFindTheJoinAndTheBranchesThatSkipIt() {
    // 0 -> 1 (fork) -> 2, 3; 2 -> 4; 3 -> 4; 3 -> 5 (a value: skips the join 4); 4 -> 5.
    let arrows: [(from: Int, to: Int, isParallel: Bool)] = [
      (0, 1, false), (1, 2, true), (1, 3, true), (2, 4, false), (3, 4, false), (3, 5, false), (4, 5, false),
    ]
    let sections = ParallelSections.find(nodeCount: 6, isValue: { $0 == 5 }, ranks: nil, arrows: arrows)
    XCTAssertEqual(sections.count, 1)
    XCTAssertEqual(sections[0].join, 4)
    XCTAssertEqual(sections[0].skipping, [1], "the branch to 3 can reach the value without the join")
    // Without 3 -> 4 the branches meet only at the value, which is then the join, and nothing skips it.
    let joinedAtValue = ParallelSections.find(
      nodeCount: 6, isValue: { $0 == 5 }, ranks: nil, arrows: arrows.filter { !($0.from == 3 && $0.to == 4) })
    XCTAssertEqual(joinedAtValue[0].join, 5)
    XCTAssertEqual(joinedAtValue[0].skipping, [])
    // Two values, one per branch: they never meet.
    let never = ParallelSections.find(
      nodeCount: 7, isValue: { $0 >= 5 }, ranks: nil,
      arrows: [(0, 1, false), (1, 2, true), (1, 3, true), (2, 5, false), (3, 6, false)])
    XCTAssertNil(never[0].join)
  }
}
