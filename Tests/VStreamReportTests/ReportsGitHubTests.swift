import Foundation
import VStreamReport
import VStreamSource
import XCTest

final class ReportsGitHubTests: XCTestCase {
  /// The syntax of a workflow command with every property the renderer writes, as GitHub documents it.
  let command = try! NSRegularExpression(
    pattern:
      #"^::(error|warning|notice) file=([^,:]+),line=(\d+),col=(\d+),endLine=(\d+),endColumn=(\d+),title=([^,:]+)::([^\r\n]*)$"#
  )

  func match(_ line: String) -> [String]? {
    guard let found = command.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) else { return nil }
    return (1..<found.numberOfRanges).map { String(line[Range(found.range(at: $0), in: line)!]) }
  }

  func testMessageEscapingFollowsTheRunner() {
    XCTAssertEqual(GitHubRenderer.escapeData("50% done\r\nnext"), "50%25 done%0D%0Anext")
    XCTAssertEqual(GitHubRenderer.escapeData("a: b, c"), "a: b, c", "the message may keep colons and commas")
    XCTAssertEqual(GitHubRenderer.escapeProperty("dir:x,y%\n"), "dir%3Ax%2Cy%25%0A")
    // % first: escaping it after the others would turn %0A into %250A.
    XCTAssertEqual(GitHubRenderer.escapeProperty("\n%"), "%0A%25")
  }

  func testOneCommandPerFindingWithPositionsSeverityAndHelp() throws {
    let file = SourceFile(path: "streams/a,b:c.vstream", text: "stream s\nstep a\n  time 5 minutes\n")
    let start = UInt32("stream s\nstep a\n  time ".utf8.count)
    let diagnostic = Diagnostic(
      code: "VS104", severity: .error, message: "expected a duration, found `5 minutes`",
      range: SourceRange(start: start, end: start + 9), help: "write `time 5m`\n(or 5m30s)")
    let line = GitHubRenderer.render(diagnostic, in: file, name: "invalid-duration")
    let parts = try XCTUnwrap(match(line), line)
    XCTAssertEqual(parts[0], "error")
    XCTAssertEqual(parts[1], "streams/a%2Cb%3Ac.vstream")
    XCTAssertEqual(Array(parts[2...5]), ["3", "8", "3", "17"])
    XCTAssertEqual(parts[6], "VS104 invalid-duration")
    XCTAssertEqual(parts[7], "expected a duration, found `5 minutes`%0Ahelp: write `time 5m`%0A(or 5m30s)")

    var warning = diagnostic
    warning.severity = .warning
    XCTAssertEqual(match(GitHubRenderer.render(warning, in: file, name: nil))?.first, "warning")
    XCTAssertEqual(match(GitHubRenderer.render(warning, in: file, name: nil))?[6], "VS104")
    var note = diagnostic
    note.severity = .note
    XCTAssertEqual(match(GitHubRenderer.render(note, in: file, name: nil))?.first, "notice")
  }

  func testColumnsCountUnicodeScalars() throws {
    let file = SourceFile(path: "a.vstream", text: "step é🙂 x\n")
    let start = UInt32("step é🙂 ".utf8.count)
    let diagnostic = Diagnostic(
      code: "VS101", severity: .error, message: "m", range: SourceRange(start: start, end: start + 1))
    let parts = try XCTUnwrap(match(GitHubRenderer.render(diagnostic, in: file, name: nil)))
    XCTAssertEqual(parts[3], "9")
    XCTAssertEqual(parts[5], "10")
  }

  func testStepSummaryIsATableWithoutSuppressedFindings() {
    let file = SourceFile(path: "a|b.vstream", text: "stream s\nstep a\n")
    let shown = Diagnostic(
      code: "VS401", severity: .warning, message: "step `a` | names no practices", range: .empty(at: 14))
    var hidden = shown
    hidden.message = "silenced"
    hidden.suppression = Diagnostic.Suppression(reason: "mapped later")
    let summary = GitHubRenderer.summary([FileReport(file: file, diagnostics: [shown, hidden])])
    XCTAssertTrue(summary.hasPrefix("### vstream check\n\n1 warning in 1 file\n"), summary)
    XCTAssertTrue(
      summary.contains("| file | line | severity | code | message |\n| --- | --- | --- | --- | --- |\n"), summary)
    XCTAssertTrue(
      summary.contains("| a\\|b.vstream | 2 | warning | VS401 | step `a` \\| names no practices |\n"), summary)
    XCTAssertFalse(summary.contains("silenced"))
  }

  func testStepSummaryStopsAtItsLimit() {
    let file = SourceFile(path: "a.vstream", text: "stream s\n")
    let findings = (0..<5).map {
      Diagnostic(code: "VS401", severity: .warning, message: "finding \($0)", range: .empty(at: 0))
    }
    let summary = GitHubRenderer.summary([FileReport(file: file, diagnostics: findings)], limit: 3)
    XCTAssertEqual(summary.components(separatedBy: "| a.vstream |").count - 1, 3)
    XCTAssertTrue(summary.contains("2 more not shown"), summary)
    XCTAssertTrue(GitHubRenderer.summary([FileReport(file: file, diagnostics: [])]).contains("no problems in 1 file"))
  }
}
