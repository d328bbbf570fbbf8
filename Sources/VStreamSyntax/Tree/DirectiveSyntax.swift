import VStreamSource

/// A `# vstream: allow RULE[, RULE] -- reason` comment.
public struct DirectiveSyntax: Hashable, Sendable {
  public enum Kind: String, Sendable {
    /// Applies to the declaration the comment is on, or to the next one when the comment has its line alone.
    case allow
    /// Applies to the whole file.
    case allowFile = "allow-file"
  }

  /// `nil` when the word after `vstream:` is not a known directive (the checker reports it).
  public var kind: Kind?
  /// The word after `vstream:`, as written.
  public var verbRange: SourceRange
  public var rules: [WordSyntax]
  /// The text after `--`, trimmed; `nil` when there is none.
  public var reasonRange: SourceRange?
  /// The whole comment.
  public var range: SourceRange
  public var isTrailing: Bool

  public init(
    kind: Kind?, verbRange: SourceRange, rules: [WordSyntax], reasonRange: SourceRange?, range: SourceRange,
    isTrailing: Bool
  ) {
    self.kind = kind
    self.verbRange = verbRange
    self.rules = rules
    self.reasonRange = reasonRange
    self.range = range
    self.isTrailing = isTrailing
  }
}
