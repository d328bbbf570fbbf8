import VStreamSource

/// What a line of arrows says about them: its first word.
public enum FlowKind: String, Sendable, CaseIterable {
  /// `flow`: arrows that go forward.
  case flow
  /// `rework`: arrows that send work back upstream.
  case rework
  /// `main`: forward arrows that are also the main path.
  case main
  /// `parallel`: forward arrows that all start at once (a fork, AND), not alternatives (XOR).
  case parallel
}

/// `flow a -> b -> c "label"` (or `rework`, `main`, `parallel`), with any `-> d` continuation lines.
public struct FlowSyntax: Sendable {
  public var keywordRange: SourceRange
  /// The line's first word.
  public var kind: FlowKind
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
    kind: FlowKind = .flow,
    nodeSpan: SyntaxSpan = SyntaxSpan(),
    arrowSpan: SyntaxSpan = SyntaxSpan(),
    label: StringSyntax?,
    range: SourceRange,
    hasErrors: Bool
  ) {
    self.keywordRange = keywordRange
    self.kind = kind
    self.nodeSpan = nodeSpan
    self.arrowSpan = arrowSpan
    self.label = label
    self.range = range
    self.hasErrors = hasErrors
  }
}
