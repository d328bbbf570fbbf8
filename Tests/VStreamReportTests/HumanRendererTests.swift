import VStreamReport
import VStreamSource
import XCTest

final class HumanRendererTests: XCTestCase {
  func testSnippetWithCaretsLabelAndHelp() {
    let text = "step a\n  time 5 minutes\n"
    let file = SourceFile(path: "streams/restore.vstream", text: text)
    let start = UInt32(Array("step a\n  time ".utf8).count)
    let diagnostic = Diagnostic(
      code: "VS104", severity: .error, message: "expected a duration such as `5m` or `1h30m`, found `5 minutes`",
      range: SourceRange(start: start, end: start + 9), label: "not a duration", help: "write `time 5m`")
    XCTAssertEqual(
      HumanRenderer().render(diagnostic, in: file),
      """
      error[VS104]: expected a duration such as `5m` or `1h30m`, found `5 minutes`
       --> streams/restore.vstream:2:8
        |
      2 |   time 5 minutes
        |        ^^^^^^^^^ not a duration
        = help: write `time 5m`

      """)
  }

  func testSecondaryLabelsOnOtherLinesAndInOtherFiles() {
    let file = SourceFile(path: "a.vstream", text: "stream s\nstep x\nstep x\n")
    let other = SourceFile(path: "b.vstream", text: "stream s\n")
    let diagnostic = Diagnostic(
      code: "VS301", severity: .error, message: "duplicate", range: SourceRange(start: 21, end: 22), label: "again",
      secondary: [
        Diagnostic.Label(range: SourceRange(start: 14, end: 15), message: "first"),
        Diagnostic.Label(range: SourceRange(start: 7, end: 8), message: "also here", path: "b.vstream"),
      ])
    let rendered = HumanRenderer().render(diagnostic, in: file, otherFiles: ["b.vstream": other])
    XCTAssertTrue(rendered.contains("2 | step x\n  |      - first\n3 | step x\n  |      ^ again\n"), rendered)
    XCTAssertTrue(rendered.contains("::: b.vstream:1:8\n"), rendered)
  }

  func testTabsAreExpandedAndCaretsStayAligned() {
    let file = SourceFile(path: "a", text: "\tab x\n")
    let diagnostic = Diagnostic(code: "VS1", severity: .error, message: "m", range: SourceRange(start: 4, end: 5))
    let rendered = HumanRenderer().render(diagnostic, in: file)
    XCTAssertTrue(rendered.contains("1 |     ab x\n  |        ^\n"), rendered)
  }

  func testLongLinesAreShownAsAWindowAroundTheCaret() {
    let text = String(repeating: "x ", count: 2_500_000) + "BAD" + String(repeating: " y", count: 1000)
    let file = SourceFile(path: "a", text: text)
    let start = UInt32(5_000_000)
    let diagnostic = Diagnostic(
      code: "VS1", severity: .error, message: "m", range: SourceRange(start: start, end: start + 3))
    let rendered = HumanRenderer().render(diagnostic, in: file)
    for line in rendered.split(separator: "\n") {
      XCTAssertLessThan(line.count, 300, "a 5 MB line must not be printed whole")
    }
    let lines = rendered.split(separator: "\n", omittingEmptySubsequences: false)
    let source = lines.first { $0.hasPrefix("1 |") }!
    let carets = lines.first { $0.contains("^") }!
    let column = carets.distance(from: carets.startIndex, to: carets.firstIndex(of: "^")!)
    XCTAssertEqual(String(source.dropFirst(column).prefix(3)), "BAD", rendered)
  }

  func testControlCharactersCannotReachTheTerminal() {
    let file = SourceFile(path: "a", text: "x\u{1B}[31my\n")
    let diagnostic = Diagnostic(
      code: "VS1", severity: .error, message: "bad \u{1B}[2J", range: SourceRange(start: 1, end: 2))
    let rendered = HumanRenderer().render(diagnostic, in: file)
    XCTAssertFalse(rendered.contains("\u{1B}"), rendered)
    XCTAssertTrue(rendered.contains("x␛[31my"), rendered)
  }

  func testColorsOnlyWhenAsked() {
    let file = SourceFile(path: "a", text: "x\n")
    let diagnostic = Diagnostic(code: "VS1", severity: .warning, message: "m", range: SourceRange(start: 0, end: 1))
    XCTAssertFalse(HumanRenderer().render(diagnostic, in: file).contains("\u{1B}["))
    XCTAssertTrue(HumanRenderer(options: .init(colors: true)).render(diagnostic, in: file).contains("\u{1B}[33m"))
  }

  func testShortRendererIsOneGCCStyleLine() {
    let file = SourceFile(path: "s/a.vstream", text: "ab\ncd\n")
    let diagnostic = Diagnostic(
      code: "VS101", severity: .error, message: "unknown keyword `cd`", range: SourceRange(start: 3, end: 5))
    XCTAssertEqual(ShortRenderer.render(diagnostic, in: file), "s/a.vstream:2:1: error: unknown keyword `cd` [VS101]")
  }
}
