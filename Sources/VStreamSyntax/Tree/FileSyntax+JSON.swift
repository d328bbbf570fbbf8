import VStreamSource
import VStreamYAML

extension FileSyntax {
  /// The tree as JSON, for `vstream parse` and the conformance suite. Positions are written `line:column-line:column`
  /// (columns in Unicode scalars, 1-based, end exclusive); texts are decoded values.
  public func json(in file: SourceFile) -> JSONValue {
    let position = { (range: SourceRange) -> JSONValue in .string(Self.position(range, in: file)) }
    var members: [(String, JSONValue)] = [("format", .string("vstream-syntax/1"))]
    if hasByteOrderMark { members.append(("byteOrderMark", .bool(true))) }
    if let frontMatter = frontMatter {
      members.append(
        (
          "frontMatter",
          .object([
            ("range", position(frontMatter.range)), ("yaml", frontMatter.root.map { Self.yaml($0, file) } ?? .null),
          ])
        ))
    }
    members.append(("items", .array(items.map { item($0, file) })))
    if !comments.isEmpty {
      members.append(
        (
          "comments",
          .array(
            comments.map {
              .object([
                ("range", position($0.range)), ("text", .string(file.text($0.range))),
                ("trailing", .bool($0.isTrailing)),
              ])
            })
        ))
    }
    if !directives.isEmpty {
      members.append(
        (
          "directives",
          .array(
            directives.map { directive in
              .object([
                ("range", position(directive.range)),
                ("directive", .string(file.text(directive.verbRange))),
                ("rules", .array(directive.rules.map { .string(file.text($0.range)) })),
                ("reason", .string(directive.reasonRange.map { file.text($0) })),
              ])
            })
        ))
    }
    return .object(members)
  }

  static func position(_ range: SourceRange, in file: SourceFile) -> String {
    let start = file.location(of: range.start)
    let end = file.location(of: range.end)
    return "\(start.line):\(start.column)-\(end.line):\(end.column)"
  }

  func item(_ item: ItemSyntax, _ file: SourceFile) -> JSONValue {
    switch item {
    case .declaration(let declaration):
      var members: [(String, JSONValue)] = [
        ("kind", .string(declaration.kind.rawValue)),
        ("range", .string(Self.position(declaration.range, in: file))),
        ("id", declaration.identifier.map { .string($0.text(in: file)) } ?? .null),
      ]
      if let title = declaration.title { members.append(("title", .string(title.value(in: file)))) }
      if !declaration.attributeSpan.isEmpty {
        members.append(("attributes", .array(attributes(of: declaration).map { attribute($0, file) })))
      }
      if declaration.hasErrors { members.append(("hasErrors", .bool(true))) }
      return .object(members)
    case .flow(let flow):
      var members: [(String, JSONValue)] = [
        ("kind", .string(flow.kind.rawValue)),
        ("range", .string(Self.position(flow.range, in: file))),
        ("nodes", .array(nodes(of: flow).map { .string($0.text(in: file)) })),
      ]
      let shares = shares(of: flow)
      if shares.contains(where: { $0 != nil }) {
        members.append(("shares", .array(shares.map { $0.map { .int($0.hundredths(in: file)) } ?? .null })))
      }
      if let label = flow.label { members.append(("label", .string(label.value(in: file)))) }
      if flow.hasErrors { members.append(("hasErrors", .bool(true))) }
      return .object(members)
    }
  }

  func attribute(_ attribute: AttributeSyntax, _ file: SourceFile) -> JSONValue {
    let value: JSONValue
    switch attribute.value {
    case .word(let word): value = .string(word.text(in: file))
    case .words(let span): value = .array(words(span).map { .string($0.text(in: file)) })
    case .strings(let span): value = .array(strings(span).map { .string($0.value(in: file)) })
    case .string(let string): value = .string(string.value(in: file))
    case .duration(let duration):
      let estimates = duration.estimates(in: file).map { estimate in
        JSONValue.array(
          estimate.parts(in: file).map { .object([("amount", .int($0.amount)), ("unit", .string($0.unit.rawValue))]) })
      }
      // A point keeps its plain list of parts; a range lists its estimates (least, [most likely,] most).
      value = estimates.count == 1 ? estimates[0] : .object([("estimates", .array(estimates))])
    case .percentage(let percentage): value = .object([("hundredths", .int(percentage.hundredths(in: file)))])
    case .missing: value = .null
    }
    var members: [(String, JSONValue)] = [
      ("name", .string(attribute.kind.rawValue)), ("range", .string(Self.position(attribute.range, in: file))),
      ("value", value),
    ]
    if attribute.isPlanned { members.append(("planned", .bool(true))) }
    if attribute.hasErrors { members.append(("hasErrors", .bool(true))) }
    return .object(members)
  }

  static func yaml(_ node: YAMLNode, _ file: SourceFile) -> JSONValue {
    let range = JSONValue.string(position(node.range, in: file))
    switch node.kind {
    case .scalar(let text): return .object([("range", range), ("scalar", .string(text))])
    case .sequence(let items): return .object([("range", range), ("sequence", .array(items.map { yaml($0, file) }))])
    case .mapping(let pairs):
      return .object([
        ("range", range),
        ("mapping", .array(pairs.map { .object([("key", yaml($0.key, file)), ("value", yaml($0.value, file))]) })),
      ])
    }
  }
}
