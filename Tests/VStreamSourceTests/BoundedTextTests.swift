import VStreamSource
import XCTest

final class BoundedTextTests: XCTestCase {
  func testShortMessagesAreUnchanged() {
    let message = "unknown practice `incident-managment`; did you mean `incident-management`?"
    XCTAssertEqual(BoundedText.bounded(message), message)
    XCTAssertEqual(BoundedText.bounded("``"), "``")
  }

  func testALongQuotedWordKeepsItsStartAndTheRestOfTheMessage() {
    let word = String(repeating: "a", count: 5_000_000)
    let bounded = BoundedText.bounded("unknown practice `\(word)` in step `b`")
    XCTAssertEqual(bounded, "unknown practice `\(String(repeating: "a", count: 40))…` in step `b`")
  }

  func testQuotesAtTheEdgesAndNonASCIIAreCutOnScalars() {
    let word = String(repeating: "é", count: 100)
    XCTAssertEqual(BoundedText.bounded("`\(word)`"), "`\(String(repeating: "é", count: 40))…`")
  }

  func testTheLimitsAreInclusive() {
    let atLimit = "`" + String(repeating: "é", count: BoundedText.quotedLimit) + "` and `b`"
    XCTAssertEqual(BoundedText.bounded(atLimit), atLimit)
    let overLimit = "`" + String(repeating: "é", count: BoundedText.quotedLimit + 1) + "` and `b`"
    XCTAssertEqual(BoundedText.bounded(overLimit), "`" + String(repeating: "é", count: 40) + "…` and `b`")
    let longProse = String(repeating: "c", count: BoundedText.totalLimit)
    XCTAssertEqual(BoundedText.bounded(longProse), longProse)
  }

  func testLongUnquotedTextIsCutAtTheTotalLimit() {
    let bounded = BoundedText.bounded(String(repeating: "b ", count: 10_000))
    XCTAssertEqual(bounded.unicodeScalars.count, BoundedText.totalLimit + 1)
    XCTAssertTrue(bounded.hasSuffix("…"))
  }

  func testDiagnosticsBoundEveryText() {
    let long = "`" + String(repeating: "x", count: 1000) + "`"
    let diagnostic = Diagnostic(
      code: "VS101", severity: .error, message: long, range: .empty(at: 0), label: long,
      secondary: [.init(range: .empty(at: 0), message: long)], notes: [long], help: long)
    for text in [
      diagnostic.message, diagnostic.label!, diagnostic.secondary[0].message, diagnostic.notes[0], diagnostic.help!,
    ] {
      XCTAssertEqual(text.unicodeScalars.count, 43, text)
    }
  }
}
