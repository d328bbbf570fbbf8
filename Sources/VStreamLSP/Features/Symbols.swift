import VStreamSyntax

/// `textDocument/documentSymbol`: the outline, one symbol per declaration and per line of arrows, in source order.
enum SymbolsFeature {
  /// LSP's SymbolKind values used here.
  static func kind(_ kind: DeclarationKind) -> Int {
    switch kind {
    case .stream: return 2  // Module
    case .demand: return 24  // Event
    case .step: return 12  // Function
    case .value: return 14  // Constant
    }
  }

  static func symbols(in context: FeatureContext) -> [[String: Any]] {
    let file = context.file
    let syntax = context.index.syntax
    return syntax.items.compactMap { item in
      switch item {
      case .declaration(let declaration):
        guard let identifier = declaration.identifier else { return nil }
        var symbol: [String: Any] = [
          "name": file.text(identifier.range), "kind": kind(declaration.kind),
          "range": context.range(declaration.range), "selectionRange": context.range(identifier.range),
        ]
        symbol["detail"] =
          declaration.title.map { "\(declaration.kind.rawValue) " + $0.value(in: file) }
          ?? declaration.kind.rawValue
        return symbol
      case .flow(let flow):
        let nodes = syntax.nodes(of: flow).map { file.text($0.range) }
        guard let first = nodes.first else { return nil }
        return [
          "name": "\(flow.kind.rawValue) \(first) -> \(nodes.count > 1 ? nodes.last! : "…")",
          "kind": 25,  // Operator
          "range": context.range(flow.range), "selectionRange": context.range(flow.keywordRange),
        ]
      }
    }
  }
}
