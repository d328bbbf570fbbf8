/// A half-open range of byte offsets into one source file.
///
/// Offsets are UTF-8 byte offsets from the start of the file (the BOM included, if any). Lines and columns are
/// computed only at the edge, by ``SourceFile/location(of:)``, so that tokens and nodes stay small.
public struct SourceRange: Hashable, Sendable, Comparable {
  public var start: UInt32
  public var end: UInt32

  public init(start: UInt32, end: UInt32) {
    precondition(start <= end, "a source range must not end before it starts")
    self.start = start
    self.end = end
  }

  /// An empty range at one offset, for things that are missing ("expected ... here").
  public static func empty(at offset: UInt32) -> SourceRange { SourceRange(start: offset, end: offset) }

  public var length: UInt32 { end - start }
  public var isEmpty: Bool { start == end }

  /// The smallest range that covers both.
  public func union(_ other: SourceRange) -> SourceRange {
    SourceRange(start: Swift.min(start, other.start), end: Swift.max(end, other.end))
  }

  public static func < (lhs: SourceRange, rhs: SourceRange) -> Bool {
    lhs.start != rhs.start ? lhs.start < rhs.start : lhs.end < rhs.end
  }
}

/// A line and column for people and tools, computed from a byte offset.
///
/// `column` counts Unicode scalars (code points) from 1, which is what SARIF calls `unicodeCodePoints` and what
/// terminals show. `utf16Column` is the same position in UTF-16 code units, from 1 (what LSP and many editors use),
/// and `byteColumn` in UTF-8 bytes, from 1.
public struct SourceLocation: Hashable, Sendable {
  public var offset: UInt32
  public var line: Int
  public var column: Int
  public var utf16Column: Int
  public var byteColumn: Int

  public init(offset: UInt32, line: Int, column: Int, utf16Column: Int, byteColumn: Int) {
    self.offset = offset
    self.line = line
    self.column = column
    self.utf16Column = utf16Column
    self.byteColumn = byteColumn
  }
}
