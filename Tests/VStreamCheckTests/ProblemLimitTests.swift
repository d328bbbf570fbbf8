import VStream
import VStreamCheck
import VStreamSource
import XCTest

/// Each stage keeps at most `ProblemLimit.perStage` findings per file and counts the rest in one VS004.
final class ProblemLimitTests: XCTestCase {
  let limit = ProblemLimit.perStage
  let extra = 37

  func diagnostics(_ text: String, configuration: Configuration = .default) -> [Diagnostic] {
    Compiler.check(SourceFile(path: "s.vstream", bytes: Array(text.utf8)), configuration: configuration).diagnostics
  }

  func testSyntaxErrorsPastTheLimitAreCountedInOneFinding() throws {
    let found = diagnostics(
      "stream s\ndemand d\nvalue v\nflow d -> v\n" + String(repeating: "x\n", count: limit + extra))
    XCTAssertEqual(found.filter { $0.code == "VS101" }.count, limit)
    let summary = try XCTUnwrap(found.last)
    XCTAssertEqual(summary.code, "VS004")
    XCTAssertEqual(summary.severity, .error)
    XCTAssertEqual(summary.message, "too many problems: \(extra) more after this point are not reported")
    XCTAssertEqual(found.filter { $0.code == "VS004" }.count, 1)
    let kept = found.filter { $0.code == "VS101" }
    XCTAssertLessThan(kept.last!.range.start, summary.range.start, "the summary points past the last kept finding")
  }

  func testWarningsPastTheLimitGiveAWarningAndRulesTurnedOffDoNotCount() throws {
    var text = "stream s\ndemand d\n"
    for index in 0..<(limit + extra) { text += "step s\(index)\n  activity engage\n" }
    text += "value v\nflow d -> " + (0..<(limit + extra)).map { "s\($0)" }.joined(separator: " -> ") + " -> v\n"
    let found = diagnostics(text)
    XCTAssertGreaterThan(found.filter { $0.code == "VS401" }.count, limit - 10, "no practices: one warning per step")
    XCTAssertEqual(found.filter { $0.code != "VS004" }.count, limit, "up to the limit")
    let summary = try XCTUnwrap(found.first { $0.code == "VS004" })
    XCTAssertEqual(summary.severity, .warning, "only warnings were left out")
    XCTAssertFalse(
      found.contains { $0.severity == .error }, found.filter { $0.severity == .error }.map(\.message).description)

    let quiet = diagnostics(text, configuration: Configuration(severities: ["VS401": Severity?.none]))
    XCTAssertFalse(quiet.contains { $0.code == "VS004" || $0.code == "VS401" }, "a rule turned off fills no place")
  }
}
