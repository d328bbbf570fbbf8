import VStream
import VStreamCheck
import VStreamSource
import XCTest

/// A name in a flow that nothing declares (VS311): one finding a name however many lines write it, a did-you-mean
/// that rewrites every line, and a name the flow ends in offered as the value to declare, without VS305 as well.
final class UndeclaredNameTests: XCTestCase {
  static let stream = """
    ---
    title: Restore
    owner: Someone
    ---
    stream s
    demand need
      from "User"
    step triage "Log"
      activity engage
      practices service-desk
    step fix "Fix"
      activity deliver-and-support
      practices incident-management
    value restored "Service restored"
      for "User"
    flow need -> triage -> fix -> restored
    rework fix -> 10% triage

    """

  func check(_ text: String) -> [Diagnostic] {
    Compiler.check(SourceFile(path: "s.vstream", text: text)).diagnostics
  }

  func fixed(_ text: String) -> String {
    let fixed = Compiler.fixing(SourceFile(path: "s.vstream", text: text), unsafe: true)
    return String(decoding: fixed.bytes ?? Array(text.utf8), as: UTF8.self)
  }

  func testTheStreamIsClean() {
    XCTAssertEqual(check(Self.stream).map(\.code.rawValue), [])
  }

  func testAMisspeltNameIsOneFindingAndItsFixRewritesEveryLine() {
    let text = Self.stream.replacingOccurrences(of: "fix ->", with: "fxi ->")
    let findings = check(text)
    XCTAssertEqual(findings.map(\.code.rawValue), ["VS311"], "\(findings.map(\.message))")
    XCTAssertEqual(findings.first?.message, "`fxi` is not declared")
    XCTAssertEqual(findings.first?.fixes.first?.edits.count, 2)
    XCTAssertEqual(fixed(text), Self.stream)
  }

  func testTheOnlyValueDeletedIsOneFindingThatDeclaresIt() {
    let text = Self.stream.replacingOccurrences(of: "value restored \"Service restored\"\n  for \"User\"\n", with: "")
    let findings = check(text)
    XCTAssertEqual(findings.map(\.code.rawValue), ["VS311"], "no VS305: the same mistake")
    XCTAssertEqual(findings.first?.fixes.first?.safety, .unsafe, "the title is a placeholder")
    let repaired = fixed(text)
    XCTAssertTrue(repaired.contains("value restored \"Restored\"\n"), repaired)
    // The value the fix declares names nobody (VS460, a note, whose own placeholder the fix adds as well).
    XCTAssertEqual(check(repaired).map(\.code.rawValue), [])
  }

  func testANameAnArrowLeavesIsNotTakenForAValue() {
    // `fix` leads on to `restored`: it is offered as a step; `restored`, where the flow ends, as the value.
    let text = Self.stream.replacingOccurrences(of: "step fix \"Fix\"\n  activity deliver-and-support\n", with: "")
      .replacingOccurrences(of: "  practices incident-management\n", with: "")
      .replacingOccurrences(of: "value restored \"Service restored\"\n  for \"User\"\n", with: "")
    XCTAssertEqual(check(text).map(\.code.rawValue), ["VS311", "VS311"])
    let messages = check(text).map(\.help)
    XCTAssertTrue(messages.contains { $0?.contains("step fix") == true }, "\(messages)")
    XCTAssertTrue(messages.contains { $0?.contains("value restored") == true }, "\(messages)")
  }

  func testAStreamWhoseFlowEndsInAStepStillHasNoValue() {
    let text = Self.stream.replacingOccurrences(of: "value restored \"Service restored\"\n  for \"User\"\n", with: "")
      .replacingOccurrences(of: " -> restored", with: "")
    XCTAssertEqual(check(text).map(\.code.rawValue), ["VS305"])
  }

  func testTheDemandDeletedIsOneFindingThatDeclaresIt() {
    let text = Self.stream.replacingOccurrences(of: "demand need\n  from \"User\"\n", with: "")
    let findings = check(text)
    XCTAssertEqual(findings.map(\.code.rawValue), ["VS311"], "no VS303: the same mistake")
    XCTAssertTrue(findings.first?.help?.contains("demand need") ?? false, "\(findings.map(\.help))")
    let repaired = fixed(text)
    XCTAssertTrue(repaired.contains("demand need \"Need\"\n"), repaired)
    XCTAssertEqual(check(repaired).map(\.code.rawValue), [])
  }
}
