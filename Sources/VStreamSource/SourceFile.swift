#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

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
    self.init(path: path, bytes: bytes, pieces: Self.isLarge(bytes.count) ? Parallel.coreCount : 1)
  }

  /// Builds the line table in `pieces` pieces (tests choose; see above for the rest).
  init(path: String, bytes: [UInt8], pieces pieceCount: Int) {
    self.init(path: path, bytes: SourceBytes(bytes), pieces: pieceCount)
  }

  init(path: String, bytes: SourceBytes, pieces pieceCount: Int) {
    precondition(bytes.count < Int(UInt32.max), "files of 4 GiB or more are rejected before they get here")
    self.path = path
    self.bytes = bytes
    // One pass over the bytes finds the line breaks and writes the line starts. No piece of the file has more lines
    // than bytes, so each piece writes its starts from the slot of its first byte, on its own core, and the gaps
    // between them are closed afterwards (a few MB moved, against a second pass over every byte to count first).
    // Room never written is never touched; a small file's table is copied to its size, a large one's is kept. The
    // table is not put in huge pages: it is written in far-apart places, each of which would take a whole one (6 MB
    // more peak RSS on a 10 MB stream, for a few hundred page faults saved).
    let pieces = Parallel.split(bytes.count, into: pieceCount)
    var scans: [Scan] = []
    var starts = bytes.withUnsafeBytes { raw in
      [UInt32](unsafeUninitializedCapacity: bytes.count + 1) { table, count in
        let base = table.baseAddress!
        base.initialize(to: 0)
        scans = Parallel.map(pieces.count) { Self.scan(raw, pieces[$0], into: base, from: pieces[$0].lowerBound + 1) }
        var end = 1 + (scans.first?.lineBreaks ?? 0)
        for (piece, scan) in zip(pieces, scans).dropFirst() {
          let source = piece.lowerBound + 1
          (base + end).moveInitialize(from: base + source, count: scan.lineBreaks)
          end += scan.lineBreaks
          // What the piece wrote where it no longer is: its pages are given back (they would stay in the peak RSS).
          let stale = Swift.max(end, source)..<(source + scan.lineBreaks)
          if !stale.isEmpty {
            HugePages.discard(UnsafeMutableRawBufferPointer(UnsafeMutableBufferPointer(rebasing: table[stale])))
          }
        }
        count = end
      }
    }
    if !Self.isLarge(bytes.count) {
      // A copy of its own size (`Array(starts[...])` would keep the same storage).
      let written = starts
      starts = [UInt32](unsafeUninitializedCapacity: written.count) { table, count in
        count = table.initialize(from: written).1
      }
    }
    self.lineStarts = starts
    nonASCIILines = scans.allSatisfy(\.isASCII) ? [] : Self.findNonASCIILines(bytes, lineStarts: starts)
    isPlainText = scans.allSatisfy(\.isPlainText)
  }

  /// The size from which the line table is built in pieces on separate cores.
  static let pieceSize = 4 << 20

  /// Whether a file of `count` bytes has its line table built in pieces, and kept in the room it was written in.
  static func isLarge(_ count: Int) -> Bool { count >= pieceSize * 2 }

  /// How many `\n` bytes there are (see `scan`).
  static func countLineBreaks(_ bytes: [UInt8]) -> Int {
    bytes.withUnsafeBytes { scan($0, 0..<$0.count, into: nil, from: 0).lineBreaks }
  }

  /// What one pass over a piece of the file finds: the line breaks, whether every byte is ASCII (then no line needs
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
      if byte < 0x80 { width = 1 } else if byte >= 0xF0 { width = 4 } else if byte >= 0xE0 { width = 3 } else if byte >= 0xC0 { width = 2 } else { width = 1 }
      scalars += 1
      utf16 += width == 4 ? 2 : 1
      index += width
    }
    return SourceLocation(offset: clamped, line: line, column: scalars + 1, utf16Column: utf16 + 1, byteColumn: end - start + 1)
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
