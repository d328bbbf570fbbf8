import Foundation
import VStreamReport
import VStreamSource
import XCTest

final class ReportsSummaryTests: XCTestCase {
  let file = SourceFile(path: "streams/a.vstream", text: "stream s\nstep a\n")

  func finding(_ severity: Severity, suppressed: Bool = false) -> Diagnostic {
    var diagnostic = Diagnostic(code: "VS401", severity: severity, message: "m", range: .empty(at: 9))
    if suppressed { diagnostic.suppression = Diagnostic.Suppression(reason: "r") }
    return diagnostic
  }

  func line(_ findings: [[Diagnostic]]) -> String {
    ReportSummary(findings.map { FileReport(file: file, diagnostics: $0) }).line
  }

  func testSingularAndPlural() {
    XCTAssertEqual(line([[]]), "no problems in 1 file")
    XCTAssertEqual(line([[], []]), "no problems in 2 files")
    XCTAssertEqual(line([[finding(.error)], []]), "1 error in 2 files")
    XCTAssertEqual(line([[finding(.error), finding(.error), finding(.warning)]]), "2 errors, 1 warning in 1 file")
    XCTAssertEqual(line([[finding(.warning), finding(.warning), finding(.note)]]), "2 warnings, 1 note in 1 file")
    XCTAssertEqual(line([[finding(.note), finding(.note)], [], []]), "2 notes in 3 files")
  }

  func testSuppressedFindingsAreNotCountedOrMentioned() {
    let summary = ReportSummary([
      FileReport(file: file, diagnostics: [finding(.error, suppressed: true), finding(.warning)])
    ])
    XCTAssertEqual(summary.errors, 0)
    XCTAssertEqual(summary.warnings, 1)
    XCTAssertEqual(summary.suppressed, 1)
    XCTAssertEqual(summary.line, "1 warning in 1 file")
  }

  func testGCCLinesMatchAProblemMatcher() throws {
    let pattern = try NSRegularExpression(pattern: #"^(.+):(\d+):(\d+): (error|warning|note): (.+) \[(VS\d+)\]$"#)
    var diagnostic = Diagnostic(code: "VS104", severity: .error, message: "found `5\nminutes`", range: .empty(at: 14))
    for severity in Severity.allCases {
      diagnostic.severity = severity
      let line = ShortRenderer.render(diagnostic, in: file)
      let match = try XCTUnwrap(pattern.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)), line)
      XCTAssertEqual(String(line[Range(match.range(at: 1), in: line)!]), "streams/a.vstream")
      XCTAssertEqual(String(line[Range(match.range(at: 2), in: line)!]), "2")
      XCTAssertEqual(String(line[Range(match.range(at: 3), in: line)!]), "6")
      XCTAssertEqual(String(line[Range(match.range(at: 4), in: line)!]), severity.rawValue)
      XCTAssertEqual(String(line[Range(match.range(at: 6), in: line)!]), "VS104")
    }
  }
}
