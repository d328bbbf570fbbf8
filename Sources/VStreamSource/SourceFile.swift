/// The bytes of one source file with its line table.
///
/// Lines end at `\n`; a `\r` just before it belongs to the line ending, so CRLF files give the same lines and
/// columns as LF files. A lone `\r` is not a line break (no editor in use today writes one).
public struct SourceFile: Sendable {
  /// The path as the user named it, used in messages. Never made absolute: output must not depend on where the
  /// repository is checked out.
  public let path: String
  public let bytes: SourceBytes
  /// Byte offset of the first byte of each line; line `n` (1-based) starts at `lineStarts[n - 1]`.
  public let lineStarts: [UInt32]
  /// The 1-based lines holding a byte of 0x80 or above, ascending (usually none). On the other lines a column is the
  /// byte offset within the line, found without scanning: a long line with thousands of findings stays linear.
  let nonASCIILines: [Int]
  /// Whether every byte is printable ASCII or `\n`: no byte of 0x80 or above, no tab, no carriage return, no other
  /// control character. Such a file needs no encoding check, and most files are such files.
  public let isPlainText: Bool

  public init(path: String, bytes: [UInt8]) {
    self.init(path: path, bytes: SourceBytes(bytes))
  }

  public init(path: String, bytes: SourceBytes) {
    precondition(bytes.count < Int(UInt32.max), "files of 4 GiB or more are rejected before they get here")
    self.path = path
    self.bytes = bytes
    // One pass over the bytes finds the line breaks and writes the line starts, into room for a line per byte
    // (room never written is never touched), then the table is copied to its size.
    var scan = Scan(lineBreaks: 0, isASCII: true, isPlainText: true)
    let written = bytes.withUnsafeBytes { raw in
      [UInt32](unsafeUninitializedCapacity: raw.count + 1) { table, count in
        table.baseAddress!.initialize(to: 0)
        scan = Self.scan(raw, 0..<raw.count, into: table.baseAddress!, from: 1)
        count = 1 + scan.lineBreaks
      }
    }
    // A copy of its own size (`Array(written[...])` would keep the same storage).
    let starts = [UInt32](unsafeUninitializedCapacity: written.count) { table, count in
      count = table.initialize(from: written).1
    }
    self.lineStarts = starts
    nonASCIILines = scan.isASCII ? [] : Self.findNonASCIILines(bytes, lineStarts: starts)
    isPlainText = scan.isPlainText
  }

  /// How many `\n` bytes there are (see `scan`).
  static func countLineBreaks(_ bytes: [UInt8]) -> Int {
    bytes.withUnsafeBytes { scan($0, 0..<$0.count, into: nil, from: 0).lineBreaks }
  }

  /// What one pass over the file finds: the line breaks, whether every byte is ASCII (then no line needs
  /// to be looked at for columns), and whether the bytes are plain text (see `isPlainText`).
  struct Scan {
    var lineBreaks: Int
    var isASCII: Bool
    var isPlainText: Bool
  }

  /// Scans `raw[range]` eight bytes at a time and, given a table, writes the start of the line after each `\n` into
  /// it from `slot` on. Every test below is exact for each byte on its own: a byte's seven low bits plus a constant
  /// below 0x80 never carry into the next.
  static func scan(
    _ raw: UnsafeRawBufferPointer, _ range: Range<Int>, into table: UnsafeMutablePointer<UInt32>?, from slot: Int
  ) -> Scan {
    let firstSlot = slot
    var slot = slot
    var highBits: UInt64 = 0
    // Flags bytes below 0x20 that are not line breaks (other controls, and tab and carriage return, which make a file
    // "not plain" only in the sense that its encoding check is not skipped), and 0x7F.
    var controls: UInt64 = 0
    var offset = range.lowerBound
    while offset + 8 <= range.upperBound {
      let bytes = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
      highBits |= bytes
      var lineBreaks = Self.lineBreakBits(bytes)
      let low = bytes & Self.lowBits
      // High bit set where the low bits are below 0x20; where they are 0x7F.
      controls |= (~(low &+ 0x6060_6060_6060_6060) & ~lineBreaks) | (low &+ 0x0101_0101_0101_0101)
      // A line break at a time within the word: lines are short, and a call to `memchr` per line cost more.
      while lineBreaks != 0 {
        table?[slot] = UInt32(offset + lineBreaks.trailingZeroBitCount >> 3 + 1)
        slot += 1
        lineBreaks &= lineBreaks &- 1
      }
      offset += 8
    }
    while offset < range.upperBound {
      let byte = raw[offset]
      if byte == 0x0A {
        table?[slot] = UInt32(offset + 1)
        slot += 1
      } else if byte < 0x20 || byte == 0x7F {
        controls |= 0x80
      }
      highBits |= UInt64(byte)
      offset += 1
    }
    let isASCII = highBits & ~Self.lowBits == 0
    return Scan(lineBreaks: slot - firstSlot, isASCII: isASCII, isPlainText: isASCII && controls & ~Self.lowBits == 0)
  }

  static let lowBits: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

  /// The high bit of each byte of `bytes` that is `\n`, and no other bit.
  @inline(__always)
  static func lineBreakBits(_ bytes: UInt64) -> UInt64 {
    let word = bytes ^ 0x0A0A_0A0A_0A0A_0A0A
    return ~(((word & lowBits) &+ lowBits) | word) & ~lowBits
  }

  public init(path: String, text: String) {
    self.init(path: path, bytes: Array(text.utf8))
  }

  public var lineCount: Int { lineStarts.count }

  /// The 1-based line that contains `offset` (an offset at the very end belongs to the last line).
  public func line(of offset: UInt32) -> Int {
    // Binary search for the last line start <= offset.
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
    }
    return low + 1
  }

  /// The bytes of a 1-based line, without its `\n` or `\r\n`.
  public func lineRange(_ line: Int) -> SourceRange {
    let start = lineStarts[line - 1]
    var end = line < lineStarts.count ? lineStarts[line] - 1 : UInt32(bytes.count)
    if end > start && bytes[Int(end) - 1] == 0x0D && (line < lineStarts.count) { end -= 1 }
    if line == lineStarts.count, end > start, bytes[Int(end) - 1] == 0x0D { end -= 1 }
    return SourceRange(start: start, end: end)
  }

  /// Line and columns of a byte offset. Columns are counted over the line's bytes up to the offset, so the cost is
  /// the length of that prefix; callers on hot paths keep offsets and convert once at the edge.
  public func location(of offset: UInt32) -> SourceLocation {
    let clamped = Swift.min(offset, UInt32(bytes.count))
    let line = self.line(of: clamped)
    let start = Int(lineStarts[line - 1])
    if isASCII(line: line) {
      let column = Int(clamped) - start + 1
      return SourceLocation(offset: clamped, line: line, column: column, utf16Column: column, byteColumn: column)
    }
    var scalars = 0
    var utf16 = 0
    var index = start
    let end = Int(clamped)
    while index < end {
      let byte = bytes[index]
      // Count scalars by their lead bytes; a stray continuation byte (invalid UTF-8) counts as one, as the
      // replacement character it becomes when shown.
      let width: Int
      if byte < 0x80 {
        width = 1
      } else if byte >= 0xF0 {
        width = 4
      } else if byte >= 0xE0 {
        width = 3
      } else if byte >= 0xC0 {
        width = 2
      } else {
        width = 1
      }
      scalars += 1
      utf16 += width == 4 ? 2 : 1
      index += width
    }
    return SourceLocation(
      offset: clamped, line: line, column: scalars + 1, utf16Column: utf16 + 1, byteColumn: end - start + 1)
  }

  /// Scans the bytes eight at a time for a high bit; each line found is recorded once and the scan resumes at the
  /// next line.
  private static func findNonASCIILines(_ bytes: SourceBytes, lineStarts: [UInt32]) -> [Int] {
    var lines: [Int] = []
    bytes.withUnsafeBufferPointer { buffer in
      guard let base = UnsafeRawPointer(buffer.baseAddress) else { return }
      var index = 0
      let count = buffer.count
      while index < count {
        if index + 8 <= count, base.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
          index += 8
          continue
        }
        if buffer[index] < 0x80 {
          index += 1
          continue
        }
        // Binary search for the line holding this byte, then skip to the next line.
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
          let mid = (low + high + 1) / 2
          if Int(lineStarts[mid]) <= index { low = mid } else { high = mid - 1 }
        }
        lines.append(low + 1)
        index = low + 1 < lineStarts.count ? Int(lineStarts[low + 1]) : count
      }
    }
    return lines
  }

  /// Whether the 1-based line holds only ASCII bytes.
  func isASCII(line: Int) -> Bool {
    guard !nonASCIILines.isEmpty else { return true }
    var low = 0
    var high = nonASCIILines.count
    while low < high {
      let mid = (low + high) / 2
      if nonASCIILines[mid] < line { low = mid + 1 } else { high = mid }
    }
    return low == nonASCIILines.count || nonASCIILines[low] != line
  }

  /// The text of a range, with invalid UTF-8 shown as U+FFFD.
  public func text(_ range: SourceRange) -> String {
    let start = Int(Swift.min(range.start, UInt32(bytes.count)))
    let end = Int(Swift.min(range.end, UInt32(bytes.count)))
    return String(decoding: bytes[start..<end], as: UTF8.self)
  }
}
