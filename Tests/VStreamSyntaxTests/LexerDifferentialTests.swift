import TestSupport
import VStreamSource
import XCTest

@testable import VStreamSyntax

/// The lexer reads eight bytes at a time where it can; these compare it with a plain byte-at-a-time lexer (the one
/// it replaced) on many small seeded inputs made of the bytes that matter, at every alignment.
final class LexerDifferentialTests: XCTestCase {
  func testEightBytesAtATimeGivesTheSameTokensAsOneAtATime() {
    let alphabet: [[UInt8]] = [
      Array("a".utf8), Array("Zq9".utf8), Array("-".utf8), Array(">".utf8), Array("->".utf8), Array(" ".utf8),
      Array("\t".utf8), Array("\r".utf8), Array("\n".utf8), Array("\"".utf8), Array("\"\"\"".utf8), Array("\\".utf8),
      Array("#".utf8), Array(",".utf8), [0x7F], [0x01], Array("é".utf8), Array("incident-management".utf8),
      Array("%".utf8), Array(".".utf8), [0xFF],
    ]
    var random = SeededGenerator(seed: 7)
    for round in 0..<20_000 {
      var bytes: [UInt8] = []
      for _ in 0..<Int(random.next() % 24) { bytes += alphabet[Int(random.next() % UInt64(alphabet.count))] }
      let fast = Self.tokens(bytes) { buffer in
        var lexer = Lexer(bytes: buffer, start: 0, end: buffer.count)
        return { lexer.next() }
      }
      let plain = Self.tokens(bytes) { buffer in
        var lexer = PlainLexer(bytes: buffer, start: 0, end: buffer.count)
        return { lexer.next() }
      }
      XCTAssertEqual(fast, plain, "round \(round): \(bytes)")
      if fast != plain { return }
    }
  }

  static func tokens(
    _ bytes: [UInt8], _ make: (UnsafeBufferPointer<UInt8>) -> () -> Token
  ) -> [Token] {
    bytes.withUnsafeBufferPointer { buffer in
      let next = make(buffer)
      var out: [Token] = []
      while true {
        let token = next()
        out.append(token)
        if token.kind == .endOfFile || out.count > 1_000 { return out }
      }
    }
  }
}

/// The encoding check skips from a word of eight bytes to its first unprintable byte; this compares it with the
/// check that looked at those bytes one by one.
final class EncodingCheckDifferentialTests: XCTestCase {
  func testSkippingToTheFirstUnprintableByteFindsWhatTheByteLoopFinds() {
    let alphabet: [[UInt8]] = [
      Array("abc".utf8), Array("a long run of text".utf8), [0x0A], [0x0D, 0x0A], [0x09], [0x00], [0x01], [0x1F],
      [0x7F], [0x80], [0xFF], Array("é".utf8), Array("€".utf8), Array("😀".utf8), [0xE2, 0x82], [0xF0, 0x9F],
      [0xC0, 0xAF], [0xED, 0xA0, 0x80],
    ]
    var random = SeededGenerator(seed: 11)
    for round in 0..<20_000 {
      var bytes: [UInt8] = []
      for _ in 0..<Int(random.next() % 20) { bytes += alphabet[Int(random.next() % UInt64(alphabet.count))] }
      let start = bytes.isEmpty ? 0 : Int(random.next() % UInt64(min(bytes.count, 4)))
      let (fast, plain, findings) = bytes.withUnsafeBufferPointer {
        (
          EncodingCheck.run($0, from: start), EncodingCheck.report(PlainEncodingCheck.scan($0, from: start), in: $0),
          (EncodingCheck.scan($0, from: start), PlainEncodingCheck.scan($0, from: start))
        )
      }
      XCTAssertEqual(findings.0, findings.1, "round \(round): \(bytes) from \(start)")
      // The parser skips the check for a file its line table found plain: such a file must have nothing to find.
      let isPlainText = SourceFile(path: "f", bytes: bytes).isPlainText
      XCTAssertEqual(
        isPlainText, bytes.allSatisfy { ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x0A }, "round \(round): \(bytes)")
      if isPlainText { XCTAssertEqual(findings.1, EncodingCheck.Findings(), "round \(round): \(bytes)") }
      XCTAssertEqual(fast.diagnostics, plain.diagnostics, "round \(round): \(bytes) from \(start)")
      XCTAssertEqual(fast.isBinary, plain.isBinary, "round \(round)")
      if fast.diagnostics != plain.diagnostics { return }
    }
  }
}

/// The tree keeps a million attributes in one array: they must stay small and free of references, so that the
/// array is freed at once rather than element by element.
final class SyntaxLayoutTests: XCTestCase {
  func testTheFlatListsHoldPlainValues() {
    XCTAssertTrue(_isPOD(AttributeSyntax.self), "an attribute holds no reference")
    XCTAssertTrue(_isPOD(DeclarationSyntax.self), "a declaration holds no reference")
    XCTAssertTrue(_isPOD(FlowSyntax.self), "a flow holds no reference")
    XCTAssertLessThanOrEqual(MemoryLayout<AttributeSyntax>.stride, 24)
    XCTAssertLessThanOrEqual(MemoryLayout<DeclarationSyntax>.stride, 56)
  }
}
