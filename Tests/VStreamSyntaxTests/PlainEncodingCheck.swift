import Foundation
import VStreamSource
@testable import VStreamSyntax

/// Checks that a file is UTF-8 text before it is lexed.
///
/// Invalid UTF-8 and NUL bytes mark a file as binary (or in another encoding): the first one is reported with a
/// count of the rest, and the file is not parsed further. Other control characters are reported (first one and a
/// count) and the lexer treats them as blanks.
/// The encoding check as it was before it skipped to the first unprintable byte of a word: the reference.
enum PlainEncodingCheck {
  typealias Result = EncodingCheck.Result

  static func run(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Result {
    var result = Result()
    var firstInvalid: Int?
    var invalidCount = 0
    var firstNul: Int?
    var nulCount = 0
    var firstControl: (Int, UInt8)?
    var controlCount = 0
    var index = start
    let count = bytes.count
    let base = UnsafeRawPointer(bytes.baseAddress)
    while index < count {
      // Eight bytes at a time while they are all printable ASCII (most of any file): no byte has its high bit set,
      // none is below 0x20, none is 0x7F. A word that fails goes through the byte loop below.
      if let base = base, index + 8 <= count {
        let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
        let high: UInt64 = 0x8080_8080_8080_8080
        let isPrintable = word & high == 0 && (word &- 0x2020_2020_2020_2020) & ~word & high == 0
          && (word &+ 0x0101_0101_0101_0101) & high == 0
        if isPrintable {
          index += 8
          continue
        }
      }
      let byte = bytes[index]
      if byte >= 0x20 && byte < 0x7F {
        index += 1
        continue
      }
      if byte < 0x80 {
        if byte == 0x00 {
          if firstNul == nil { firstNul = index }
          nulCount += 1
        } else if byte != 0x09 && byte != 0x0A && byte != 0x0D {
          if firstControl == nil { firstControl = (index, byte) }
          controlCount += 1
        }
        index += 1
        continue
      }
      let length = validSequenceLength(bytes, at: index)
      if length == 0 {
        if firstInvalid == nil { firstInvalid = index }
        invalidCount += 1
        index += 1
      } else {
        index += length
      }
    }
    if let offset = firstInvalid {
      result.isBinary = true
      result.diagnostics.append(
        Diagnostic(
          code: SyntaxMessages.invalidUTF8, severity: .error, message: "the file is not valid UTF-8",
          range: SourceRange(start: UInt32(offset), end: UInt32(offset + 1)),
          label: String(format: "byte 0x%02X", bytes[offset]),
          notes: invalidCount > 1 ? ["\(invalidCount) bytes in the file are not valid UTF-8"] : [],
          help: "save the file as UTF-8 text"))
    }
    if let offset = firstNul {
      result.isBinary = true
      result.diagnostics.append(
        Diagnostic(
          code: SyntaxMessages.controlCharacter, severity: .error, message: "the file contains NUL bytes",
          range: SourceRange(start: UInt32(offset), end: UInt32(offset + 1)), label: "NUL byte",
          notes: nulCount > 1 ? ["\(nulCount) NUL bytes in the file; it looks like a binary file"] : [],
          help: "a `.vstream` file must be text; remove the NUL bytes"))
    }
    if let (offset, byte) = firstControl {
      result.diagnostics.append(
        Diagnostic(
          code: SyntaxMessages.controlCharacter, severity: .error,
          message: String(format: "control character U+%04X in the file", byte),
          range: SourceRange(start: UInt32(offset), end: UInt32(offset + 1)), label: "control character",
          notes: controlCount > 1 ? ["\(controlCount) control characters in the file"] : [],
          help: "delete it; only tab, line feed and carriage return are allowed"))
    }
    return result
  }

  /// The length of the valid UTF-8 sequence starting at `index` (a byte of 0x80 or above), or 0 if it is invalid:
  /// stray continuation bytes, overlong forms, surrogates and code points above U+10FFFF are all rejected.
  private static func validSequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
    let byte = bytes[index]
    let count = bytes.count
    func continuation(_ offset: Int) -> UInt8? {
      let position = index + offset
      guard position < count, bytes[position] & 0xC0 == 0x80 else { return nil }
      return bytes[position]
    }
    switch byte {
    case 0xC2...0xDF:
      return continuation(1) != nil ? 2 : 0
    case 0xE0...0xEF:
      guard let second = continuation(1), continuation(2) != nil else { return 0 }
      if byte == 0xE0 && second < 0xA0 { return 0 }  // overlong
      if byte == 0xED && second >= 0xA0 { return 0 }  // surrogate
      return 3
    case 0xF0...0xF4:
      guard let second = continuation(1), continuation(2) != nil, continuation(3) != nil else { return 0 }
      if byte == 0xF0 && second < 0x90 { return 0 }  // overlong
      if byte == 0xF4 && second >= 0x90 { return 0 }  // above U+10FFFF
      return 4
    default:
      return 0
    }
  }
}
