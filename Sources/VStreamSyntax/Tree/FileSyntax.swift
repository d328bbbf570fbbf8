import VStreamSource
import VStreamYAML

/// The syntax tree of one `.vstream` file: front matter, declarations and flows in source order, and every comment.
///
/// Syntax nodes refer to the source by range; text is read from the ``SourceFile`` on demand, which keeps the tree
/// small for large files. Nodes may be incomplete where the source was wrong: the parser reported a diagnostic for
/// each gap, and `hasErrors` marks the nodes that carry one so that later stages do not report the same mistake
/// again.
public struct FileSyntax: Sendable {
  /// Whether the file starts with a UTF-8 byte order mark (kept by the formatter).
  public var hasByteOrderMark: Bool
  public var frontMatter: FrontMatterSyntax?
  public var items: [ItemSyntax]
  /// Every declaration's attributes, declaration after declaration; each declaration names its span.
  public var attributeList: [AttributeSyntax]
  /// The elements of every list value (`practices`, `roles`), list after list.
  public var listElements: [SourceRange]
  /// Every flow's node names, and every flow's arrows, flow after flow.
  public var flowNodeList: [SourceRange]
  public var flowArrowList: [SourceRange]
  /// Beside each arrow of ``flowArrowList``, its share (`-> 30% b`): the percentage's range, or an empty range when
  /// the arrow has none.
  public var flowArrowShares: [SourceRange]
  /// Every comment in the body, in source order (front matter comments belong to the YAML).
  public var comments: [CommentSyntax]
  /// The `# vstream: ...` comments, parsed.
  public var directives: [DirectiveSyntax]
  /// Whether the body was read: false for a file that is not text (invalid UTF-8, NUL bytes) or whose front matter
  /// never closes, which is not parsed further. Checks about what the body lacks then say nothing: the parser's one
  /// finding is the cause.
  public var isBodyRead = true

  public init(
    hasByteOrderMark: Bool = false,
    frontMatter: FrontMatterSyntax? = nil,
    items: [ItemSyntax] = [],
    attributeList: [AttributeSyntax] = [],
    listElements: [SourceRange] = [],
    flowNodeList: [SourceRange] = [],
    flowArrowList: [SourceRange] = [],
    flowArrowShares: [SourceRange]? = nil,
    comments: [CommentSyntax] = [],
    directives: [DirectiveSyntax] = []
  ) {
    self.hasByteOrderMark = hasByteOrderMark
    self.frontMatter = frontMatter
    self.items = items
    self.attributeList = attributeList
    self.listElements = listElements
    self.flowNodeList = flowNodeList
    self.flowArrowList = flowArrowList
    self.flowArrowShares = flowArrowShares ?? flowArrowList.map { SourceRange.empty(at: $0.end) }
    self.comments = comments
    self.directives = directives
  }

  public var declarations: [DeclarationSyntax] {
    items.compactMap { if case .declaration(let declaration) = $0 { return declaration } else { return nil } }
  }

  public var flows: [FlowSyntax] {
    items.compactMap { if case .flow(let flow) = $0 { return flow } else { return nil } }
  }

  // MARK: - The parts of a node kept in the flat lists

  /// A declaration's attribute lines, in the order written.
  public func attributes(of declaration: DeclarationSyntax) -> ArraySlice<AttributeSyntax> {
    attributeList[declaration.attributeSpan.indices]
  }

  /// A declaration's attribute of this kind (the parser keeps at most one of each).
  public func attribute(_ kind: AttributeKind, of declaration: DeclarationSyntax) -> AttributeSyntax? {
    // An index loop rather than `first(where:)`: the closure form copies every attribute it looks at.
    for index in declaration.attributeSpan.indices where attributeList[index].kind == kind {
      return attributeList[index]
    }
    return nil
  }

  /// Whether a declaration has an attribute of this kind, without copying it.
  public func hasAttribute(_ kind: AttributeKind, of declaration: DeclarationSyntax) -> Bool {
    for index in declaration.attributeSpan.indices where attributeList[index].kind == kind { return true }
    return false
  }

  /// Whether a declaration or any of its attributes had a syntax error.
  public func hasErrorsInside(_ declaration: DeclarationSyntax) -> Bool {
    declaration.hasErrors || declaration.attributeSpan.indices.contains { attributeList[$0].hasErrors }
  }

  /// The words of a `practices` value.
  public func words(_ span: SyntaxSpan) -> SyntaxList<WordSyntax> {
    SyntaxList(listElements[span.indices])
  }

  /// The strings of a `roles` value (one-line strings: a `"""` block is not a list element).
  public func strings(_ span: SyntaxSpan) -> SyntaxList<StringSyntax> {
    SyntaxList(listElements[span.indices])
  }

  /// A flow's node names in order.
  public func nodes(of flow: FlowSyntax) -> SyntaxList<IdentifierSyntax> {
    SyntaxList(flowNodeList[flow.nodeSpan.indices])
  }

  /// A flow's `->` tokens in order.
  public func arrows(of flow: FlowSyntax) -> ArraySlice<SourceRange> {
    flowArrowList[flow.arrowSpan.indices]
  }

  /// The shares written after a flow's arrows (`-> 30% b`), one per arrow, nil where none is written.
  public func shares(of flow: FlowSyntax) -> [PercentageSyntax?] {
    flowArrowShares[flow.arrowSpan.indices].map { $0.start == $0.end ? nil : PercentageSyntax(range: $0) }
  }
}

/// The YAML block between the `---` fences at the top of the file.
public struct FrontMatterSyntax: Sendable {
  /// From the opening fence to the end of the closing fence line.
  public var range: SourceRange
  /// The YAML text between the fences.
  public var contentRange: SourceRange
  /// The parsed document; `nil` when it is empty or could not be read.
  public var root: YAMLNode?

  public init(range: SourceRange, contentRange: SourceRange, root: YAMLNode?) {
    self.range = range
    self.contentRange = contentRange
    self.root = root
  }
}

/// A top-level line and what belongs to it.
public enum ItemSyntax: Sendable {
  case declaration(DeclarationSyntax)
  case flow(FlowSyntax)

  public var range: SourceRange {
    switch self {
    case .declaration(let declaration): return declaration.range
    case .flow(let flow): return flow.range
    }
  }
}

/// A comment: `#` to the end of the line.
public struct CommentSyntax: Hashable, Sendable {
  public var range: SourceRange
  /// Whether code stands before it on its line (a trailing comment) rather than the comment having the line alone.
  public var isTrailing: Bool

  public init(range: SourceRange, isTrailing: Bool) {
    self.range = range
    self.isTrailing = isTrailing
  }
}
