import Foundation
import TestSupport
import VStream
import VStreamEmit
import VStreamModel
import VStreamSource
import XCTest

final class VSMPictureTests: XCTestCase {
  func testGolden() throws {
    let (stream, _) = try Fixtures.stream("examples/restore-live-service.vstream")
    try assertGolden(VSMEmitter().emit(stream), "restore-live-service.vsm.svg")
  }

  func testMapDrawsQueuesLadderSummaryAndListsTheRest() throws {
    let (stream, _) = try Fixtures.stream("examples/restore-live-service.vstream")
    let svg = VSMEmitter().emit(stream)
    XCTAssertEqual(svg.components(separatedBy: "<polygon").count - 1, 6, "a queue before each step of the main path")
    XCTAssertEqual(svg.components(separatedBy: "<polyline").count - 1, 6, "a ladder step under each")
    XCTAssertTrue(
      svg.contains("Lead time 11 h  ·  Process time 3.4 h  ·  Flow efficiency 31.2%  ·  Rolled %C/A 54.1%"))
    // The waits of 4h and 2h are at least half the longest (4h): drawn in the warning colour; 1h is not.
    let warning = VSMEmitter.warning(dark: false)
    XCTAssertEqual(svg.components(separatedBy: "stroke=\"\(warning)\" stroke-width=\"4\"").count - 1, 2)
    XCTAssertTrue(svg.contains("rework: Build and test a fix → Investigate and diagnose (fix fails its tests)"))
    XCTAssertTrue(svg.contains("role=\"img\" aria-label=\"Value-stream map of Restore a live service"))
    XCTAssertLessThanOrEqual(VSMEmitter.width(VSMEmitter.Options()), 1000, "four steps to a row fit a page")
  }

  func testHostileTextStaysText() throws {
    let svg = VSMEmitter().emit(try Generated.hostile())
    XCTAssertFalse(svg.contains("<script"))
    XCTAssertFalse(svg.contains("<b>"))
    if let (status, _, errors) = try ExternalTool.run(
      "python3", ["-c", "import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])", "{in}"], files: ["in": svg]
    ).map({ ($0.status, $0.output, $0.errors) }) {
      XCTAssertEqual(status, 0, "the map is well-formed XML: \(errors)")
    }
  }
}
