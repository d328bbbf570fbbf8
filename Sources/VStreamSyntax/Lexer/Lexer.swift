import VStreamSource

#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// Splits the body of a `.vstream` file into tokens, one at a time, working on UTF-8 bytes.
///
/// The lexer never fails: bytes it cannot make sense of become part of a word, and encoding problems are reported by
/// ``SourceChecks`` before lexing. It is pulled by the parser token by token, so the file's tokens are never all in
/// memory at once.
public struct Lexer {
  private let bytes: UnsafeBufferPointer<UInt8>
  private var position: Int
  private let end: Int

  /// Lexes `bytes[start..<end]`. The buffer must outlive the lexer.
  public init(bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) {
    self.bytes = bytes
    self.position = start
    self.end = end
  }

  public var offset: Int { position }

  /// Bytes that end a word. Control characters count as blanks (they are reported separately); bytes of 0x80 and
  /// up are word bytes, so non-ASCII text stays inside one word.
  @inline(__always)
  private static func isBlank(_ byte: UInt8) -> Bool {
    // One comparison for the common byte (a letter), a bit of a mask for the rest: every byte up to space but `\n`.
    (byte <= 0x20 && (0x1_FFFF_FBFF as UInt64) >> byte & 1 != 0) || byte == 0x7F
  }

  // Inlined into the parser's line loop, its one caller on the hot path: a call per token cost a tenth of lexing.
  @inline(__always)
  public mutating func next() -> Token {
    // Skip blanks.
    while position < end, Lexer.isBlank(bytes[position]) { position += 1 }
    let start = position
    guard position < end else { return Token(kind: .endOfFile, start: UInt32(end), end: UInt32(end)) }
    let byte = bytes[position]
    switch byte {
    case 0x0A:  // \n; a \r before it was skipped as a blank and is not part of any token
      position += 1
      return make(.newline, start)
    case 0x23:  // #
      if let base = bytes.baseAddress, let lineBreak = memchr(base + position, 0x0A, end - position) {
        position = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(lineBreak))
      } else {
        position = end
      }
      // A \r before the \n belongs to the line break, not the comment.
      var stop = position
      if stop > start, bytes[stop - 1] == 0x0D { stop -= 1 }
      return Token(kind: .comment, start: UInt32(start), end: UInt32(stop))
    case 0x2C:  // ,
      position += 1
      return make(.comma, start)
    case 0x22:  // "
      if position + 2 < end, bytes[position + 1] == 0x22, bytes[position + 2] == 0x22 {
        return lexBlockString(start)
      }
      return lexString(start)
    case 0x2D where position + 1 < end && bytes[position + 1] == 0x3E:  // ->
      position += 2
      return make(.arrow, start)
    default:
      while position < end {
        skip(whileNone: Self.possibleWordEnds)
        guard position < end else { break }
        let next = bytes[position]
        // Letters, digits and non-ASCII bytes (above `-`) are the common case: one comparison each.
        if next > 0x2D {
          if next == 0x7F { break }
          position += 1
          continue
        }
        if next == 0x2D {
          if position + 1 < end, bytes[position + 1] == 0x3E { break }
          position += 1
          continue
        }
        // Every byte up to space is a blank or the line break; `"`, `#` and `,` start other tokens.
        if next <= 0x20 || next == 0x22 || next == 0x23 || next == 0x2C { break }
        position += 1
      }
      return make(.word, start)
    }
  }

  private mutating func lexString(_ start: Int) -> Token {
    position += 1
    while position < end {
      skip(whileNone: Self.possibleStringStops)
      guard position < end else { break }
      switch bytes[position] {
      case 0x22:
        position += 1
        return make(.string, start)
      case 0x5C:  // backslash: skip the escaped byte, unless it is the line break
        position += 1
        if position < end, bytes[position] != 0x0A { position += 1 }
      case 0x0A:
        var stop = position
        if stop > start, bytes[stop - 1] == 0x0D { stop -= 1 }
        return Token(kind: .unterminatedString, start: UInt32(start), end: UInt32(stop))
      default:
        position += 1
      }
    }
    return make(.unterminatedString, start)
  }

  private mutating func lexBlockString(_ start: Int) -> Token {
    position += 3
    while position < end {
      let byte = bytes[position]
      if byte == 0x5C {
        position += 2
        continue
      }
      if byte == 0x22, position + 2 < end, bytes[position + 1] == 0x22, bytes[position + 2] == 0x22 {
        position += 3
        return make(.blockString, start)
      }
      position += 1
    }
    position = end
    return make(.unterminatedBlockString, start)
  }

  // Eight bytes at a time: most of a file is words and quoted text, and these find the first byte in a word of eight
  // that may end the token. Each mask flags a byte with its high bit; a borrow only ever flags bytes above a byte
  // that is flagged rightly, so the lowest flag is exact and the bytes below it are skipped at once.

  /// Moves on eight bytes at a time while `stops` flags none of them, then to the first flagged byte; stops where
  /// fewer than eight bytes are left, for the byte loop to finish.
  @inline(__always)
  private mutating func skip(whileNone stops: (UInt64) -> UInt64) {
    while position + 8 <= end {
      let flagged = stops(word(at: position))
      if flagged != 0 {
        position += flagged.trailingZeroBitCount >> 3
        return
      }
      position += 8
    }
  }

  /// The eight bytes at `offset`, the first in the lowest bits.
  @inline(__always)
  private func word(at offset: Int) -> UInt64 {
    UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress!).loadUnaligned(fromByteOffset: offset, as: UInt64.self))
  }

  @inline(__always)
  private static func zeroBytes(_ word: UInt64) -> UInt64 {
    (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
  }

  /// Bytes below 0x2E (blanks, the line break, `"`, `#`, `,` and `-`) and 0x7F; bytes from 0x80 up are word bytes.
  @inline(__always)
  private static func possibleWordEnds(_ word: UInt64) -> UInt64 {
    ((word &- 0x2E2E_2E2E_2E2E_2E2E) & ~word & 0x8080_8080_8080_8080) | zeroBytes(word ^ 0x7F7F_7F7F_7F7F_7F7F)
  }

  /// `"`, a backslash and the line break.
  @inline(__always)
  private static func possibleStringStops(_ word: UInt64) -> UInt64 {
    zeroBytes(word ^ 0x2222_2222_2222_2222) | zeroBytes(word ^ 0x5C5C_5C5C_5C5C_5C5C)
      | zeroBytes(word ^ 0x0A0A_0A0A_0A0A_0A0A)
  }

  @inline(__always)
  private func make(_ kind: TokenKind, _ start: Int) -> Token {
    Token(kind: kind, start: UInt32(start), end: UInt32(Swift.min(position, end)))
  }
}
