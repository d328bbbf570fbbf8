import Foundation
import TestSupport
import VStream
import VStreamEmit
import VStreamModel
import VStreamReport
import VStreamSource
import XCTest

/// Helpers shared by the back-end tests.
enum Fixtures {
  static func stream(_ path: String) throws -> (ValueStream, Compiler.FileResult) {
    let url = Repository.root.appendingPathComponent(path)
    let file = SourceFile(path: path, bytes: [UInt8](try Data(contentsOf: url)))
    // The other streams of its folder, as the command line reads them: a step may run one of them.
    let folder = url.deletingLastPathComponent()
    let references = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
      .filter { $0.hasSuffix(".vstream") && $0 != url.lastPathComponent }
      .map { name in
        SourceFile(path: name, bytes: [UInt8](try Data(contentsOf: folder.appendingPathComponent(name))))
      }
    let result = Compiler.checkRepository([file], references: references)[0]
    guard let stream = result.stream else {
      throw XCTSkip("\(path) does not check: \(result.diagnostics.map(\.message))")
    }
    return (stream, result)
  }

  static let hostile = """
    ---
    title: "Title with \\"quotes\\", <b>HTML</b> & | pipes | and `code`"
    owner: "O'Brien <script>alert(1)</script>"
    ---
    stream hostile "Quotes \\" backslash \\\\ <tags> & | pipe"
    demand d "end\\"] ; digraph x { a -> b } # not a comment"
      from "--> graph LR; click A callback"
    step s1 "Mermaid keywords: end subgraph style classDef click"
      activity engage
      practices service-desk
      roles "Agent | lead", "*bold* _it_ [link](http://x)"
      note "line one\\nline two\\ttab"
    step s2 "Emoji 🚑🔥 and right-to-left שלום עולם مرحبا"
      activity deliver-and-support
      practices incident-management
    value v "Value with ]] and [[ and (( ))"
    flow d -> s1 -> s2 -> v
    rework s2 -> s1 "label with \\"quotes\\" | pipe -> arrow <br/> & entity &amp;"

    """
}

final class EscapingTests: XCTestCase {
  func testDOTEscaping() {
    XCTAssertEqual(DOTEscaping.html("a<b>&\"c\"\n'd'\u{01}"), "a&lt;b&gt;&amp;&quot;c&quot;<BR/>&#39;d&#39;")
    XCTAssertEqual(DOTEscaping.quoted("a\"b\\n\nc"), #""a\"b\\n\nc""#)
    XCTAssertEqual(DOTEscaping.bold("a<b"), "<B>a&lt;b</B>")
    XCTAssertEqual(DOTEscaping.bold(""), "<B> </B>", "Graphviz rejects an empty <B></B>")
    XCTAssertEqual(DOTEscaping.bold("\u{01}"), "<B> </B>", "nothing left once control characters are dropped")
  }

  func testMarkdownEscaping() {
    XCTAssertEqual(
      MarkdownEscaping.text("a|b *c* [d](e) <f> & `g`\nh 1.3.0"), #"a\|b \*c\* \[d\](e) &lt;f&gt; &amp; \`g\` h 1.3.0"#)
    XCTAssertEqual(MarkdownEscaping.mermaid("a \"b\" <c> & #d | e"), "a #quot;b#quot; #lt;c#gt; #amp; #35;d #124; e")
  }
}

extension XCTestCase {
  static var recording: Bool { ProcessInfo.processInfo.environment["VSTREAM_RECORD"] == "1" }

  /// Compares with a reviewed golden file; `VSTREAM_RECORD=1` rewrites it and fails, so that it is read first.
  func assertGolden(_ text: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
    let url = Repository.root.appendingPathComponent("Tests/VStreamEmitTests/Goldens/\(name)")
    if Self.recording {
      try text.write(to: url, atomically: true, encoding: .utf8)
      XCTFail("recorded \(name); review it before committing", file: file, line: line)
      return
    }
    XCTAssertEqual(
      text, try String(contentsOf: url, encoding: .utf8), "output differs from Goldens/\(name)", file: file, line: line)
  }
}

final class EmitterGoldenTests: XCTestCase {
  func testRestoreLiveServiceInEveryFormat() throws {
    let (stream, result) = try Fixtures.stream("examples/restore-live-service.vstream")
    try assertGolden(DOTEmitter().emit(stream), "restore-live-service.dot")
    try assertGolden(
      DOTEmitter(
        options: .init(lanes: .activity, showPractices: false, showMetrics: false, legend: false, theme: .dark)
      ).emit(stream), "restore-live-service.lanes-dark.dot")
    try assertGolden(
      MarkdownEmitter().emit(stream, diagnostics: result.diagnostics, file: result.file), "restore-live-service.md")
    try assertGolden(
      JSONEmitter().emit(stream, diagnostics: result.diagnostics, file: result.file, rules: Compiler.rules),
      "restore-live-service.json")
    try assertGolden(DOTEmitter(options: .init(lanes: .role)).emit(stream), "restore-live-service.lanes-role.dot")
    try assertGolden(DOTEmitter(options: .init(layout: .tb)).emit(stream), "restore-live-service.tb.dot")
    try assertGolden(
      MarkdownEmitter(options: .init(svgPath: "restore-live-service.svg")).emit(stream),
      "restore-live-service.with-svg.md")
  }

  func testOutputIsByteIdenticalAcrossRuns() throws {
    let (stream, result) = try Fixtures.stream("examples/develop-new-service.vstream")
    let again = try Fixtures.stream("examples/develop-new-service.vstream").0
    XCTAssertEqual(DOTEmitter().emit(stream), DOTEmitter().emit(again))
    XCTAssertEqual(
      MarkdownEmitter().emit(stream, diagnostics: result.diagnostics),
      MarkdownEmitter().emit(again, diagnostics: result.diagnostics))
    XCTAssertEqual(JSONEmitter().emit(stream), JSONEmitter().emit(again))
  }
}

final class HostileTextTests: XCTestCase {
  func hostileStream() throws -> ValueStream {
    let result = Compiler.check(SourceFile(path: "hostile.vstream", text: Fixtures.hostile))
    return try XCTUnwrap(result.stream, "\(result.diagnostics.map { "\($0.code) \($0.message)" })")
  }

  /// Found by the generated-stream properties: Graphviz rejects the empty `<B></B>` an empty title used to give.
  func testEmptyTitlesDoNotBreakDOT() throws {
    let text = "stream s \"\"\ndemand d \"\"\nstep a \"\"\n  activity engage\n  practices service-desk\nvalue v \"\"\n"
    let result = Compiler.check(SourceFile(path: "empty-titles.vstream", text: text))
    let stream = try XCTUnwrap(result.stream, "\(result.diagnostics.map(\.message))")
    for options in [
      DOTEmitter.Options(), DOTEmitter.Options(lanes: .activity, legend: false), DOTEmitter.Options(lanes: .role),
      DOTEmitter.Options(layout: .wrap),
    ] {
      let dot = DOTEmitter(options: options).emit(stream)
      XCTAssertFalse(dot.contains("<B></B>"))
      guard let run = try ExternalTool.run("dot", ["-Tsvg", "{in.dot}"], files: ["in.dot": dot]) else {
        throw XCTSkip("Graphviz is not installed (CI installs it): the DOT was not rendered")
      }
      XCTAssertEqual(run.status, 0, run.errors)
    }
  }

  func testHostileTitlesDoNotBreakDOT() throws {
    let dot = DOTEmitter().emit(try hostileStream())
    guard let run = try ExternalTool.run("dot", ["-Tsvg", "{in.dot}"], files: ["in.dot": dot]) else {
      throw XCTSkip("Graphviz is not installed (CI installs it): the DOT was not rendered")
    }
    XCTAssertEqual(run.status, 0, run.errors)
    XCTAssertEqual(run.errors, "", "Graphviz printed warnings")
  }

  func testHostileTitlesDoNotBreakMarkdownTables() throws {
    let markdown = MarkdownEmitter().emit(try hostileStream())
    let lines = markdown.split(separator: "\n")
    // Every table row of the steps table has exactly the columns of its header: no title opened a cell.
    let header = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("| # | Step |") })
    for row in lines[(header + 2)...].prefix(2) {
      XCTAssertEqual(row.filter { $0 == "|" }.count - row.components(separatedBy: "\\|").count + 1, 9, String(row))
    }
    XCTAssertFalse(markdown.contains("<script>"))
    let mermaid = markdown.components(separatedBy: "```mermaid\n")[1].components(separatedBy: "```")[0]
    for line in mermaid.split(separator: "\n") {
      // Quotes only open and close labels.
      XCTAssertEqual(line.filter { $0 == "\"" }.count % 2, 0, String(line))
    }
  }

  func testHostileTitlesRoundTripThroughJSON() throws {
    let stream = try hostileStream()
    let data = Data(JSONEmitter().emit(stream).utf8)
    let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let steps = try XCTUnwrap(object["steps"] as? [[String: Any]])
    XCTAssertEqual(steps[1]["title"] as? String, stream.steps[1].title)
    XCTAssertEqual(object["title"] as? String, stream.title)
  }
}

/// Every JSON output validates against specs/vstream.schema.json with a real validator (Python's jsonschema).
final class SchemaTests: XCTestCase {
  func testStreamAndReportJSONValidateAgainstTheSchema() throws {
    var documents: [String] = []
    let examples = try FileManager.default.contentsOfDirectory(
      atPath: Repository.root.appendingPathComponent("examples").path
    )
    .filter { $0.hasSuffix(".vstream") }.sorted()
    XCTAssertGreaterThanOrEqual(examples.count, 4)
    for name in examples {
      let (stream, result) = try Fixtures.stream("examples/\(name)")
      documents.append(
        JSONEmitter().emit(stream, diagnostics: result.diagnostics, file: result.file, rules: Compiler.rules))
    }
    // Every conformance case, as a check report (most have errors, so they have no stream).
    let cases = Repository.root.appendingPathComponent("specs/cases")
    var reports: [FileReport] = []
    let enumerator = FileManager.default.enumerator(atPath: cases.path)
    while let path = enumerator?.nextObject() as? String {
      guard path.hasSuffix(".vstream") else { continue }
      let file = SourceFile(path: path, bytes: [UInt8](try Data(contentsOf: cases.appendingPathComponent(path))))
      let result = Compiler.check(file)
      reports.append(FileReport(file: file, diagnostics: result.diagnostics))
      if let stream = result.stream {
        documents.append(JSONEmitter().emit(stream, diagnostics: result.diagnostics, file: file, rules: Compiler.rules))
      }
    }
    documents.append(DiagnosticsJSON.render(reports, rules: Compiler.rules))
    documents.append(
      JSONEmitter().emit(
        try XCTUnwrap(Compiler.check(SourceFile(path: "hostile.vstream", text: Fixtures.hostile)).stream)))
    guard let run = try ExternalTool.validateAgainstTheSchema(documents) else {
      throw XCTSkip("python3 with the jsonschema module is not installed: the JSON was not validated")
    }
    XCTAssertEqual(run.status, 0, run.output + run.errors)
    XCTAssertGreaterThan(documents.count, 8)
  }
}
