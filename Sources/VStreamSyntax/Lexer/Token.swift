import VStreamSource

/// One token: a kind and a byte range. Twelve bytes, no text: the text is read from the source when needed.
public struct Token: Hashable, Sendable {
  public var kind: TokenKind
  public var start: UInt32
  public var end: UInt32

  public init(kind: TokenKind, start: UInt32, end: UInt32) {
    self.kind = kind
    self.start = start
    self.end = end
  }

  public var range: SourceRange { SourceRange(start: start, end: end) }
}
