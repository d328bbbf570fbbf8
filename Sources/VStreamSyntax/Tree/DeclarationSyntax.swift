import VStreamSource

/// The four kinds of declaration, by keyword.
public enum DeclarationKind: String, Sendable, CaseIterable {
  case stream
  case demand
  case step
  case value

  /// The attributes a declaration of this kind may have, in canonical order (the formatter's order).
  public var allowedAttributes: [AttributeKind] {
    switch self {
    case .stream: return [.note]
    case .demand: return [.from, .fromStream, .note]
    case .step: return [.activity, .practices, .roles, .runs, .time, .wait, .target, .ca, .handsOverTo, .note]
    case .value: return [.for, .handsOverTo, .note]
    }
  }

  /// Whether a declaration of this kind may have the attribute (asked for every attribute line, so no array).
  public func allows(_ attribute: AttributeKind) -> Bool {
    switch (self, attribute) {
    case (_, .note): return true
    case (.demand, .from), (.value, .for), (.demand, .fromStream), (.step, .handsOverTo), (.value, .handsOverTo),
      (.step, .runs):
      return true
    case (.step, .activity), (.step, .practices), (.step, .roles), (.step, .time), (.step, .wait), (.step, .target),
      (.step, .ca):
      return true
    default: return false
    }
  }

  /// "a step", "an activity": for messages.
  public var withArticle: String {
    self == .stream ? "a stream" : "a \(rawValue)"
  }
}

/// `step triage "Log and classify the incident"` and its attribute lines.
public struct DeclarationSyntax: Sendable {
  public var kind: DeclarationKind
  public var keywordRange: SourceRange
  /// Missing when the line has no identifier (reported).
  public var identifier: IdentifierSyntax?
  public var title: StringSyntax?
  /// The attribute lines, in the order written: a span of the tree's ``FileSyntax/attributeList``, read with
  /// ``FileSyntax/attributes(of:)``.
  public var attributeSpan: SyntaxSpan
  /// From the keyword to the end of the last attribute (comments excluded).
  public var range: SourceRange
  /// Whether the declaration line itself had a syntax error (attributes carry their own flag).
  public var hasErrors: Bool

  public init(
    kind: DeclarationKind,
    keywordRange: SourceRange,
    identifier: IdentifierSyntax?,
    title: StringSyntax?,
    attributeSpan: SyntaxSpan = SyntaxSpan(),
    range: SourceRange,
    hasErrors: Bool
  ) {
    self.kind = kind
    self.keywordRange = keywordRange
    self.identifier = identifier
    self.title = title
    self.attributeSpan = attributeSpan
    self.range = range
    self.hasErrors = hasErrors
  }

}

/// An identifier as written: `triage`, `restore-live-service`.
public struct IdentifierSyntax: Hashable, Sendable {
  public var range: SourceRange

  public init(range: SourceRange) { self.range = range }

  public func text(in file: SourceFile) -> String { file.text(range) }
}

/// A word as written where the checker interprets it: an activity or a practice name.
public typealias WordSyntax = IdentifierSyntax
