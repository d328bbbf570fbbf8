import VStreamSource

/// Every name in a flow is the id of the demand, a step or a value (VS311). While a declaration has lost its id
/// (VS107 says so), a name like no declared id is most likely that one: it is not reported again.
enum FlowNamesAreDeclared: CheckRule {
  static func findings(in context: CheckContext) -> Findings {
    var findings = context.findings()
    let declarations = context.declarations
    let streamID = declarations.streams.first?.identifier?.text(in: context.file)
    let anIDIsMissing = [declarations.demands, declarations.steps, declarations.values].contains { list in
      list.contains { $0.identifier == nil }
    }
    var suggestions = Suggestions(context)
    for range in context.flow.undefinedNames {
      let id = context.file.text(range)
      let suggestion = id == streamID ? nil : suggestions.closest(to: id)
      if anIDIsMissing && id != streamID && suggestion == nil { continue }
      findings.add(.undefinedNode, at: range) {
        id == streamID ? .flowNamesTheStream(id) : .undeclaredName(id, suggestion: suggestion, at: range)
      }
    }
    return findings
  }

  /// The declared id closest to a name, within a budget of comparisons per file: a file naming thousands of
  /// undefined nodes among thousands of steps would otherwise spend a product of the two on suggestions.
  struct Suggestions {
    let context: CheckContext
    /// The declared ids in source order (made on the first undefined name).
    lazy var candidates: [String] = {
      let declarations = context.declarations
      return (Array(declarations.demands) + Array(declarations.steps) + Array(declarations.values)).compactMap {
        $0.identifier?.text(in: context.file)
      }
    }()
    var budget = 20_000

    init(_ context: CheckContext) {
      self.context = context
    }

    mutating func closest(to id: String) -> String? {
      guard budget >= candidates.count else { return nil }
      budget -= candidates.count
      return Spelling.closest(to: id, among: candidates)
    }
  }
}

extension Message {
  static func flowNamesTheStream(_ id: String) -> Message {
    Message(
      text: "`\(id)` is the stream itself, not a step", label: "the stream's id",
      help: "flows join the demand, steps and values")
  }

  static func undeclaredName(_ id: String, suggestion: String?, at range: SourceRange) -> Message {
    Message(
      text: "`\(id)` is not declared", label: "no demand, step or value has this id",
      help: suggestion.map { "did you mean `\($0)`?" } ?? "declare it with `step \(id) \"Title\"`",
      fixes: suggestion.map { [.replace(range, with: $0, "write `\($0)`", safety: .unsafe)] } ?? [])
  }
}
