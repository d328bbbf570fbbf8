import Foundation
import VStreamReport
import VStreamSource
import XCTest

final class ReportsJSONTests: XCTestCase {
  let rules = [
    RuleDescriptor(
      code: "VS104", name: "invalid-duration", defaultSeverity: .error, summary: "s", explanation: "e", badExample: "",
      goodExample: "", isConfigurable: false)
  ]

  func render(_ reports: [FileReport]) throws -> [String: Any] {
    let text = DiagnosticsJSON.render(reports, rules: rules)
    return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  func testShapeOfTheReport() throws {
    let file = SourceFile(path: "a.vstream", text: "step 🙂\n  time 5 minutes\n")
    let start = UInt32("step 🙂\n  time ".utf8.count)
    var silenced = Diagnostic(
      code: "VS401", severity: .warning, message: "no practices", range: SourceRange(start: 5, end: 9))
    silenced.suppression = Diagnostic.Suppression(reason: "later")
    let error = Diagnostic(
      code: "VS104", severity: .error, message: "expected a duration", range: SourceRange(start: start, end: start + 9),
      label: "not a duration",
      secondary: [Diagnostic.Label(range: SourceRange(start: 5, end: 9), message: "in this step")],
      notes: ["durations have units"], help: "write `time 5m`")
    let report = try render([FileReport(file: file, diagnostics: [silenced, error])])
    XCTAssertEqual(report["format"] as? String, "vstream-diagnostics/1")
    let summary = try XCTUnwrap(report["summary"] as? [String: Int])
    XCTAssertEqual(summary, ["errors": 1, "warnings": 0, "notes": 0, "suppressed": 1, "files": 1])
    let files = try XCTUnwrap(report["files"] as? [[String: Any]])
    XCTAssertEqual(files.first?["path"] as? String, "a.vstream")
    let diagnostics = try XCTUnwrap(files.first?["diagnostics"] as? [[String: Any]])
    XCTAssertEqual(diagnostics.count, 2, "suppressed findings are kept, marked")
    XCTAssertEqual(diagnostics[0]["suppressed"] as? [String: String], ["reason": "later"])
    XCTAssertTrue(diagnostics[1]["suppressed"] is NSNull)
    XCTAssertTrue(diagnostics[0]["name"] is NSNull, "a code missing from the rules has a null name")
    let shown = diagnostics[1]
    XCTAssertEqual(
      Set(shown.keys),
      ["code", "name", "severity", "message", "range", "label", "secondary", "notes", "help", "suppressed", "fixes"])
    XCTAssertEqual(shown["name"] as? String, "invalid-duration")
    XCTAssertEqual(shown["severity"] as? String, "error")
    XCTAssertEqual(shown["label"] as? String, "not a duration")
    XCTAssertEqual(shown["notes"] as? [String], ["durations have units"])
    XCTAssertEqual(shown["help"] as? String, "write `time 5m`")
    let range = try XCTUnwrap(shown["range"] as? [String: [String: Int]])
    XCTAssertEqual(range["start"], ["line": 2, "column": 8, "utf16Column": 8, "offset": Int(start)])
    XCTAssertEqual(range["end"], ["line": 2, "column": 17, "utf16Column": 17, "offset": Int(start) + 9])
    // The emoji is one scalar but two UTF-16 units: the columns differ after it.
    let secondary = try XCTUnwrap((shown["secondary"] as? [[String: Any]])?.first)
    XCTAssertEqual(secondary["message"] as? String, "in this step")
    let end = try XCTUnwrap((secondary["range"] as? [String: [String: Int]])?["end"])
    XCTAssertEqual(end["column"], 7)
    XCTAssertEqual(end["utf16Column"], 8)
  }

  func testLabelsInOtherFilesCarryTheirPath() throws {
    let file = SourceFile(path: "a.vstream", text: "stream s\n")
    let other = SourceFile(path: "b.vstream", text: "# b\nstream s\n")
    let diagnostic = Diagnostic(
      code: "VS319", severity: .error, message: "duplicate", range: SourceRange(start: 7, end: 8),
      secondary: [
        Diagnostic.Label(range: SourceRange(start: 11, end: 12), message: "here", path: "b.vstream"),
        Diagnostic.Label(range: SourceRange(start: 3, end: 4), message: "unknown", path: "c.vstream"),
      ])
    let known = try render([
      FileReport(file: file, diagnostics: [diagnostic]), FileReport(file: other, diagnostics: []),
    ])
    let labels = try XCTUnwrap(
      ((known["files"] as? [[String: Any]])?.first?["diagnostics"] as? [[String: Any]])?.first?["secondary"]
        as? [[String: Any]])
    XCTAssertEqual(labels[0]["path"] as? String, "b.vstream")
    XCTAssertEqual((labels[0]["range"] as? [String: [String: Int]])?["start"]?["line"], 2)
    XCTAssertEqual(labels[1]["path"] as? String, "c.vstream")
    XCTAssertNil(labels[1]["range"])
    XCTAssertEqual(labels[1]["offsets"] as? [String: Int], ["start": 3, "end": 4])
  }

  func testOutputIsByteIdenticalAcrossRuns() {
    let file = SourceFile(path: "a.vstream", text: "stream s\n")
    let diagnostic = Diagnostic(code: "VS104", severity: .error, message: "m", range: .empty(at: 0))
    let reports = [FileReport(file: file, diagnostics: [diagnostic])]
    XCTAssertEqual(
      DiagnosticsJSON.render(reports, rules: rules), DiagnosticsJSON.render(reports, rules: rules.reversed()))
  }
}
