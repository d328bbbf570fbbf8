import Foundation
import VStreamSource

/// Checks that a file is UTF-8 text before it is lexed.
///
/// Invalid UTF-8 and NUL bytes mark a file as binary (or in another encoding): the first one is reported with a
/// count of the rest, and the file is not parsed further. Other control characters are reported (first one and a
/// count) and the lexer treats them as blanks.
enum EncodingCheck {
  struct Result {
    var diagnostics: [Diagnostic] = []
    /// Whether the file is not parsed further: not text (invalid UTF-8, NUL bytes), or lines that end in CR alone.
    var isBinary = false
  }

  /// What the scan found: the first offending byte of each kind (its offset) and how many there are.
  struct Findings: Equatable {
    var firstInvalid: Int?
    var invalidCount = 0
    var firstNul: Int?
    var nulCount = 0
    var firstControl: Int?
    var controlCount = 0
    /// Carriage returns not followed by a line feed: in a file with no line feed at all (classic Mac OS), the
    /// lexer would read one long line.
    var loneCarriageReturns: [Int] = []
  }

  /// Checks `bytes[start...]`.
  static func run(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Result {
    report(scan(bytes, from: start), in: bytes)
  }

  /// Looks at every byte from `start` to the end, skipping printable ASCII eight bytes at a time.
  static func scan(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Findings {
    var findings = Findings()
    var index = start
    let count = bytes.count
    let base = UnsafeRawPointer(bytes.baseAddress)
    while index < count {
      // Eight bytes at a time while they are all printable ASCII (most of any file): no byte has its high bit set,
      // none is below 0x20, none is 0x7F. In a word that fails, the lowest flagged byte is the first one that is not
      // printable (a borrow or carry only flags bytes above a true one), so the bytes before it are skipped at once
      // and only that byte goes through the byte loop below: a line break costs one word, not up to eight bytes.
      if let base = base, index + 8 <= count {
        let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
        let high: UInt64 = 0x8080_8080_8080_8080
        let flagged =
          (word | ((word &- 0x2020_2020_2020_2020) & ~word) | (word &+ 0x0101_0101_0101_0101)) & high
        if flagged == 0 {
          index += 8
          continue
        }
        index += flagged.trailingZeroBitCount >> 3
      }
      index = inspect(bytes, at: index, into: &findings)
    }
    return findings
  }

  /// Records the byte at `index` if it is not printable ASCII and returns where the next character starts.
  @inline(__always)
  static func inspect(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, into findings: inout Findings) -> Int {
    let byte = bytes[index]
    if byte >= 0x20 && byte < 0x7F { return index + 1 }
    if byte < 0x80 {
      if byte == 0x00 {
        if findings.firstNul == nil { findings.firstNul = index }
        findings.nulCount += 1
      } else if byte == 0x0D {
        if index + 1 >= bytes.count || bytes[index + 1] != 0x0A { findings.loneCarriageReturns.append(index) }
      } else if byte != 0x09 && byte != 0x0A {
        if findings.firstControl == nil { findings.firstControl = index }
        findings.controlCount += 1
      }
      return index + 1
    }
    let length = validSequenceLength(bytes, at: index)
    if length > 0 { return index + length }
    if findings.firstInvalid == nil { findings.firstInvalid = index }
    findings.invalidCount += 1
    return index + 1
  }

  /// The diagnostics for what the scan found.
  static func report(_ findings: Findings, in bytes: UnsafeBufferPointer<UInt8>) -> Result {
    var result = Result()
    let (invalidCount, nulCount, controlCount) = (findings.invalidCount, findings.nulCount, findings.controlCount)
    // A file that is not text gets one finding, its first sign of it: invalid UTF-8 or a NUL byte, whichever comes
    // first. Its control characters and the other kind are symptoms of the same cause, said as a note.
    let binary = [findings.firstInvalid, findings.firstNul].compactMap { $0 }.min()
    if let binary {
      result.isBinary = true
      var symptoms: [String] = []
      if invalidCount > 0 && binary != findings.firstInvalid {
        symptoms.append("\(invalidCount) byte\(invalidCount == 1 ? " that is" : "s that are") not UTF-8")
      }
      if nulCount > 0 && binary != findings.firstNul {
        symptoms.append("\(nulCount) NUL byte\(nulCount == 1 ? "" : "s")")
      }
      if controlCount > 0 { symptoms.append("\(controlCount) control character\(controlCount == 1 ? "" : "s")") }
      let also = symptoms.isEmpty ? [] : ["it also has " + symptoms.joined(separator: ", ")]
      let range = SourceRange(start: UInt32(binary), end: UInt32(binary + 1))
      let message =
        binary == findings.firstInvalid
        ? SyntaxMessage.notUTF8(firstByte: bytes[binary], count: invalidCount, also: also)
        : SyntaxMessage.nulBytes(count: nulCount, also: also)
      result.diagnostics.append(message.diagnostic(at: range))
      return result
    }
    // Lines that end in CR alone: one finding, whose safe fix writes line feeds, and nothing more (every line would
    // otherwise be one, and each of its keywords out of place).
    if let first = findings.loneCarriageReturns.first, !bytes.contains(0x0A) {
      result.isBinary = true
      let edits = findings.loneCarriageReturns.map {
        Diagnostic.Edit(range: SourceRange(start: UInt32($0), end: UInt32($0 + 1)), replacement: "\n")
      }
      result.diagnostics.append(
        SyntaxMessage.carriageReturnLines(count: edits.count, edits: edits)
          .diagnostic(at: SourceRange(start: UInt32(first), end: UInt32(first + 1))))
      return result
    }
    if let offset = findings.firstControl {
      result.diagnostics.append(
        SyntaxMessage.controlCharacter(bytes[offset], count: controlCount)
          .diagnostic(at: SourceRange(start: UInt32(offset), end: UInt32(offset + 1))))
    }
    return result
  }

  /// The length of the valid UTF-8 sequence starting at `index` (a byte of 0x80 or above), or 0 if it is invalid:
  /// stray continuation bytes, overlong forms, surrogates and code points above U+10FFFF are all rejected.
  static func validSequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
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
