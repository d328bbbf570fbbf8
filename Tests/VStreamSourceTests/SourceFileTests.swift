import XCTest

@testable import VStreamSource

final class SourceFileTests: XCTestCase {
  func testLinesAndColumnsCountScalarsUTF16AndBytes() {
    let file = SourceFile(path: "a.vstream", text: "ab\nçé😀x\n")
    let x = file.location(of: UInt32(Array("ab\nçé😀".utf8).count))
    XCTAssertEqual(x.line, 2)
    XCTAssertEqual(x.column, 4, "ç, é and 😀 are one scalar each")
    XCTAssertEqual(x.utf16Column, 5, "😀 is two UTF-16 code units")
    XCTAssertEqual(x.byteColumn, 9, "ç and é are 2 bytes, 😀 is 4")
  }

  func testCRLFLinesExcludeTheCarriageReturn() {
    let file = SourceFile(path: "a", text: "one\r\ntwo\r\nthree")
    XCTAssertEqual(file.lineCount, 3)
    XCTAssertEqual(file.text(file.lineRange(1)), "one")
    XCTAssertEqual(file.text(file.lineRange(2)), "two")
    XCTAssertEqual(file.text(file.lineRange(3)), "three")
    XCTAssertEqual(file.location(of: 5).line, 2)
    XCTAssertEqual(file.location(of: 5).column, 1)
  }

  func testOffsetsAtTheEndBelongToTheLastLine() {
    let file = SourceFile(path: "a", text: "x\n")
    XCTAssertEqual(file.location(of: 2).line, 2)
    XCTAssertEqual(file.location(of: 99).offset, 2, "offsets past the end are clamped")
    XCTAssertEqual(SourceFile(path: "e", bytes: []).location(of: 0).line, 1)
  }

  func testInvalidUTF8IsShownAsReplacementCharacters() {
    let file = SourceFile(path: "a", bytes: [0x61, 0xFF, 0x62])
    XCTAssertEqual(file.text(SourceRange(start: 0, end: 3)), "a\u{FFFD}b")
  }

  func testNormalizedSortsByPositionAndRemovesDuplicates() {
    let late = Diagnostic(code: "VS101", severity: .error, message: "b", range: SourceRange(start: 9, end: 10))
    let early = Diagnostic(code: "VS102", severity: .error, message: "a", range: SourceRange(start: 1, end: 2))
    XCTAssertEqual(Diagnostic.normalized([late, early, late]), [early, late])
  }

  func testSpellingSuggestsTheClosestCandidate() {
    XCTAssertEqual(Spelling.distance("activty", "activity", limit: 3), 1)
    XCTAssertEqual(Spelling.distance("stpe", "step", limit: 3), 1, "a swap of neighbours is one edit")
    XCTAssertNil(Spelling.distance("engage", "improve", limit: 2))
    XCTAssertEqual(Spelling.closest(to: "practises", among: ["activity", "practices", "roles"]), "practices")
    XCTAssertNil(Spelling.closest(to: "zzzzzz", among: ["activity", "practices"]))
    XCTAssertNil(
      Spelling.distance(String(repeating: "a", count: 1_000_000), "a", limit: 3), "huge inputs return at once")
  }

  func testJSONEscapesControlCharactersAndKeepsKeyOrder() {
    let value = JSONValue.object([
      ("z", .string("a\"b\\c\n\u{01}é")), ("a", .array([.int(1), .double(0.5), .double(2), .null, .bool(true)])),
    ])
    XCTAssertEqual(value.rendered(pretty: false), #"{"z":"a\"b\\c\n\u0001é","a":[1,0.5,2,null,true]}"#)
    XCTAssertEqual(JSONValue.double(.nan).rendered(pretty: false), "null")
    XCTAssertEqual(JSONValue.object([]).rendered(), "{}\n")
  }
}

final class SourceFileColumnTests: XCTestCase {
  /// Columns agree with counting Unicode scalars and UTF-16 units of the line's prefix, on ASCII lines (which take
  /// the no-scan path) and non-ASCII lines alike, in any mix.
  func testColumnsMatchAReferenceCountOnMixedLines() {
    let lines = ["plain ascii line", "é accent", "", "emoji 🚀 here", "tab\there", "Ünïcödé ✓ again", "last"]
    let text = lines.joined(separator: "\n")
    let file = SourceFile(path: "mixed", text: text)
    var offset = 0
    for (number, line) in lines.enumerated() {
      let utf8 = Array(line.utf8)
      for byteColumn in 0...utf8.count {
        // Only offsets at scalar boundaries are meaningful.
        guard byteColumn == utf8.count || utf8[byteColumn] & 0xC0 != 0x80 else { continue }
        let prefix = String(decoding: utf8[0..<byteColumn], as: UTF8.self)
        let location = file.location(of: UInt32(offset + byteColumn))
        XCTAssertEqual(location.line, number + 1)
        XCTAssertEqual(location.column, prefix.unicodeScalars.count + 1, "\(line) at byte \(byteColumn)")
        XCTAssertEqual(location.utf16Column, prefix.utf16.count + 1, "\(line) at byte \(byteColumn)")
        XCTAssertEqual(location.byteColumn, byteColumn + 1)
      }
      offset += utf8.count + 1
    }
  }
}

final class LineBreakCountTests: XCTestCase {
  /// The table is sized by counting line breaks eight bytes at a time; bytes next to 0x0A in value (0x0B, 0x8A,
  /// 0x09) must not count, and the count must match a plain count at every length and alignment.
  func testCountingEightBytesAtATimeMatchesAPlainCount() {
    let alphabet: [UInt8] = [0x0A, 0x0A, 0x0B, 0x8A, 0x09, 0x00, 0xFF, 0x61, 0x7F, 0x80]
    var state: UInt64 = 3
    for length in 0..<200 {
      var bytes: [UInt8] = []
      for _ in 0..<length {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        bytes.append(alphabet[Int(state >> 60) % alphabet.count])
      }
      XCTAssertEqual(SourceFile.countLineBreaks(bytes), bytes.filter { $0 == 0x0A }.count, "\(bytes)")
      XCTAssertEqual(SourceFile(path: "f", bytes: bytes).lineCount, bytes.filter { $0 == 0x0A }.count + 1)
    }
  }

  /// The line table, written eight bytes at a time, is the table a byte-by-byte look gives, and so are the lines
  /// found to hold non-ASCII bytes.
  func testTheLineTableIsTheTableOfAPlainLook() {
    let alphabet: [UInt8] = [0x0A, 0x0A, 0x61, 0x62, 0x20, 0xC3, 0xA9, 0x0D]
    var state: UInt64 = 5
    for length in [0, 1, 2, 7, 8, 9, 63, 64, 65, 500, 4_099] {
      var bytes: [UInt8] = []
      for _ in 0..<length {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        bytes.append(alphabet[Int(state >> 60) % alphabet.count])
      }
      let file = SourceFile(path: "f", bytes: bytes)
      let starts = [0] + bytes.indices.filter { bytes[$0] == 0x0A }.map { UInt32($0 + 1) }
      XCTAssertEqual(file.lineStarts, starts, "\(length) bytes")
      let nonASCII = starts.indices.filter { line in
        let end = line + 1 < starts.count ? Int(starts[line + 1]) : bytes.count
        return bytes[Int(starts[line])..<end].contains { $0 >= 0x80 }
      }.map { $0 + 1 }
      XCTAssertEqual(file.nonASCIILines, nonASCII, "\(length) bytes")
    }
    // The table is held at its own size, not at the room of one line per byte it was written in.
    let small = SourceFile(path: "f", bytes: Array(String(repeating: "line\n", count: 1_000).utf8))
    XCTAssertEqual(small.lineStarts.count, 1_001)
    XCTAssertLessThan(small.lineStarts.capacity, 2_000)
  }

  /// Whether a file is plain text is worked out eight bytes at a time: one byte that is not (each control
  /// character, 0x7F, 0x80 and up, and tab and carriage return) must be seen at every position of a word and of
  /// the tail, and the bytes next to the plain ones in value must not be mistaken for them.
  func testOneBytePutsAFileOutOfPlainTextAtAnyPosition() {
    let odd: [UInt8] = Array(0x00...0x09) + Array(0x0B...0x1F) + [0x7F, 0x80, 0x8A, 0xA0, 0xFF]
    for length in [1, 7, 8, 9, 23, 64] {
      // Printable ASCII and line breaks, including the bytes on either side of every boundary a test above checks.
      let plain = (0..<length).map { [0x0A, 0x20, 0x21, 0x2F, 0x3A, 0x61, 0x7E, 0x5F][$0 % 8] as UInt8 }
      XCTAssertTrue(SourceFile(path: "f", bytes: plain).isPlainText, "\(length) bytes")
      for position in 0..<length {
        for byte in odd {
          var bytes = plain
          bytes[position] = byte
          let file = SourceFile(path: "f", bytes: bytes)
          XCTAssertFalse(file.isPlainText, "0x\(String(byte, radix: 16)) at \(position) of \(length)")
          XCTAssertEqual(file.lineCount, bytes.filter { $0 == 0x0A }.count + 1)
        }
      }
    }
    XCTAssertTrue(SourceFile(path: "f", bytes: []).isPlainText)
  }
}
