import VStreamModel
import VStreamSource
import VStreamSyntax

/// The second phase, beside ``ResolvedSteps``: the ids the demand, the steps and the values declare (one namespace,
/// because flows name them), and the ids declared twice.
struct Names {
  /// A declared id: the node it names (nil for a second demand, which flows cannot use) and where it is declared.
  struct Entry {
    var ref: NodeRef?
    var anchor: SourceRange
    var hasErrors: Bool
  }

  /// An id declared again: where, and where it was first declared.
  struct Repeat {
    var identifier: SourceRange
    var first: SourceRange
  }

  /// The first declaration of each id, looked up from the file's bytes (a large stream's ids are never made into
  /// strings).
  var table: ByteKeyedTable<Entry>
  /// Ids declared again, in source order. A declaration recovered from a broken line (`stpe work`) is often the same
  /// thing written twice, so a repeat where either side has a syntax error is not listed.
  var repeats: [Repeat]
  /// The node numbers of declarations whose id was declared before (reported or not): no flow can name them, so
  /// they are the repeat's finding alone (VS306), never also unreachable or unmeasured.
  var repeatedNodes: Set<Int> = []

  static func collect(_ declarations: Declarations, syntax: FileSyntax, file: SourceFile) -> Names {
    var names = Names(table: ByteKeyedTable(capacity: declarations.nodeCount), repeats: [])
    var (stepIndex, valueIndex, demandSeen) = (0, 0, false)
    for item in syntax.items {
      guard case .declaration(let declaration) = item, declaration.kind != .stream else { continue }
      // Each declaration's position among its kind, counted as we go (looking it up would be quadratic).
      let ref: NodeRef?
      switch declaration.kind {
      case .step:
        ref = .step(stepIndex)
        stepIndex += 1
      case .value:
        ref = .value(valueIndex)
        valueIndex += 1
      case .demand:
        ref = demandSeen ? nil : .demand
        demandSeen = true
      case .stream:
        ref = nil
      }
      guard let identifier = declaration.identifier else { continue }
      let entry = Entry(ref: ref, anchor: declaration.anchor, hasErrors: declaration.hasErrors)
      let (index, inserted) = names.table.insertIfAbsent(file.bytes, identifier.range, value: entry)
      guard !inserted else { continue }
      if let ref { names.repeatedNodes.insert(declarations.nodeNumber(ref)) }
      let earlier = names.table.value(at: index)
      guard !earlier.hasErrors, !declaration.hasErrors else { continue }
      names.repeats.append(Repeat(identifier: identifier.range, first: earlier.anchor))
    }
    return names
  }
}

extension DeclarationSyntax {
  /// Where to point at a declaration: its identifier, or its keyword when the identifier is missing.
  var anchor: SourceRange { identifier?.range ?? keywordRange }
}
