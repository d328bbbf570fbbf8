import VStreamSource

/// How the `character` of an LSP position counts: UTF-16 code units (the protocol's default) or UTF-8 bytes, which
/// a client may offer (`general.positionEncodings`) and which are what the compiler's ranges hold.
///
/// Lines are the source file's: they end at `\n`, and a `\r` before it belongs to the line ending, so a position
/// never lands between `\r` and `\n`.
public enum PositionEncoding: String, Sendable {
  case utf16 = "utf-16"
  case utf8 = "utf-8"

  /// The encoding to use given what the client offers, in its order of preference: UTF-8 when offered (no
  /// conversion), else UTF-16, which every client must support.
  public static func negotiate(_ offered: [String]) -> PositionEncoding {
    offered.contains(PositionEncoding.utf8.rawValue) ? .utf8 : .utf16
  }

  /// An LSP position: 0-based line and character.
  public struct Position: Hashable, Sendable {
    public var line: Int
    public var character: Int
  }

  /// The byte offset of a position. A line past the end gives the end of the file; a character past the end of
  /// its line (or inside a character's UTF-16 pair or UTF-8 sequence) gives the end of the line (the start of that
  /// character), as the protocol asks.
  public func offset(of position: Position, in file: SourceFile) -> UInt32 {
    guard position.line >= 0 else { return 0 }
    guard position.line < file.lineCount else { return UInt32(file.bytes.count) }
    let line = file.lineRange(position.line + 1)
    var offset = Int(line.start)
    var units = 0
    let target = max(0, position.character)
    while offset < Int(line.end) && units < target {
      let length = Self.sequenceLength(file.bytes[offset])
      let width = self == .utf8 ? length : (length == 4 ? 2 : 1)
      if units + width > target { break }
      units += width
      offset = min(offset + length, Int(line.end))
    }
    return UInt32(offset)
  }

  /// The position of a byte offset (clamped to the file).
  public func position(of offset: UInt32, in file: SourceFile) -> Position {
    let clamped = min(offset, UInt32(file.bytes.count))
    let line = file.line(of: clamped)
    let start = Int(file.lineStarts[line - 1])
    guard self == .utf16 else { return Position(line: line - 1, character: Int(clamped) - start) }
    var units = 0
    var index = start
    while index < Int(clamped) {
      let length = Self.sequenceLength(file.bytes[index])
      units += length == 4 ? 2 : 1
      index += length
    }
    return Position(line: line - 1, character: units)
  }

  /// How many bytes the UTF-8 sequence led by `byte` has (1 for a stray continuation byte, which the parser has
  /// reported: it counts as one character, as a decoder's U+FFFD would).
  static func sequenceLength(_ byte: UInt8) -> Int {
    switch byte {
    case 0xF0...: return 4
    case 0xE0...: return 3
    case 0xC0...: return 2
    default: return 1
    }
  }
}
