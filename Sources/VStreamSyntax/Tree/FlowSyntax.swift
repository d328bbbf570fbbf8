import VStreamSource

/// `flow a -> b -> c "label"`, with any `-> d` continuation lines.
public struct FlowSyntax: Sendable {
  public var keywordRange: SourceRange
  /// The node names in order; an arrow joins each to the next.
  public var nodes: [IdentifierSyntax]
  /// The `->` tokens, one fewer than nodes when the line is well formed.
  public var arrows: [SourceRange]
  /// Labels every arrow of the flow.
  public var label: StringSyntax?
  public var range: SourceRange
  public var hasErrors: Bool

  public init(
    keywordRange: SourceRange,
    nodes: [IdentifierSyntax],
    arrows: [SourceRange],
    label: StringSyntax?,
    range: SourceRange,
    hasErrors: Bool
  ) {
    self.keywordRange = keywordRange
    self.nodes = nodes
    self.arrows = arrows
    self.label = label
    self.range = range
    self.hasErrors = hasErrors
  }
}
