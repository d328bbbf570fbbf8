import VStream
import VStreamSource
import XCTest

@testable import VStreamCheck

/// Each rule's findings are capped on their own and put together in one fixed way (`Findings.merged`): the result
/// must not depend on the order of the rules, and past the limit one summary counts everything left out.
final class FindingsTests: XCTestCase {
  func findings(_ code: DiagnosticCode, at starts: [UInt32], limit: Int, off: Bool = false) -> Findings {
    var findings = Findings(limit: limit) { _ in off ? nil : .warning }
    for start in starts {
      findings.add(code, at: SourceRange(start: start, end: start + 1)) { Message(text: "at \(start)") }
    }
    return findings
  }

  func testMergingKeepsTheFirstFindingsInReportOrderWhateverTheRuleOrder() throws {
    let first = findings("VS401", at: [50, 10, 30], limit: 4)
    let second = findings("VS406", at: [20, 40, 60], limit: 4)
    let merged = Findings.merged([first, second], limit: 4, summaryCode: "VS004")
    XCTAssertEqual(merged, Findings.merged([second, first], limit: 4, summaryCode: "VS004"))
    XCTAssertEqual(merged.dropLast().map(\.range.start), [10, 20, 30, 40])
    let summary = try XCTUnwrap(merged.last)
    XCTAssertEqual(summary.code, "VS004")
    XCTAssertEqual(summary.message, "too many problems: 2 more after this point are not reported")
    XCTAssertEqual(summary.range.start, 50, "the summary points at the earliest finding left out")
  }

  func testARulePastTheLimitOnlyCountsAndDoesNotMakeItsWording() throws {
    var made = 0
    var findings = Findings(limit: 2) { _ in .error }
    for start: UInt32 in [5, 3, 1, 7] {
      findings.add("VS307", at: SourceRange(start: start, end: start)) {
        made += 1
        return Message(text: "missing")
      }
    }
    XCTAssertEqual(made, 2)
    XCTAssertEqual(findings.kept.count, 2)
    XCTAssertEqual(findings.overflow.count, 2)
    XCTAssertEqual(findings.overflow.first?.start, 1)
    let merged = Findings.merged([findings], limit: 2, summaryCode: "VS004")
    XCTAssertEqual(merged.last?.severity, .error, "the summary has the severity of the worst finding left out")
    XCTAssertEqual(merged.last?.message, "too many problems: 2 more after this point are not reported")
  }

  func testARuleTurnedOffFillsNoPlace() {
    let quiet = findings("VS401", at: [1, 2, 3], limit: 1, off: true)
    XCTAssertTrue(quiet.kept.isEmpty)
    XCTAssertEqual(quiet.overflow.count, 0)
    XCTAssertEqual(Findings.merged([quiet], limit: 1, summaryCode: "VS004"), [])
  }

  func testDiagnosticCodesKnowTheirStage() {
    XCTAssertEqual(DiagnosticCode("VS104").stage, .syntax)
    XCTAssertEqual(DiagnosticCode("VS201").stage, .frontMatter)
    XCTAssertEqual(DiagnosticCode.missingActivity.stage, .meaning)
    XCTAssertEqual(DiagnosticCode.noPractices.stage, .lint)
    XCTAssertEqual(DiagnosticCode.configUnknownKey.stage, .configuration)
    XCTAssertNil(DiagnosticCode("E104").stage)
    XCTAssertNil(DiagnosticCode("VS1x4").stage)
  }

  func testEveryCodeOfTheCheckerIsDocumentedOnce() {
    let codes = CheckMessages.rules.map(\.code)
    XCTAssertEqual(codes, codes.sorted())
    XCTAssertEqual(Set(codes).count, codes.count)
  }

  /// One root cause, one diagnostic: a file that is not text, or whose body is empty, gets one finding, the cause.
  func testAFileThatIsNotTextOrHasNoBodyGetsOneFinding() {
    // Whichever sign comes first is the finding: the bad byte at 1 before the NUL at 2, then the other way round.
    let binary: [UInt8] = [0x01, 0xFF, 0x00, 0x41, 0x0C, 0x00, 0xC3]
    XCTAssertEqual(Compiler.check(SourceFile(path: "b.vstream", bytes: binary)).diagnostics.map(\.code), ["VS001"])
    let nulFirst = Compiler.check(SourceFile(path: "n.vstream", bytes: [0x41, 0x00, 0xFF])).diagnostics
    XCTAssertEqual(nulFirst.map(\.code), ["VS002"])
    XCTAssertEqual(nulFirst.first?.notes, ["it also has 1 byte that is not UTF-8"])
    let garbage = Compiler.check(SourceFile(path: "g.vstream", bytes: [0xFF, 0x00, 0x0C, 0x00])).diagnostics
    XCTAssertEqual(garbage.map(\.code), ["VS001"])
    XCTAssertEqual(garbage.first?.notes, ["it also has 2 NUL bytes, 1 control character"])
    for (text, message) in [
      ("", "the file is empty"), ("  \n\n", "the file is empty"), ("# only a comment\n", "the file has only comments"),
      ("---\ntitle: T\nowner: O\n---\n", "the file has front matter but no stream"),
    ] {
      let diagnostics = Compiler.check(SourceFile(path: "e.vstream", text: text)).diagnostics
      XCTAssertEqual(diagnostics.map(\.code), ["VS301"], text)
      XCTAssertEqual(diagnostics.first?.message.hasPrefix(message), true, text)
    }
    let unclosed = Compiler.check(SourceFile(path: "u.vstream", text: "---\ntitle: T\nstream s\n")).diagnostics
    XCTAssertEqual(unclosed.map(\.code), ["VS102"])
  }
}
