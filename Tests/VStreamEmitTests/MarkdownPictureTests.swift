import Foundation
import VStream
import VStreamEmit
import VStreamModel
import VStreamSource
import XCTest

final class MarkdownPictureTests: XCTestCase {
  /// Mermaid drops the last `;` of a line matching these before it decodes `#96;`-style entities.
  static let mermaidTraps = [#"style.*:\S*#.*;"#, #"classDef.*:\S*#.*;"#]

  func testTitlesWithStyleOrClassDefKeepTheirEscapes() throws {
    let text =
      "stream s \"style:`tick` and classDef:x;\"\ndemand d \"style:#x; `q`\"\nstep a \"classDef c fill:#f00; `tick`\"\n"
      + "  activity engage\n  practices service-desk\nvalue v \"v\"\n"
    let result = Compiler.check(SourceFile(path: "s.vstream", text: text))
    let stream = try XCTUnwrap(result.stream, "\(result.diagnostics.map(\.message))")
    let markdown = MarkdownEmitter().emit(stream)
    let mermaid = markdown.components(separatedBy: "```mermaid\n")[1].components(separatedBy: "```")[0]
    XCTAssertTrue(mermaid.contains("classDef c fill#58;#35;f00; #96;tick#96;"), mermaid)
    for line in mermaid.split(separator: "\n") where line.contains("[") {
      for trap in Self.mermaidTraps {
        XCTAssertNil(line.range(of: trap, options: .regularExpression), "\(line) matches \(trap)")
      }
    }
    XCTAssertEqual(MarkdownEscaping.mermaid("a: b"), "a#58; b")
  }

  func testRolesNotesAndNoEmptyRowsOrRepeatedColumns() throws {
    let (stream, result) = try Fixtures.stream("examples/restore-live-service.vstream")
    let markdown = MarkdownEmitter().emit(stream, diagnostics: result.diagnostics)
    XCTAssertTrue(markdown.contains("| Change manager, Release engineer |"))
    XCTAssertTrue(markdown.contains("- **2. Investigate and diagnose**: Check the monitoring dashboards"))
    XCTAssertFalse(markdown.contains("| Plan | 0 |"), "an activity with no steps has no row")
    XCTAssertFalse(markdown.contains("Worst case"), "the worst case equals the main path here")
    XCTAssertFalse(markdown.contains("| Practice | Plan |"), "no column for an activity the stream does not use")
    XCTAssertTrue(markdown.contains("flowchart TB"), "five steps do not fit one row")
    XCTAssertTrue(markdown.contains("PT 5 min · WT 2 min · %C/A 90%"))

    let (branching, _) = try Fixtures.stream("examples/handle-major-incident.vstream")
    if branching.metrics.mainPath != branching.metrics.worstCasePath {
      XCTAssertTrue(MarkdownEmitter().emit(branching).contains("| | Main path | Worst case |"))
    }
  }

  func testSVGBuiltAlongsideIsShownAndLinked() throws {
    let (stream, _) = try Fixtures.stream("examples/restore-live-service.vstream")
    let markdown = MarkdownEmitter(options: .init(svgPath: "restore-live-service.svg")).emit(stream)
    XCTAssertTrue(
      markdown.contains("[![Diagram of Restore a live service](restore-live-service.svg)](restore-live-service.svg)"))
    XCTAssertTrue(markdown.contains("<details><summary>The same flow as a Mermaid diagram</summary>"))
  }

  func testStreamsPastMermaidsLimitsGetANoteInstead() throws {
    let stream = try Generated.stream(steps: 600)
    let plain = MarkdownEmitter().emit(stream)
    XCTAssertFalse(plain.contains("```mermaid"))
    XCTAssertTrue(plain.contains("too large for a Mermaid diagram (602 arrows"), String(plain.prefix(2000)))
    XCTAssertTrue(plain.contains("build it with `--format svg`"))
    let linked = MarkdownEmitter(options: .init(svgPath: "generated.svg")).emit(stream)
    XCTAssertTrue(linked.contains("see [the SVG diagram](generated.svg)"))
    // Below both limits, the diagram is there.
    XCTAssertTrue(MarkdownEmitter().emit(try Generated.stream(steps: 30)).contains("```mermaid"))
  }
}
