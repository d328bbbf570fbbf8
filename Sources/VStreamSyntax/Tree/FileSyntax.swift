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
  /// Every comment in the body, in source order (front matter comments belong to the YAML).
  public var comments: [CommentSyntax]
  /// The `# vstream: ...` comments, parsed.
  public var directives: [DirectiveSyntax]

  public init(
    hasByteOrderMark: Bool = false,
    frontMatter: FrontMatterSyntax? = nil,
    items: [ItemSyntax] = [],
    comments: [CommentSyntax] = [],
    directives: [DirectiveSyntax] = []
  ) {
    self.hasByteOrderMark = hasByteOrderMark
    self.frontMatter = frontMatter
    self.items = items
    self.comments = comments
    self.directives = directives
  }

  public var declarations: [DeclarationSyntax] {
    items.compactMap { if case .declaration(let declaration) = $0 { return declaration } else { return nil } }
  }

  public var flows: [FlowSyntax] {
    items.compactMap { if case .flow(let flow) = $0 { return flow } else { return nil } }
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
