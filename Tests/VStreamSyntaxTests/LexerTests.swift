import VStreamSource
import XCTest

@testable import VStreamSyntax

final class LexerTests: XCTestCase {
  func tokens(_ text: String) -> [(TokenKind, String)] {
    let bytes = Array(text.utf8)
    return bytes.withUnsafeBufferPointer { buffer in
      var lexer = Lexer(bytes: buffer, start: 0, end: buffer.count)
      var out: [(TokenKind, String)] = []
      while true {
        let token = lexer.next()
        if token.kind == .endOfFile { return out }
        out.append((token.kind, String(decoding: bytes[Int(token.start)..<Int(token.end)], as: UTF8.self)))
      }
    }
  }

  func testTokensStaySmall() {
    XCTAssertLessThanOrEqual(MemoryLayout<Token>.size, 12, "tokens are a kind and two 32-bit offsets")
  }

  func testEveryTokenKind() {
    let result = tokens("flow a->b -> c, \"t \\\" x\" # note\r\n\"\"\"\nblock\n\"\"\" \"open\n")
    XCTAssertEqual(
      result.map(\.0),
      [
        .word, .word, .arrow, .word, .arrow, .word, .comma, .string, .comment, .newline, .blockString,
        .unterminatedString, .newline,
      ])
    XCTAssertEqual(result.map(\.1)[7], "\"t \\\" x\"")
    XCTAssertEqual(result.map(\.1)[8], "# note", "the carriage return is not part of the comment")
    XCTAssertEqual(result.map(\.1)[10], "\"\"\"\nblock\n\"\"\"")
  }

  func testWordsKeepNonASCIIAndPunctuation() {
    XCTAssertEqual(
      tokens("obtain/build design-&-transition 90% 1h30m café").map(\.1),
      ["obtain/build", "design-&-transition", "90%", "1h30m", "café"])
  }

  func testUnterminatedBlockRunsToTheEnd() {
    let result = tokens("note \"\"\"\nnever closed\n")
    XCTAssertEqual(result.last?.0, .unterminatedBlockString)
  }

  func testControlCharactersAreBlanks() {
    XCTAssertEqual(tokens("a\u{0C}b\u{0B}c").map(\.1), ["a", "b", "c"])
  }
}
