import VStreamSource

/// Every name in a flow is the id of the demand, a step or a value (VS311). While a declaration has lost its id
/// (VS107 says so), a name like no declared id is most likely that one: it is not reported again. A name no arrow
/// leaves, on any line, is where the flow ends: it is offered as a value to declare, and while the stream has no
/// value that one finding covers VS305 too (one mistake, such as a deleted value, one finding). Likewise a name no
/// arrow reaches, in a stream with no demand, is offered as the demand, and covers VS303.
enum FlowNamesAreDeclared: CheckRule {
  static func findings(in context: CheckContext) -> Findings {
    var findings = context.findings()
    let declarations = context.declarations
    let streamID = declarations.streams.first?.identifier?.text(in: context.file)
    let anIDIsMissing = [declarations.demands, declarations.steps, declarations.values].contains { list in
      list.contains { $0.identifier == nil }
    }
    var suggestions = Suggestions(context)
    let ends = endsOfFlow(context)
    let starts = declarations.demands.isEmpty ? startsOfFlow(context) : [:]
    // One finding a name, where it is first written: a deleted or misspelt declaration is one mistake however many
    // lines name it, and the did-you-mean fix rewrites every one.
    var places: [String: [SourceRange]] = [:]
    var order: [String] = []
    for name in context.flow.undefinedNames {
      let id = context.file.text(name.range)
      if places[id] == nil { order.append(id) }
      places[id, default: []].append(name.range)
    }
    for id in order {
      let ranges = places[id]!
      let suggestion = id == streamID ? nil : suggestions.closest(to: id)
      if anIDIsMissing && id != streamID && suggestion == nil { continue }
      findings.add(.undefinedNode, at: ranges[0]) {
        if id == streamID { return .flowNamesTheStream(id) }
        if suggestion == nil, let start = ends[id] {
          return .undeclaredValue(id, declareAt: start, times: ranges.count)
        }
        if suggestion == nil, let start = starts[id] {
          return .undeclaredDemand(id, declareAt: start, times: ranges.count)
        }
        return .undeclaredName(id, suggestion: suggestion, at: ranges)
      }
    }
    return findings
  }

  /// The undeclared names no arrow leaves on any line, each with where its first flow line starts.
  static func endsOfFlow(_ context: CheckContext) -> [String: UInt32] { undeclared(context, never: \.leadsOn) }

  /// The undeclared names no arrow reaches on any line, each with where its first flow line starts.
  static func startsOfFlow(_ context: CheckContext) -> [String: UInt32] { undeclared(context, never: \.isReached) }

  private static func undeclared(_ context: CheckContext, never: KeyPath<UndefinedName, Bool>) -> [String: UInt32] {
    var found: [String: UInt32] = [:]
    var excluded: Set<String> = []
    for name in context.flow.undefinedNames {
      let id = context.file.text(name.range)
      if name[keyPath: never] { excluded.insert(id) } else if found[id] == nil { found[id] = name.flowStart }
    }
    return found.filter { !excluded.contains($0.key) }
  }

  /// Whether the flow starts from a name that is not declared and is like no declared id, in a stream with no
  /// demand: the demand VS311 offers to declare, so that the missing demand is not reported again (VS303).
  static func startsFromAnUndeclaredDemand(_ context: CheckContext) -> Bool {
    context.declarations.demands.isEmpty && offersToDeclare(startsOfFlow, context)
  }

  /// Whether the flow ends in a name that is not declared and is like no declared id: the value VS311 offers to
  /// declare, so that a stream without values is not reported again (VS305).
  static func endsInAnUndeclaredValue(_ context: CheckContext) -> Bool { offersToDeclare(endsOfFlow, context) }

  private static func offersToDeclare(_ names: (CheckContext) -> [String: UInt32], _ context: CheckContext) -> Bool {
    guard !context.flow.undefinedNames.isEmpty else { return false }
    let streamID = context.declarations.streams.first?.identifier?.text(in: context.file)
    var suggestions = Suggestions(context)
    return names(context).keys.sorted().contains { id in id != streamID && suggestions.closest(to: id) == nil }
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

  static func undeclaredValue(_ id: String, declareAt offset: UInt32, times: Int) -> Message {
    undeclared(
      "value", id, at: offset, label: "the flow ends here, but no value has this id" + Self.times(times),
      purpose: "it reaches", party: "`for` naming who perceives it")
  }

  static func undeclaredDemand(_ id: String, declareAt offset: UInt32, times: Int) -> Message {
    undeclared(
      "demand", id, at: offset, label: "the flow starts here, and the stream has no demand" + Self.times(times),
      purpose: "it starts from", party: "`from` naming who raises it")
  }

  /// The fix declares the demand or value above the flow line with a title made from its id: a placeholder to
  /// replace, so never applied without asking.
  private static func undeclared(
    _ keyword: String, _ id: String, at offset: UInt32, label: String, purpose: String, party: String
  ) -> Message {
    let words = id.split(separator: "-").joined(separator: " ")
    let declaration = "\(keyword) \(id) \"\(words.prefix(1).uppercased() + words.dropFirst())\""
    return Message(
      text: "`\(id)` is not declared", label: label,
      help: "declare the \(keyword) \(purpose): `\(declaration)`, with \(party)",
      fixes: [
        .replace(
          SourceRange.empty(at: offset), with: declaration + "\n\n", "declare the \(keyword) `\(id)` to fill in",
          safety: .unsafe)
      ])
  }

  static func undeclaredName(_ id: String, suggestion: String?, at ranges: [SourceRange]) -> Message {
    Message(
      text: "`\(id)` is not declared", label: "no demand, step or value has this id" + Self.times(ranges.count),
      help: suggestion.map { "did you mean `\($0)`?" } ?? "declare it with `step \(id) \"Title\"`",
      fixes: suggestion.map { suggestion in
        [
          Diagnostic.Fix(
            "write `\(suggestion)`", edits: ranges.map { Diagnostic.Edit(range: $0, replacement: suggestion) },
            safety: .unsafe)
        ]
      } ?? [])
  }

  private static func times(_ count: Int) -> String {
    count > 1 ? " (the flow names it \(count) times)" : ""
  }
}
