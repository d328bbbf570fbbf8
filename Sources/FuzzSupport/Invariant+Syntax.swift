import VStreamSource
import VStreamSyntax
import VStreamYAML

extension Invariant {
  /// A syntax tree fits its file: every node inside the file and inside its parent, items and comments in source
  /// order without overlapping, the front matter's YAML inside its fences and within the parser's YAML limits.
  public static func syntax(_ syntax: FileSyntax, in file: SourceFile, yamlLimits: YAMLLimits = YAMLLimits()) {
    if let frontMatter = syntax.frontMatter {
      inside(frontMatter.range, file, "the front matter")
      inside(frontMatter.contentRange, file, bounds: frontMatter.range, "the front matter's YAML")
      if let root = frontMatter.root {
        yaml(root, in: file, bounds: frontMatter.contentRange, limits: yamlLimits)
      }
    }
    var previousEnd: UInt32 = syntax.frontMatter?.range.end ?? 0
    for item in syntax.items {
      inside(item.range, file, "an item")
      require(item.range.start >= previousEnd, "an item at \(item.range.start) starts before \(previousEnd)")
      previousEnd = item.range.end
      switch item {
      case .declaration(let declaration): self.declaration(declaration, of: syntax, in: file)
      case .flow(let flow): self.flow(flow, of: syntax, in: file)
      }
    }
    var previousComment: UInt32 = 0
    for comment in syntax.comments {
      inside(comment.range, file, "a comment")
      require(comment.range.start >= previousComment, "comments out of order at \(comment.range.start)")
      require(file.bytes[Int(comment.range.start)] == 0x23, "a comment at \(comment.range.start) does not start with #")
      previousComment = comment.range.end
    }
    for directive in syntax.directives {
      inside(directive.range, file, "a directive")
      inside(directive.verbRange, file, bounds: directive.range, "a directive's verb")
      for rule in directive.rules { inside(rule.range, file, bounds: directive.range, "a directive's rule") }
      if let reason = directive.reasonRange { inside(reason, file, bounds: directive.range, "a directive's reason") }
    }
  }

  static func declaration(_ declaration: DeclarationSyntax, of syntax: FileSyntax, in file: SourceFile) {
    let bounds = declaration.range
    inside(declaration.keywordRange, file, bounds: bounds, "a declaration keyword")
    if let identifier = declaration.identifier { inside(identifier.range, file, bounds: bounds, "an identifier") }
    if let title = declaration.title { inside(title.range, file, bounds: bounds, "a title") }
    require(
      declaration.attributeSpan.indices.upperBound <= syntax.attributeList.count, "an attribute span past the list")
    for attribute in syntax.attributes(of: declaration) {
      inside(attribute.range, file, bounds: bounds, "an attribute")
      inside(attribute.keywordRange, file, bounds: attribute.range, "an attribute keyword")
      let ranges: [SourceRange]
      switch attribute.value {
      case .word(let word): ranges = [word.range]
      case .words(let span), .strings(let span):
        require(span.indices.upperBound <= syntax.listElements.count, "a list span past the elements")
        ranges = Array(syntax.listElements[span.indices])
      case .string(let string): ranges = [string.range]
      case .duration(let duration): ranges = [duration.range]
      case .percentage(let percentage): ranges = [percentage.range]
      case .missing: ranges = []
      }
      for range in ranges { inside(range, file, bounds: attribute.range, "the value of `\(attribute.kind.rawValue)`") }
    }
  }

  static func flow(_ flow: FlowSyntax, of syntax: FileSyntax, in file: SourceFile) {
    inside(flow.keywordRange, file, bounds: flow.range, "a flow keyword")
    require(flow.nodeSpan.indices.upperBound <= syntax.flowNodeList.count, "a node span past the list")
    require(flow.arrowSpan.indices.upperBound <= syntax.flowArrowList.count, "an arrow span past the list")
    for node in syntax.nodes(of: flow) { inside(node.range, file, bounds: flow.range, "a flow node") }
    for arrow in syntax.arrows(of: flow) { inside(arrow, file, bounds: flow.range, "an arrow") }
    require(syntax.flowArrowShares.count == syntax.flowArrowList.count, "the shares are not beside the arrows")
    for share in syntax.shares(of: flow) {
      if let share { inside(share.range, file, bounds: flow.range, "an arrow's share") }
    }
    if let label = flow.label { inside(label.range, file, bounds: flow.range, "a flow label") }
  }
}
