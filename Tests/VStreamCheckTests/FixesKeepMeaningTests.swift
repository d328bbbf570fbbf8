import VStream
import VStreamCheck
import VStreamSource
import XCTest

/// The safe fix for a practice named twice (VS410) leaves a list that parses and says the same, however it is
/// laid out: wrapped over lines, with blanks before the comma, the repeat in the middle or last.
final class RepeatedPracticeFixTests: XCTestCase {
  func fixed(_ practices: String) -> (text: String, codes: [String]) {
    let text = """
      ---
      title: T
      owner: O
      ---
      stream s
      demand d
        from "User"
      step a
        activity engage
        practices \(practices)
      value v
        for "User"

      """
    let result = Compiler.fixing(SourceFile(path: "s.vstream", text: text), unsafe: false)
    let after = String(decoding: result.bytes ?? Array(text.utf8), as: UTF8.self)
    let line = after.split(separator: "\n").drop { !$0.contains("practices") }.prefix { !$0.hasPrefix("value") }
    return (
      line.joined(separator: "\n"),
      Compiler.check(SourceFile(path: "s.vstream", text: after)).diagnostics.map(\.code.rawValue)
    )
  }

  func testTheRepeatGoesWithItsCommaAndLineBreak() {
    for (written, kept) in [
      ("service-desk,\n    service-desk", "  practices service-desk"),
      ("service-desk , service-desk", "  practices service-desk"),
      ("service-desk, service-desk, incident-management", "  practices service-desk, incident-management"),
      (
        "service-desk,\n    service-desk,\n    incident-management",
        "  practices service-desk,\n    incident-management"
      ),
    ] {
      let (text, codes) = fixed(written)
      XCTAssertEqual(text, kept, written)
      XCTAssertEqual(codes, [], written)
    }
  }
}

/// A misspelt front-matter key is never offered a key the front matter has already: renaming `owners` to `owner`
/// beside an `owner` would write it twice (VS202).
final class MisspeltKeyTests: XCTestCase {
  func testTheSuggestionIsAKeyNotWrittenYet() {
    let body =
      "stream s\ndemand d\n  from \"U\"\nstep a\n  activity engage\n  practices service-desk\nvalue v\n  for \"U\"\n"
    let beside = Compiler.check(SourceFile(path: "s", text: "---\ntitle: T\nowner: O\nowners: P\n---\n" + body))
    XCTAssertEqual(beside.diagnostics.map(\.code.rawValue), ["VS404"])
    XCTAssertEqual(beside.diagnostics.first?.fixes, [])
    let alone = Compiler.check(SourceFile(path: "s", text: "---\ntitle: T\nowners: P\n---\n" + body))
    XCTAssertEqual(
      alone.diagnostics.first { $0.code == "VS404" }?.fixes.first?.edits.first?.replacement, "owner")
  }
}

/// A percentage's fix is safe only when it writes the same number: rounding `99.999` to `100%` says there is no
/// rework, so it is asked for; a number too long for a percentage gets no fix at all (it would write itself).
final class PercentageFixTests: XCTestCase {
  func fix(_ written: String) -> Diagnostic.Fix? {
    let text =
      "---\ntitle: T\nowner: O\n---\nstream s\ndemand d\n  from \"U\"\nstep a\n  activity engage\n"
      + "  practices service-desk\n  ca \(written)\nvalue v\n  for \"U\"\n"
    let findings = Compiler.check(SourceFile(path: "s", text: text)).diagnostics
    XCTAssertEqual(findings.map(\.code.rawValue), ["VS105"], written)
    return findings.first?.fixes.first
  }

  func testOnlyTheSameNumberIsASafeFix() {
    XCTAssertEqual(fix("90 percent")?.safety, .safe)
    XCTAssertEqual(fix("0.9")?.edits.first?.replacement, "90%")
    XCTAssertEqual(fix("99.999%")?.safety, .unsafe)
    XCTAssertEqual(fix("99.999%")?.edits.first?.replacement, "100%")
    XCTAssertNil(fix("1000000000%"))
  }
}

/// Closing an open string at the end of its line is safe when the quote opens a word (`title "Log it`); a quote stuck
/// to a word (`manager"`, `ask" -> log`) is more likely stray, and closing it would make a string of the rest.
final class OpenStringFixTests: XCTestCase {
  func safety(_ line: String, flow: String = "flow d -> a -> v") -> [Diagnostic.Fix.Safety] {
    let text = "stream s\ndemand d\n  from \"U\"\nstep a \(line)\n  activity engage\nvalue v\n  for \"U\"\n\(flow)\n"
    return Compiler.parse(SourceFile(path: "s", text: text)).diagnostics.filter { $0.code == "VS103" }
      .flatMap(\.fixes).map(\.safety)
  }

  func testOnlyAQuoteThatOpensAWordIsClosedUnasked() {
    XCTAssertEqual(safety("\"Log the change"), [.safe])
    XCTAssertEqual(safety("\"Log the change # a comment"), [.unsafe])
    XCTAssertEqual(safety("\"Log\"", flow: "flow d -> a\" -> v"), [.unsafe])
  }
}

/// A misspelt keyword's did-you-mean comes with its fix, applied only when asked for.
final class KeywordFixTests: XCTestCase {
  func testTheClosestKeywordIsAnUnsafeFix() {
    let text =
      "stream s\ndemand d\n  from \"U\"\nstep a\n  activty engage\n  practices service-desk\nvalue v\n  for \"U\"\n"
    let finding = Compiler.parse(SourceFile(path: "s", text: text)).diagnostics.first { $0.code == "VS101" }
    XCTAssertEqual(finding?.fixes.first?.safety, .unsafe)
    XCTAssertEqual(finding?.fixes.first?.edits.first?.replacement, "activity")
    let fixed = Compiler.fixing(SourceFile(path: "s", text: text), unsafe: true).bytes
    XCTAssertTrue(String(decoding: fixed ?? [], as: UTF8.self).contains("  activity engage\n"))
    XCTAssertNil(Compiler.fixing(SourceFile(path: "s", text: text)).bytes, "not without asking")
  }
}
