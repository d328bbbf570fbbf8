import Foundation
import VStreamSource
import XCTest

@testable import VStreamReport

final class ReportsSARIFTests: XCTestCase {
  let rules = [
    RuleDescriptor(
      code: "VS104", name: "invalid-duration", defaultSeverity: .error, summary: "a duration is malformed",
      explanation: "Durations are written like `5m`.", badExample: "stream s\n", goodExample: "stream t\n",
      isConfigurable: false),
    RuleDescriptor(
      code: "VS401", name: "no-practices", defaultSeverity: .warning, summary: "a step names no practices",
      explanation: "Name the practices.", badExample: "stream s\n", goodExample: "stream t\n", isConfigurable: false),
  ]

  func parse(_ text: String) throws -> [String: Any] {
    try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  func run(_ reports: [FileReport], root: String = "") throws -> [String: Any] {
    let log = try parse(SARIFRenderer.render(reports, rules: rules, version: "1.2.3", root: root))
    XCTAssertEqual(log["version"] as? String, "2.1.0")
    XCTAssertNotNil(log["$schema"] as? String)
    let runs = try XCTUnwrap(log["runs"] as? [[String: Any]])
    XCTAssertEqual(runs.count, 1)
    return runs[0]
  }

  func results(_ run: [String: Any]) throws -> [[String: Any]] {
    try XCTUnwrap(run["results"] as? [[String: Any]])
  }

  func testDriverListsTheRulesWithResultsWithLevelsAndHelp() throws {
    let file = SourceFile(path: "a.vstream", text: "stream s\n")
    let findings = ["VS401", "VS104", "VS401"].map {
      Diagnostic(code: DiagnosticCode($0), severity: .warning, message: "m", range: .empty(at: 0))
    }
    let one = try run([FileReport(file: file, diagnostics: [findings[0]])])
    let listed = ((one["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]]
    XCTAssertEqual(listed?.map { $0["id"] as? String }, ["VS401"], "only the rules that have results")
    let run = try run([FileReport(file: file, diagnostics: findings)])
    let driver = try XCTUnwrap((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
    XCTAssertEqual(driver["name"] as? String, "vstream")
    XCTAssertEqual(driver["semanticVersion"] as? String, "1.2.3")
    let described = try XCTUnwrap(driver["rules"] as? [[String: Any]])
    XCTAssertEqual(described.map { $0["id"] as? String }, ["VS104", "VS401"])
    XCTAssertEqual(described.map { $0["name"] as? String }, ["InvalidDuration", "NoPractices"])
    XCTAssertEqual(
      described.map { ($0["defaultConfiguration"] as? [String: Any])?["level"] as? String }, ["error", "warning"])
    XCTAssertEqual((described[0]["shortDescription"] as? [String: Any])?["text"] as? String, "a duration is malformed")
    let markdown = try XCTUnwrap((described[0]["help"] as? [String: Any])?["markdown"] as? String)
    XCTAssertTrue(markdown.contains("```vstream\nstream s\n```"), markdown)
    XCTAssertTrue(markdown.contains("```vstream\nstream t\n```"), markdown)
    XCTAssertEqual(run["columnKind"] as? String, "unicodeCodePoints")
    XCTAssertNotNil((run["originalUriBaseIds"] as? [String: Any])?["%SRCROOT%"])
  }

  func testResultsPointAtTheirRuleAndRegion() throws {
    let file = SourceFile(path: "./streams/é x.vstream", text: "step é🙂\n  time 5 minutes\n")
    let start = UInt32("step é🙂\n  time ".utf8.count)
    let error = Diagnostic(
      code: "VS104", severity: .error, message: "expected a duration", range: SourceRange(start: start, end: start + 9),
      label: "not a duration", help: "write `time 5m`")
    let note = Diagnostic(code: "VS999", severity: .note, message: "unknown to the driver", range: .empty(at: 5))
    let results = try results(try run([FileReport(file: file, diagnostics: [note, error])]))
    XCTAssertEqual(results.count, 2)
    XCTAssertNil(results[0]["ruleIndex"], "a code missing from the rules has no index")
    XCTAssertEqual(results[0]["level"] as? String, "note")
    XCTAssertEqual(results[1]["ruleId"] as? String, "VS104")
    XCTAssertEqual(results[1]["ruleIndex"] as? Int, 0)
    XCTAssertEqual(results[1]["level"] as? String, "error")
    XCTAssertEqual(
      (results[1]["message"] as? [String: Any])?["text"] as? String, "expected a duration (help: write `time 5m`)")
    let location = try XCTUnwrap(
      (results[1]["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
    let artifact = try XCTUnwrap(location["artifactLocation"] as? [String: Any])
    XCTAssertEqual(artifact["uri"] as? String, "streams/%C3%A9%20x.vstream")
    XCTAssertEqual(artifact["uriBaseId"] as? String, "%SRCROOT%")
    let region = try XCTUnwrap(location["region"] as? [String: Int])
    XCTAssertEqual(region, ["startLine": 2, "startColumn": 8, "endLine": 2, "endColumn": 17])
    // An empty range still covers one column, and columns count scalars (é and 🙂 are one each).
    let noteRegion = (results[0]["locations"] as? [[String: Any]])?.first.flatMap {
      ($0["physicalLocation"] as? [String: Any])?["region"]
    }
    XCTAssertEqual(noteRegion as? [String: Int], ["startLine": 1, "startColumn": 6, "endLine": 1, "endColumn": 7])
  }

  func testURIReferences() {
    XCTAssertEqual(SARIFRenderer.uriReference("./a/b.vstream"), "a/b.vstream")
    XCTAssertEqual(SARIFRenderer.uriReference("a b/c#d?.vstream"), "a%20b/c%23d%3F.vstream")
    XCTAssertEqual(SARIFRenderer.uriReference("a\\b"), "a%5Cb")
    let absolute = SARIFRenderer.artifactLocation("/tmp/a b.vstream", root: "docs/")
    XCTAssertEqual(absolute, .object([("uri", .string("file:///tmp/a%20b.vstream"))]))
    // Relative paths are named from the repository root, wherever the run was.
    for (path, root, uri) in [
      ("a.vstream", "", "a.vstream"), ("a.vstream", "docs/streams/", "docs/streams/a.vstream"),
      ("./x/../a.vstream", "docs/", "docs/a.vstream"), ("../b.vstream", "docs/", "b.vstream"),
      ("../../b.vstream", "docs/", "../b.vstream"),
    ] {
      XCTAssertEqual(
        SARIFRenderer.artifactLocation(path, root: root),
        .object([("uri", .string(uri)), ("uriBaseId", .string("%SRCROOT%"))]), "\(root) + \(path)")
    }
  }

  func testSuppressedFindingsAreMarkedNotDropped() throws {
    let file = SourceFile(path: "a.vstream", text: "stream s\nstep a\n")
    var diagnostic = Diagnostic(
      code: "VS401", severity: .warning, message: "no practices", range: SourceRange(start: 14, end: 15))
    diagnostic.suppression = Diagnostic.Suppression(reason: "mapped in Q3")
    let result = try XCTUnwrap(try results(try run([FileReport(file: file, diagnostics: [diagnostic])])).first)
    let suppressions = try XCTUnwrap(result["suppressions"] as? [[String: String]])
    XCTAssertEqual(suppressions, [["kind": "inSource", "justification": "mapped in Q3"]])
  }

  func testSecondaryLabelsBecomeRelatedLocations() throws {
    let file = SourceFile(path: "a.vstream", text: "stream s\n")
    let other = SourceFile(path: "b.vstream", text: "# b\nstream s\n")
    let diagnostic = Diagnostic(
      code: "VS319", severity: .error, message: "stream id `s` is used by 2 files",
      range: SourceRange(start: 7, end: 8),
      secondary: [
        Diagnostic.Label(range: SourceRange(start: 11, end: 12), message: "also declared here", path: "b.vstream")
      ])
    let reports = [FileReport(file: file, diagnostics: [diagnostic]), FileReport(file: other, diagnostics: [])]
    let result = try XCTUnwrap(try results(try run(reports)).first)
    let related = try XCTUnwrap(result["relatedLocations"] as? [[String: Any]])
    XCTAssertEqual(related.count, 1)
    XCTAssertEqual((related[0]["message"] as? [String: Any])?["text"] as? String, "also declared here")
    let location = try XCTUnwrap(related[0]["physicalLocation"] as? [String: Any])
    XCTAssertEqual((location["artifactLocation"] as? [String: Any])?["uri"] as? String, "b.vstream")
    XCTAssertEqual((location["region"] as? [String: Int])?["startLine"], 2)
    XCTAssertEqual((location["region"] as? [String: Int])?["startColumn"], 8)
  }

  func testFNVMatchesThePublishedTestVectors() {
    XCTAssertEqual(SARIFRenderer.fnv1a64([]), 0xcbf2_9ce4_8422_2325)
    XCTAssertEqual(SARIFRenderer.fnv1a64(Array("a".utf8)), 0xaf63_dc4c_8601_ec8c)
    XCTAssertEqual(SARIFRenderer.fnv1a64(Array("foobar".utf8)), 0x8594_4171_f739_67e8)
  }

  func testFingerprintsSurviveMovesButNotChanges() {
    let text = "stream s\nstep a\n  time 5 minutes\n"
    func fingerprint(_ text: String, path: String = "a.vstream", message: String = "bad duration") -> String {
      let offset = UInt32(text.utf8.count - "5 minutes\n".utf8.count)
      let diagnostic = Diagnostic(
        code: "VS104", severity: .error, message: message, range: SourceRange(start: offset, end: offset + 9))
      return SARIFRenderer.fingerprint(diagnostic, in: SourceFile(path: path, text: text))
    }
    let original = fingerprint(text)
    XCTAssertEqual(original.count, 16)
    XCTAssertEqual(original, fingerprint(text), "no per-process seed")
    XCTAssertEqual(original, fingerprint("# a comment above\n" + text), "moving the line keeps the fingerprint")
    XCTAssertEqual(
      original, fingerprint(text.replacingOccurrences(of: "  time", with: "    time")), "indentation is ignored")
    XCTAssertNotEqual(original, fingerprint(text, path: "b.vstream"))
    XCTAssertNotEqual(original, fingerprint(text, message: "other"))
    XCTAssertNotEqual(original, fingerprint(text.replacingOccurrences(of: "time", with: "wait")))
  }
}
