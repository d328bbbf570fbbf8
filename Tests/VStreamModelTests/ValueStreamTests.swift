import VStreamModel
import VStreamSource
import XCTest

final class ValueStreamTests: XCTestCase {
  func testNodeHelpers() {
    let stream = RestoreStream.stream()
    XCTAssertEqual(stream.nodes, [.demand, .step(0), .step(1), .value(0)])
    XCTAssertEqual(stream.node(.step(1)).id, "diagnose")
    XCTAssertEqual(stream.id(of: .value(0)), "restored")
    XCTAssertEqual(stream.title(of: .demand), "Customer reports that online banking is down")
    XCTAssertEqual(stream.metadata.status, Metadata.Status.live)
    XCTAssertEqual(Status.allCases.map(\.rawValue), ["draft", "review", "live", "retired"])
  }

  func testSuccessorsInWrittenOrderEachOnce() {
    var stream = RestoreStream.stream()
    XCTAssertEqual(stream.successors(of: .demand), [.step(0)])
    XCTAssertEqual(stream.successors(of: .step(0)), [.step(1), .value(0)])
    XCTAssertEqual(stream.successors(of: .step(1)), [.value(0), .step(0)])
    XCTAssertEqual(stream.successors(of: .value(0)), [])
    XCTAssertEqual(stream.outgoingEdges(of: .step(1)).map(\.label), [nil, "needs more information"])

    stream.edges.append(Edge(from: .step(1), to: .value(0), label: "again"))
    XCTAssertEqual(stream.successors(of: .step(1)), [.value(0), .step(0)], "a repeated arrow adds no successor")
    XCTAssertEqual(stream.outgoingEdges(of: .step(1)).count, 3, "edits to the edges are seen")
    stream.edges = [Edge(from: .demand, to: .value(0))]
    XCTAssertEqual(stream.successors(of: .demand), [.value(0)])
    XCTAssertEqual(stream.successors(of: .step(0)), [])
  }

  func testMetricsOfTheRestoreStream() {
    let metrics = RestoreStream.stream().metrics
    XCTAssertEqual(metrics.mainPath.nodes, [.demand, .step(0), .step(1), .value(0)])
    XCTAssertEqual(metrics.worstCasePath.leadTime, Duration(97, .minute), "the shortcut is shorter; rework once")
    XCTAssertTrue(metrics.isComplete)
  }

  func testPracticeMatrixInCatalogueOrder() {
    let matrix = RestoreStream.stream().metrics.practiceMatrix
    // ITIL's service group, by id: incident < monitoring < service-desk, whatever order the steps name them in.
    XCTAssertEqual(matrix.practices, ["incident-management", "monitoring-and-event-management", "service-desk"])
    XCTAssertEqual(matrix.steps, [[0, 1], [1], [0]])
    let incident = matrix.row(of: "incident-management")!
    XCTAssertEqual(Framework.itil4.activities.map { matrix.count(row: incident, activity: $0) }, [0, 0, 1, 0, 0, 1])
    XCTAssertTrue(matrix.supports(row: incident, step: 1))
    XCTAssertFalse(matrix.supports(row: matrix.row(of: "service-desk")!, step: 1))
    XCTAssertNil(matrix.row(of: "change-enablement"))
  }

  func testPracticeMatrixPutsCustomPracticesAfterITIL() {
    let custom = Practice(id: "vendor-onboarding", name: "Vendor onboarding", group: nil, purpose: "x")
    let catalogue = PracticeCatalogue.make(custom: [custom]).catalogue
    let steps = ["vendor-onboarding", "zz-unknown", "aa-unknown", "service-desk"].enumerated().map { index, practice in
      Step(
        id: "s\(index)", title: "s", activity: .engage, practices: [practice], roles: [], processTime: nil,
        waitTime: nil, completeAccurate: nil, note: nil, range: SourceRange(start: 0, end: 0))
    }
    let matrix = PracticeMatrix(steps: steps, catalogue: catalogue)
    XCTAssertEqual(matrix.practices, ["service-desk", "vendor-onboarding", "aa-unknown", "zz-unknown"])
    XCTAssertEqual(matrix.steps, [[3], [0], [2], [1]])
  }
}
