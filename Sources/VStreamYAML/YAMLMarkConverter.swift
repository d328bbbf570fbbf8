import VStreamSource

/// Turns libyaml's positions (line and column within its input) into file-absolute byte offsets.
///
/// libyaml 0.2.5 counts `mark.index` and `mark.column` in characters, not bytes, so neither can be added to a byte
/// offset. Its lines are its own too: besides `\n`, `\r\n` and a lone `\r`, it breaks lines at U+0085 (NEL), U+2028
/// and U+2029, which the file's line table does not (a `"x\u{2028}y"` scalar would shift every later position by a
/// line). So the converter scans the input once for libyaml's line starts, then walks `column` characters from the
/// line's start. The walk resumes from the previous position when the next mark is further along the same line, as
/// libyaml's events arrive in source order: converting every mark of a document costs time linear in its size, even
/// when the document is one long line.
struct YAMLMarkConverter {
  private let bytes: SourceBytes
  /// Where libyaml's input starts and ends in `bytes`.
  let start: Int
  let end: Int
  /// Byte offset of the first character of each of libyaml's lines; line 0 starts at `start`.
  private var lineStarts: [Int]
  private var cursorLine = -1
  private var cursorColumn = 0
  private var cursorOffset = 0

  init(bytes: SourceBytes, start: Int, end: Int) {
    self.bytes = bytes
    self.start = start
    self.end = end
    var starts = [start]
    bytes.withUnsafeBufferPointer { buffer in
      var index = start
      while index < end {
        let width = Self.breakWidth(buffer, at: index, end: end)
        if width > 0 {
          index += width
          starts.append(index)
        } else {
          index += 1
        }
      }
    }
    lineStarts = starts
  }

  /// The byte offset of libyaml's `line` (0-based) and `column` (0-based, in characters).
  mutating func offset(line: Int, column: Int) -> UInt32 {
    guard line >= 0, line < lineStarts.count else { return UInt32(end) }
    let lineEnd = line + 1 < lineStarts.count ? lineStarts[line + 1] : end
    var offset = lineStarts[line]
    var walked = 0
    if line == cursorLine, column >= cursorColumn {
      offset = cursorOffset
      walked = cursorColumn
    }
    while walked < column, offset < lineEnd {
      offset += Self.scalarWidth(bytes[offset])
      walked += 1
    }
    offset = Swift.min(offset, lineEnd)
    cursorLine = line
    cursorColumn = walked
    cursorOffset = offset
    return UInt32(offset)
  }

  /// The width in bytes of the character at `offset`, 0 at the end of the input or on a line break: how far a
  /// caret under that character should reach.
  func characterWidth(at offset: Int) -> Int {
    guard offset >= start, offset < end else { return 0 }
    if bytes.withUnsafeBufferPointer({ Self.breakWidth($0, at: offset, end: end) }) > 0 { return 0 }
    return Swift.min(Self.scalarWidth(bytes[offset]), end - offset)
  }

  /// The length of the line break at `index` as libyaml reads it (CRLF, CR, LF, NEL, LS, PS), or 0.
  private static func breakWidth(_ buffer: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> Int {
    switch buffer[index] {
    case 0x0A:
      return 1
    case 0x0D:
      return index + 1 < end && buffer[index + 1] == 0x0A ? 2 : 1
    case 0xC2:
      return index + 1 < end && buffer[index + 1] == 0x85 ? 2 : 0
    case 0xE2:
      guard index + 2 < end, buffer[index + 1] == 0x80 else { return 0 }
      return buffer[index + 2] == 0xA8 || buffer[index + 2] == 0xA9 ? 3 : 0
    default:
      return 0
    }
  }

  /// The width of a UTF-8 sequence from its lead byte. libyaml has validated the input before it reports a mark in
  /// it, so the lead byte tells the truth.
  private static func scalarWidth(_ lead: UInt8) -> Int {
    lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
  }
}
