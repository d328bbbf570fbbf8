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
    XCTAssertEqual(titles, ["declare", "mobilise", "diagnose", "fail-over", "emergency-change", "verify", "confirm"])
    XCTAssertEqual(shape.kinds.filter { $0 == .rework }.count, 1, "verify -> diagnose only")
  }
}
