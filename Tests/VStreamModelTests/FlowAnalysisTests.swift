import VStreamModel
import VStreamSource
import XCTest

final class FlowAnalysisTests: XCTestCase {
  func step(_ id: String, _ activity: Activity, time: Int64, wait: Int64, ca: Int64? = nil, practices: [String] = [])
    -> Step
  {
    Step(
      id: id, title: id, activity: activity, practices: practices, roles: [], processTime: Duration(seconds: time * 60),
      waitTime: Duration(seconds: wait * 60), completeAccurate: ca.map { Percentage(hundredths: $0 * 100) }, note: nil,
      range: SourceRange(start: 0, end: 0))
  }

  /// The restore stream from the issue: triage (5m, wait 2m, 90%), diagnose (30m, wait 1h), fix (2h, wait 4h, 80%),
  /// deploy (30m, wait 2h), confirm (10m), with a workaround arrow diagnose -> confirm and rework fix -> diagnose.
  func testRestoreStreamByHand() {
    let steps = [
      step("triage", .engage, time: 5, wait: 2, ca: 90, practices: ["service-desk", "incident-management"]),
      step("diagnose", .deliverAndSupport, time: 30, wait: 60, practices: ["incident-management"]),
      step("fix", .obtainBuild, time: 120, wait: 240, ca: 80, practices: ["software-development-and-management"]),
      step("deploy", .designAndTransition, time: 30, wait: 120, practices: ["change-enablement"]),
      step("confirm", .engage, time: 10, wait: 0, practices: ["service-desk"]),
    ]
    let chain: [NodeRef] = [.demand, .step(0), .step(1), .step(2), .step(3), .step(4), .value(0)]
    var edges = zip(chain, chain.dropFirst()).map { Edge(from: $0, to: $1, label: nil, range: nil) }
    edges.append(Edge(from: .step(1), to: .step(4), label: "workaround available", range: nil))
    edges.append(Edge(from: .step(2), to: .step(1), label: "fix fails its tests", range: nil, kind: .rework))
    let metrics = FlowAnalysis.metrics(steps: steps, valueCount: 1, edges: edges, catalogue: .itil)

    XCTAssertEqual(
      metrics.mainPath.nodes, chain, "at each branch the target declared first (no ids given): the whole chain")
    // PT = 5 + 30 + 120 + 30 + 10 = 195 min; WT = 2 + 60 + 240 + 120 + 0 = 422 min; LT = 617 min.
    XCTAssertEqual(metrics.mainPath.processTime.seconds, 195 * 60)
    XCTAssertEqual(metrics.mainPath.waitTime.seconds, 422 * 60)
    XCTAssertEqual(metrics.mainPath.leadTime.seconds, 617 * 60)
    XCTAssertEqual(metrics.mainPath.flowEfficiency!, 195.0 / 617.0, accuracy: 1e-12)
    XCTAssertEqual(metrics.mainPath.rolledCompleteAccurate!, 0.9 * 0.8, accuracy: 1e-12)
    XCTAssertEqual(metrics.mainPath.longestWait, [2], "fix waits longest (4h)")
    XCTAssertEqual(metrics.worstCasePath.nodes, chain, "the workaround is shorter; rework is not repeated")
    let engage = metrics.activityBreakdown.first { $0.activity == .engage }!
    XCTAssertEqual(
      [engage.steps, Int(engage.processTime.seconds / 60), Int(engage.waitTime.seconds / 60)], [2, 15, 2])
    XCTAssertEqual(metrics.activityBreakdown.map(\.activity), Framework.itil4.activities)
    XCTAssertEqual(
      metrics.practiceMatrix.practices,
      ["change-enablement", "incident-management", "service-desk", "software-development-and-management"])
    XCTAssertEqual(metrics.practiceMatrix.steps[1], [0, 1], "incident management supports triage and diagnose")
    XCTAssertTrue(metrics.isComplete)
  }

  /// The main path takes the smallest id at each branch and the worst case the longest branch, whatever the order
  /// the arrows are written in; rework arrows (a self-loop here) are set aside; `main` arrows decide the main path.
  func testPathsDoNotDependOnTheOrderArrowsAreWritten() {
    let steps = [
      step("a", .engage, time: 1, wait: 0), step("b", .engage, time: 1, wait: 0),
      step("c", .engage, time: 100, wait: 0),
    ]
    let ranks = FlowAnalysis.ranks(ids: ["d", "a", "b", "c", "v"])
    // demand -> a; a -> a (rework); a -> c -> value; a -> b -> value
    let edges = [
      Edge(from: .demand, to: .step(0)),
      Edge(from: .step(0), to: .step(0), kind: .rework),
      Edge(from: .step(0), to: .step(2)),
      Edge(from: .step(2), to: .value(0)),
      Edge(from: .step(0), to: .step(1)),
      Edge(from: .step(1), to: .value(0)),
    ]
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<20 {
      let shuffled = edges.shuffled(using: &generator)
      XCTAssertEqual(
        FlowAnalysis.mainPath(stepCount: 3, valueCount: 1, edges: shuffled, ranks: ranks),
        [.demand, .step(0), .step(1), .value(0)])
      XCTAssertEqual(
        FlowAnalysis.worstCasePath(steps: steps, valueCount: 1, edges: shuffled, ranks: ranks),
        [.demand, .step(0), .step(2), .value(0)])
    }
    var declared = edges
    for index in [0, 2, 3] { declared[index].kind = .main }
    XCTAssertEqual(
      FlowAnalysis.mainPath(stepCount: 3, valueCount: 1, edges: declared.reversed(), ranks: ranks),
      [.demand, .step(0), .step(2), .value(0)])
  }

  /// Equal lead times: the worst case is the path whose ids are smallest from the demand, as bytes ("s10" < "s9").
  func testWorstCaseTiesGoToTheSmallestIds() {
    let steps = [step("s9", .engage, time: 5, wait: 0), step("s10", .engage, time: 5, wait: 0)]
    let ranks = FlowAnalysis.ranks(ids: ["d", "s9", "s10", "v"])
    let edges = [
      Edge(from: .demand, to: .step(0)), Edge(from: .demand, to: .step(1)),
      Edge(from: .step(0), to: .value(0)), Edge(from: .step(1), to: .value(0)),
    ]
    XCTAssertEqual(
      FlowAnalysis.worstCasePath(steps: steps, valueCount: 1, edges: edges, ranks: ranks),
      [.demand, .step(1), .value(0)])
    XCTAssertEqual(
      FlowAnalysis.mainPath(stepCount: 2, valueCount: 1, edges: edges, ranks: ranks), [.demand, .step(1), .value(0)])
  }

  /// Forward arrows that loop have no longest path: the analysis says so with an empty path rather than guessing.
  func testAForwardLoopHasNoWorstCase() {
    let steps = [step("a", .engage, time: 1, wait: 0)]
    let edges = [
      Edge(from: .demand, to: .step(0)), Edge(from: .step(0), to: .step(0)), Edge(from: .step(0), to: .value(0)),
    ]
    XCTAssertEqual(FlowAnalysis.worstCasePath(steps: steps, valueCount: 1, edges: edges), [])
  }

  /// The worked example of specs/checking.md ("Expected figures"), to the second: diagnose splits equally between
  /// fix and the workaround to confirm; fix (80%) sends 20% back to diagnose.
  func testExpectedFiguresOfTheWorkedExample() throws {
    let steps = [
      step("triage", .engage, time: 5, wait: 2, ca: 90), step("diagnose", .deliverAndSupport, time: 30, wait: 60),
      step("fix", .obtainBuild, time: 120, wait: 240, ca: 80),
      step("deploy", .designAndTransition, time: 30, wait: 120),
      step("confirm", .engage, time: 10, wait: 0),
    ]
    let chain: [NodeRef] = [.demand, .step(0), .step(1), .step(2), .step(3), .step(4), .value(0)]
    var edges = zip(chain, chain.dropFirst()).map { Edge(from: $0, to: $1, kind: .main) }
    edges.append(Edge(from: .step(1), to: .step(4), label: "workaround available"))
    edges.append(Edge(from: .step(2), to: .step(1), label: "fix fails its tests", kind: .rework))
    let expected = try XCTUnwrap(
      FlowAnalysis.metrics(steps: steps, valueCount: 1, edges: edges, catalogue: .itil).expected)
    // v(diagnose) = 1 + 0.2 v(fix), v(fix) = 0.5 v(diagnose): v(diagnose) = 10/9, v(fix) = 5/9, v(deploy) = 4/9,
    // v(confirm) = 5/9 + 4/9 = 1.
    let visits = [1, 10.0 / 9, 5.0 / 9, 4.0 / 9, 1]
    // To nine digits: the expected figures are settled there (see `FlowAnalysis.settled`).
    for (actual, wanted) in zip(expected.visits, visits) { XCTAssertEqual(actual, wanted, accuracy: 1e-9) }
    // PT = 5 + 30·10/9 + 120·5/9 + 30·4/9 + 10 = 128 min 20 s; LT = 7 + 90·10/9 + 360·5/9 + 150·4/9 + 10 = 383 min 40 s.
    XCTAssertEqual(expected.processTime.rounded(), 7_700)
    XCTAssertEqual(expected.leadTime.rounded(), 23_020)
    XCTAssertEqual(expected.flowEfficiency!, 7_700.0 / 23_020.0, accuracy: 1e-9)
    XCTAssertEqual(expected.firstPassYield!, 0.9 * 0.8, accuracy: 1e-12)
  }

  /// Shares decide: the main path takes the most probable arrow (an arrow without a share takes what the others
  /// leave), and the expected figures follow the shares; a rework share overrides 100% − %C/A.
  func testSharesChooseTheMainPathAndWeighTheExpectedFigures() throws {
    var steps = [step("a", .engage, time: 10, wait: 0), step("b", .engage, time: 20, wait: 0)]
    steps[1].completeAccurate = Percentage(hundredths: 9_000)
    let ranks = FlowAnalysis.ranks(ids: ["d", "a", "b", "v"])
    // d -> 30% a, d -> b (takes 70%); a -> v; b -> v; rework b -> 50% a.
    let edges = [
      Edge(from: .demand, to: .step(0), share: Percentage(hundredths: 3_000)), Edge(from: .demand, to: .step(1)),
      Edge(from: .step(0), to: .value(0)), Edge(from: .step(1), to: .value(0)),
      Edge(from: .step(1), to: .step(0), kind: .rework, share: Percentage(hundredths: 5_000)),
    ]
    XCTAssertEqual(
      FlowAnalysis.mainPath(stepCount: 2, valueCount: 1, edges: edges, ranks: ranks), [.demand, .step(1), .value(0)])
    let expected = try XCTUnwrap(FlowAnalysis.expected(steps: steps, valueCount: 1, edges: edges, mainPath: []))
    // v(b) = 0.7; v(a) = 0.3 + 0.5 · 0.7 = 0.65 (the written 50% back, not 100% − 90%).
    XCTAssertEqual(expected.visits[1], 0.7, accuracy: 1e-9)
    XCTAssertEqual(expected.visits[0], 0.65, accuracy: 1e-9)
    XCTAssertEqual(expected.processTime, (0.65 * 10 + 0.7 * 20) * 60, accuracy: 1e-9)
  }

  /// A loop larger than the dense limit is solved by sweeps and agrees with the closed form: with 50% sent back from
  /// the last step to the first, every step is done twice on average.
  func testLargeLoopsAreSolvedBySweeps() throws {
    for count in [10, 300] {
      var steps = (0..<count).map { step("s\($0)", .engage, time: 1, wait: 1) }
      steps[count - 1].completeAccurate = Percentage(hundredths: 5_000)
      var edges = [Edge(from: .demand, to: .step(0))]
      for index in 1..<count { edges.append(Edge(from: .step(index - 1), to: .step(index))) }
      edges.append(Edge(from: .step(count - 1), to: .value(0)))
      edges.append(Edge(from: .step(count - 1), to: .step(0), kind: .rework))
      let expected = try XCTUnwrap(FlowAnalysis.expected(steps: steps, valueCount: 1, edges: edges, mainPath: []))
      for visits in expected.visits { XCTAssertEqual(visits, 2, accuracy: 1e-9, "\(count) steps") }
      XCTAssertEqual(expected.leadTime, Double(count) * 2 * 120, accuracy: 1e-6)
    }
  }

  /// A step with rework arrows that passes nothing on (`ca 0%`) keeps an item forever: no expected figures.
  func testALoopThatNeverEndsHasNoExpectedFigures() {
    var steps = [step("a", .engage, time: 1, wait: 0), step("b", .engage, time: 1, wait: 0)]
    steps[1].completeAccurate = Percentage(hundredths: 0)
    let edges = [
      Edge(from: .demand, to: .step(0)), Edge(from: .step(0), to: .step(1)), Edge(from: .step(1), to: .value(0)),
      Edge(from: .step(1), to: .step(0), kind: .rework),
    ]
    XCTAssertNil(FlowAnalysis.expected(steps: steps, valueCount: 1, edges: edges, mainPath: []))
  }

  func testLongChainsAreLinear() {
    let count = 200_000
    let steps = (0..<count).map { step("s\($0)", .engage, time: 1, wait: 1) }
    var edges = [Edge(from: .demand, to: .step(0), label: nil, range: nil)]
    for index in 1..<count { edges.append(Edge(from: .step(index - 1), to: .step(index), label: nil, range: nil)) }
    edges.append(Edge(from: .step(count - 1), to: .value(0), label: nil, range: nil))
    let metrics = FlowAnalysis.metrics(steps: steps, valueCount: 1, edges: edges, catalogue: .itil)
    XCTAssertEqual(metrics.mainPath.nodes.count, count + 2)
    XCTAssertEqual(metrics.worstCasePath.leadTime.seconds, Int64(count) * 120)
  }
}
