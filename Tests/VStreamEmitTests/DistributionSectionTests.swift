import Foundation
import TestSupport
import VStream
import VStreamEmit
import VStreamModel
import VStreamSource
import XCTest

final class DistributionSectionTests: XCTestCase {
  func testPagesAndJSONShowTheSimulationOnceItRan() throws {
    let text = """
      ---
      title: T
      owner: O
      target-lead-time: 3h
      ---
      stream s
      demand d
      step a
        activity engage
        practices service-desk
        time 1h
        wait 1h..3h

      value v

      """
    let stream = try XCTUnwrap(Compiler.check(SourceFile(path: "s.vstream", text: text)).stream)
    XCTAssertFalse(MarkdownEmitter().emit(stream).contains("Lead time distribution"), "check does not simulate")
    let simulated = try XCTUnwrap(Compiler.simulate([stream], samples: 2_000).first)
    XCTAssertEqual(Compiler.simulate([stream], samples: 2_000).first, simulated, "seeded: the same every time")
    let markdown = MarkdownEmitter().emit(simulated)
    // Lead time 1 h + U(1 h, 3 h): P50 near 3 h (within the target), P95 near 3.9 h (not).
    XCTAssertTrue(markdown.contains("## Lead time distribution"), markdown)
    XCTAssertTrue(markdown.contains("| P95 | 3.9 h | no |"), markdown)
    XCTAssertEqual(markdown.components(separatedBy: "█").count > 10, true, "a histogram of bars")
    // The site's page sets the percentiles and the target's standing under its figures, as the Markdown does.
    let html = HTMLEmitter().page(simulated, diagram: .missing(reason: "no Graphviz in this test"))
    XCTAssertTrue(html.contains("<th scope=\"row\">Lead time P50 / P85 / P95 (2000 simulated items)</th>"), html)
    XCTAssertTrue(html.contains("/ 3.9 h</td>"), html)
    XCTAssertTrue(
      html.contains("<th scope=\"row\">Target lead time</th><td>3 h, held against the lead time of the main path: "),
      html)
    XCTAssertFalse(
      HTMLEmitter().page(stream, diagram: .missing(reason: "none")).contains("P50 / P85 / P95"),
      "no simulation, no row")
    let json = JSONEmitter().emit(simulated)
    XCTAssertTrue(json.contains("\"leadTimeDistribution\""), json)
    XCTAssertTrue(json.contains("\"samples\": 2000"), json)
    XCTAssertTrue(json.contains("\"leadTimeSeconds\": 10800"), json)
    // The range the wait is written as, so that the simulation can be redone from the JSON alone.
    let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let step = try XCTUnwrap((object["steps"] as? [[String: Any]])?.first)
    let wait = try XCTUnwrap(step["waitEstimate"] as? [String: Any])
    XCTAssertEqual((wait["least"] as? [String: Any])?["seconds"] as? Int, 3_600)
    XCTAssertEqual((wait["most"] as? [String: Any])?["seconds"] as? Int, 10_800)
    XCTAssertTrue(wait["mostLikely"] is NSNull)
    XCTAssertTrue(step["processEstimate"] is NSNull, "a point has no estimate")
    guard let run = try ExternalTool.validateAgainstTheSchema([json]) else {
      throw XCTSkip("python3 with the jsonschema module is not installed: the JSON was not validated")
    }
    XCTAssertEqual(run.status, 0, run.output + run.errors)
  }
}
