import VStreamSource

/// `flow a -> b -> c "label"`, with any `-> d` continuation lines.
public struct FlowSyntax: Sendable {
  public var keywordRange: SourceRange
  /// The node names in order, a span of the tree's ``FileSyntax/flowNodeList`` read with ``FileSyntax/nodes(of:)``;
  /// an arrow joins each to the next.
  public var nodeSpan: SyntaxSpan
  /// The `->` tokens, a span of ``FileSyntax/flowArrowList``: one fewer than nodes when the line is well formed.
  public var arrowSpan: SyntaxSpan
  /// Labels every arrow of the flow.
  public var label: StringSyntax?
  public var range: SourceRange
  public var hasErrors: Bool

  public init(
    keywordRange: SourceRange,
    nodeSpan: SyntaxSpan = SyntaxSpan(),
    arrowSpan: SyntaxSpan = SyntaxSpan(),
    label: StringSyntax?,
    range: SourceRange,
    hasErrors: Bool
  ) {
    self.keywordRange = keywordRange
    self.nodeSpan = nodeSpan
    self.arrowSpan = arrowSpan
    self.label = label
    self.range = range
    self.hasErrors = hasErrors
  }
}
