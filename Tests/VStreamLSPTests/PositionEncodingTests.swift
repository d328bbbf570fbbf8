import VStreamSource
import XCTest

@testable import VStreamLSP

final class PositionEncodingTests: XCTestCase {
  typealias Position = PositionEncoding.Position

  func testAstralCharactersCountTwoUTF16UnitsAndFourBytes() {
    // "a😀b": the emoji is 4 bytes, 2 UTF-16 units.
    let file = SourceFile(path: "x", text: "a😀b\nc")
    XCTAssertEqual(PositionEncoding.utf16.offset(of: Position(line: 0, character: 3), in: file), 5)
    XCTAssertEqual(PositionEncoding.utf16.position(of: 5, in: file), Position(line: 0, character: 3))
    XCTAssertEqual(PositionEncoding.utf8.offset(of: Position(line: 0, character: 5), in: file), 5)
    XCTAssertEqual(PositionEncoding.utf8.position(of: 5, in: file), Position(line: 0, character: 5))
    // Inside the surrogate pair: the start of the character.
    XCTAssertEqual(PositionEncoding.utf16.offset(of: Position(line: 0, character: 2), in: file), 1)
    XCTAssertEqual(PositionEncoding.utf16.offset(of: Position(line: 1, character: 1), in: file), 8)
  }

  func testTwoAndThreeByteCharactersCountOneUTF16Unit() {
    let file = SourceFile(path: "x", text: "é€x")
    XCTAssertEqual(PositionEncoding.utf16.offset(of: Position(line: 0, character: 2), in: file), 5)
    XCTAssertEqual(PositionEncoding.utf16.position(of: 5, in: file), Position(line: 0, character: 2))
  }

  func testCRLFLineEndsAreNotPartOfTheLine() {
    let file = SourceFile(path: "x", text: "ab\r\ncd\r\n")
    // Past the end of line 0: its end, before the `\r`.
    XCTAssertEqual(PositionEncoding.utf16.offset(of: Position(line: 0, character: 99), in: file), 2)
    XCTAssertEqual(PositionEncoding.utf16.offset(of: Position(line: 1, character: 1), in: file), 5)
    XCTAssertEqual(PositionEncoding.utf16.position(of: 5, in: file), Position(line: 1, character: 1))
    XCTAssertEqual(PositionEncoding.utf16.position(of: 8, in: file), Position(line: 2, character: 0))
  }

  func testPositionsOutsideTheFileAreClamped() {
    let file = SourceFile(path: "x", text: "ab\ncd")
    XCTAssertEqual(PositionEncoding.utf16.offset(of: Position(line: 9, character: 0), in: file), 5)
    XCTAssertEqual(PositionEncoding.utf16.offset(of: Position(line: -1, character: 0), in: file), 0)
    XCTAssertEqual(PositionEncoding.utf16.position(of: 99, in: file), Position(line: 1, character: 2))
  }

  func testRoundTripOverEveryCharacterBoundary() {
    let text = "step é \"😀 日本\"\r\n  time 5m\n𝄞x"
    let file = SourceFile(path: "x", text: text)
    for encoding in [PositionEncoding.utf16, .utf8] {
      var offset = 0
      var previous: Unicode.Scalar?
      for scalar in text.unicodeScalars {
        defer { previous = scalar }
        // Between `\r` and `\n` is not a position: both belong to the line ending.
        if scalar == "\n" && previous == "\r" {
          offset += 1
          continue
        }
        let position = encoding.position(of: UInt32(offset), in: file)
        XCTAssertEqual(encoding.offset(of: position, in: file), UInt32(offset), "\(encoding) at \(offset)")
        offset += String(scalar).utf8.count
      }
    }
  }

  func testUTF8IsChosenOnlyWhenOffered() {
    XCTAssertEqual(PositionEncoding.negotiate(["utf-16", "utf-8"]), .utf8)
    XCTAssertEqual(PositionEncoding.negotiate(["utf-32"]), .utf16)
    XCTAssertEqual(PositionEncoding.negotiate([]), .utf16)
  }
}
