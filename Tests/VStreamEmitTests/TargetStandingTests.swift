import Foundation
import TestSupport
import VStream
import VStreamEmit
import VStreamModel
import VStreamSource
import XCTest

final class TargetStandingTests: XCTestCase {
  /// The restore example with a target: its main path's lead time is 10 h 57 min.
  private func restore(target: String?) throws -> ValueStream {
    let url = Repository.root.appendingPathComponent("examples/restore-live-service.vstream")
    var text = try String(contentsOf: url, encoding: .utf8)
    if let target { text = "---\ntarget-lead-time: \(target)\n" + text.dropFirst(4) }
    return try XCTUnwrap(Compiler.check(SourceFile(path: "restore.vstream", text: text)).stream)
  }

  func testThePageShowsTargetAgainstActual() throws {
    let missed = MarkdownEmitter().emit(try restore(target: "10h"), diagnostics: [])
    XCTAssertTrue(
      missed.contains("| 10 h | lead time of the main path | over by 57 min (11 h) |"), missed)
    let met = MarkdownEmitter().emit(try restore(target: "1d"), diagnostics: [])
    XCTAssertTrue(met.contains("| 1 d | lead time of the main path | met (11 h) |"), met)
    XCTAssertFalse(MarkdownEmitter().emit(try restore(target: nil), diagnostics: []).contains("## Target"))
  }

  func testStepTargetsAreListedWithTheirStanding() throws {
    let url = Repository.root.appendingPathComponent("examples/restore-live-service.vstream")
    let text = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(
      of: "  wait 4h\n", with: "  wait 4h\n  target 5h\n")
    let stream = try XCTUnwrap(Compiler.check(SourceFile(path: "r.vstream", text: text)).stream)
    let page = MarkdownEmitter().emit(stream, diagnostics: [])
    XCTAssertTrue(page.contains("| Step | Target | Wait and work | Standing |"), page)
    XCTAssertTrue(page.contains("| Build and test a fix | 5 h | 6 h | over by 1 h |"), page)
    XCTAssertFalse(page.contains("| Target lead time |"), "no stream target, no stream row")
    // The JSON gives each step its target in seconds, null where it states none.
    let json = try XCTUnwrap(
      JSONSerialization.jsonObject(with: Data(JSONEmitter().emit(stream).utf8)) as? [String: Any])
    let targets = try XCTUnwrap(json["steps"] as? [[String: Any]]).map {
      ($0["target"] as? [String: Any])?["seconds"] as? Int
    }
    XCTAssertEqual(targets.compactMap { $0 }, [18_000])
    XCTAssertEqual(targets.count, stream.steps.count)
  }

  func testTheIndexShowsEachStreamsStanding() throws {
    let index = CatalogueEmitter().index([try restore(target: "10h"), try restore(target: nil)]) { _ in "page.md" }
    XCTAssertTrue(index.contains("| Lead time | Flow efficiency | Target |\n"), index)
    XCTAssertTrue(index.contains("| 10 h: over by 57 min (11 h) |\n"), index)
    XCTAssertTrue(index.hasSuffix("| – |\n"), "a stream without a target: \(index)")
    let none = CatalogueEmitter().index([try restore(target: nil)]) { _ in "page.md" }
    XCTAssertFalse(none.contains("Target"), "no column when no stream has a target")
  }

  /// Built beside the SVGs, the index links each stream's diagram; without them it has no Diagram column.
  func testTheIndexLinksTheDiagramsBuiltBesideIt() throws {
    let stream = try restore(target: nil)
    let index = CatalogueEmitter().index([stream], diagramName: { "\($0.id).svg" }, pageName: { _ in "page.md" })
    XCTAssertTrue(
      index.contains("| Flow efficiency | Diagram |\n| --- | --- | --- | ---: | ---: | ---: | --- |\n"), index)
    XCTAssertTrue(index.hasSuffix(" | [SVG](\(stream.id).svg) |\n"), index)
    XCTAssertFalse(CatalogueEmitter().index([stream]) { _ in "page.md" }.contains("Diagram"))
  }
}
