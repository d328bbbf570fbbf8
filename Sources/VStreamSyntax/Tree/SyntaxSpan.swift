import VStreamSource

/// A run of consecutive elements in one of the tree's flat lists: a declaration's attributes, a list value's
/// elements, a flow's nodes or arrows.
///
/// The tree keeps these in a few arrays for the whole file rather than an array per node: a large stream has a
/// million attributes, and one allocation (and one deallocation) each made reading it allocation-bound.
public struct SyntaxSpan: Hashable, Sendable {
  public var start: UInt32
  public var count: UInt32

  public init(start: UInt32 = 0, count: UInt32 = 0) {
    self.start = start
    self.count = count
  }

  /// An empty span that starts where the list ends now, to be grown as elements are appended.
  init(at start: Int) {
    self.init(start: UInt32(start), count: 0)
  }

  public var isEmpty: Bool { count == 0 }

  /// The positions in the list.
  public var indices: Range<Int> { Int(start)..<Int(start) + Int(count) }
}

/// A syntax node that can be made from its range alone (a string made so is a one-line string), so that a list of
/// them can be kept as ranges.
public protocol RangeOnlySyntax {
  init(range: SourceRange)
}

extension IdentifierSyntax: RangeOnlySyntax {}

/// The nodes of a span of one of the tree's lists of ranges, indexed from zero.
public struct SyntaxList<Element: RangeOnlySyntax>: RandomAccessCollection {
  let ranges: ArraySlice<SourceRange>

  init(_ ranges: ArraySlice<SourceRange>) {
    self.ranges = ranges
  }

  public var startIndex: Int { 0 }
  public var endIndex: Int { ranges.count }

  public subscript(index: Int) -> Element {
    Element(range: ranges[ranges.startIndex + index])
  }
}
