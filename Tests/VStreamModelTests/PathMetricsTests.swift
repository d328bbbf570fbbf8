import VStreamModel
import VStreamSource
import XCTest

final class PathMetricsTests: XCTestCase {
  /// outage -> triage -> diagnose -> restored, by hand:
  /// PT = 5m + 30m = 35m = 2,100 s; WT = 2m + 60m = 62m = 3,720 s; LT = 97m = 5,820 s;
  /// flow efficiency = 35 / 97 = 36.08%; rolled %C/A = 0.90 × 1.00 (diagnose gives none) = 90%;
  /// longest wait = diagnose (waits 60m against triage's 2m).
  func testRestoreStreamMainPathByHand() {
    let path: [NodeRef] = [.demand, .step(0), .step(1), .value(0)]
    let metrics = PathMetrics.measure(path: path, steps: RestoreStream.steps)
    XCTAssertEqual(metrics.nodes, path)
    XCTAssertEqual(metrics.processTime.seconds, 2_100)
    XCTAssertEqual(metrics.waitTime.seconds, 3_720)
    XCTAssertEqual(metrics.leadTime.seconds, 5_820)
    XCTAssertEqual(metrics.leadTime.description, "1h37m")
    XCTAssertEqual(metrics.flowEfficiency!, 35.0 / 97.0, accuracy: 1e-12)
    XCTAssertEqual(percentText(metrics.flowEfficiency), "36.1%")
    XCTAssertEqual(metrics.rolledCompleteAccurate!, 0.9, accuracy: 1e-12)
    XCTAssertEqual(metrics.longestWait, [1])
  }

  /// outage -> triage -> restored (the second flow line's shortcut): PT 5m, WT 2m, LT 7m, efficiency 5/7.
  func testRestoreStreamShortcutByHand() {
    let metrics = PathMetrics.measure(path: [.demand, .step(0), .value(0)], steps: RestoreStream.steps)
    XCTAssertEqual([metrics.processTime.seconds, metrics.waitTime.seconds, metrics.leadTime.seconds], [300, 120, 420])
    XCTAssertEqual(metrics.flowEfficiency!, 5.0 / 7.0, accuracy: 1e-12)
    XCTAssertEqual(metrics.longestWait, [0])
  }

  func testMissingValuesAndTies() {
    func step(_ id: String, wait: Int64?, ca: Int64?) -> Step {
      Step(
        id: id, title: id, activity: .engage, practices: [], roles: [], processTime: nil,
        waitTime: wait.map { Duration($0, .minute) }, completeAccurate: ca.map { Percentage(hundredths: $0) },
        note: nil, range: SourceRange(start: 0, end: 0))
    }
    let none = PathMetrics.measure(
      path: [.demand, .step(0), .value(0)], steps: [step("a", wait: nil, ca: nil)])
    XCTAssertNil(none.flowEfficiency, "no lead time, no efficiency")
    XCTAssertNil(none.rolledCompleteAccurate, "no step gives %C/A")
    XCTAssertEqual(none.longestWait, [], "nothing waits")
    XCTAssertEqual(none.leadTime, .zero)

    let steps = [step("a", wait: 10, ca: 5_000), step("b", wait: 10, ca: nil), step("c", wait: 3, ca: 8_000)]
    let tie = PathMetrics.measure(path: [.demand, .step(2), .step(1), .step(0), .value(0)], steps: steps)
    XCTAssertEqual(tie.longestWait, [1, 0], "every step tied for the longest wait, in path order")
    XCTAssertEqual(tie.rolledCompleteAccurate!, 0.8 * 0.5, accuracy: 1e-12)
    XCTAssertEqual(tie.flowEfficiency, 0, "waiting only")

    let partial = PathMetrics.measure(path: [.demand, .step(1), .value(0)], steps: steps)
    XCTAssertEqual(partial.waitTime, Duration(10, .minute), "steps off the path do not count")
    XCTAssertNil(partial.rolledCompleteAccurate)
  }

  func testActivityBreakdownOfTheMainPath() {
    let breakdown = ActivityTime.breakdown(path: [.demand, .step(0), .step(1), .value(0)], steps: RestoreStream.steps)
    XCTAssertEqual(breakdown.map(\.activity), Framework.itil4.activities, "all six, in ITIL's order")
    XCTAssertEqual(breakdown.map(\.steps), [0, 0, 1, 0, 0, 1])
    XCTAssertEqual(breakdown[Activity.engage.index].leadTime, Duration(7, .minute))
    XCTAssertEqual(breakdown[Activity.deliverAndSupport.index].processTime, Duration(30, .minute))
    XCTAssertEqual(breakdown[Activity.deliverAndSupport.index].waitTime, Duration(1, .hour))
    XCTAssertEqual(breakdown[Activity.plan.index].leadTime, .zero)
  }
}
