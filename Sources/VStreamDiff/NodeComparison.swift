import VStreamModel

/// Matches the nodes of two streams by id and says what became of each.
enum NodeComparison {
  /// One node of a stream with what is compared about it.
  private struct Node {
    var kind: NodeChange.Kind
    var title: String
    var fields: [(String, String?)]
    var predecessors: [String]
    var successors: [String]
  }

  static func changes(base: ValueStream, head: ValueStream) -> [NodeChange] {
    let old = nodes(of: base)
    let new = nodes(of: head)
    var result: [NodeChange] = []
    for (id, node) in new {
      guard let before = old[id] else {
        result.append(NodeChange(kind: node.kind, id: id, change: .added, title: node.title))
        continue
      }
      var fields: [FieldChange] = []
      if before.kind != node.kind {
        fields.append(FieldChange(name: "kind", before: before.kind.rawValue, after: node.kind.rawValue))
      }
      if before.title != node.title {
        fields.append(FieldChange(name: "title", before: before.title, after: node.title))
      }
      // Fields missing on one side (a step that became a value) compare as not written.
      let names = (before.fields.map(\.0) + node.fields.map(\.0)).reduce(into: [String]()) {
        if !$0.contains($1) { $0.append($1) }
      }
      for name in names {
        let was = before.fields.first { $0.0 == name }?.1 ?? nil
        let now = node.fields.first { $0.0 == name }?.1 ?? nil
        if was != now { fields.append(FieldChange(name: name, before: was, after: now)) }
      }
      let predecessors =
        before.predecessors == node.predecessors ? nil : (before: before.predecessors, after: node.predecessors)
      let successors = before.successors == node.successors ? nil : (before: before.successors, after: node.successors)
      if !fields.isEmpty || predecessors != nil || successors != nil {
        result.append(
          NodeChange(
            kind: node.kind, id: id, change: .changed, title: node.title, fields: fields, predecessors: predecessors,
            successors: successors))
      }
    }
    for (id, node) in old where new[id] == nil {
      result.append(NodeChange(kind: node.kind, id: id, change: .removed, title: node.title))
    }
    return result.sorted { ($0.kind, $0.id) < ($1.kind, $1.id) }
  }

  /// Every node by id, with its neighbours by id, sorted and each once.
  private static func nodes(of stream: ValueStream) -> [String: Node] {
    var predecessors: [NodeRef: Set<String>] = [:]
    var successors: [NodeRef: Set<String>] = [:]
    for edge in stream.edges {
      successors[edge.from, default: []].insert(stream.id(of: edge.to))
      predecessors[edge.to, default: []].insert(stream.id(of: edge.from))
    }
    var result: [String: Node] = [:]
    for ref in stream.nodes {
      let (id, title) = stream.node(ref)
      var kind = NodeChange.Kind.demand
      var fields: [(String, String?)] = []
      switch ref {
      case .demand:
        kind = .demand
        fields = [("from", stream.demand.from), ("from-stream", stream.demand.fromStream?.stream)]
      case .value(let index):
        kind = .value
        fields = [
          ("for", stream.values[index].beneficiary), ("hands-over-to", stream.values[index].handsOverTo?.stream),
        ]
      case .step(let index):
        kind = .step
        let step = stream.steps[index]
        let settings = stream.settings
        fields = [
          ("activity", step.activity.rawValue),
          ("practices", step.practices.joined(separator: ", ")),
          ("roles", step.roles.isEmpty ? nil : step.roles.joined(separator: ", ")),
          // As written in meaning: a range as its range (its mean can stay while the spread moves), a planned wait
          // as planned.
          ("time", Self.written(step.processTime, step.processEstimate, settings)),
          (
            "wait",
            Self.written(step.waitTime, step.waitEstimate, settings).map { step.waitIsPlanned ? $0 + " planned" : $0 }
          ),
          ("ca", step.completeAccurate?.formatted),
          ("target", step.target.map { $0.formatted(settings) }),
          ("hands-over-to", step.handsOverTo?.stream),
          ("note", step.note),
        ]
        if step.practices.isEmpty { fields[1].1 = nil }
      }
      result[id] = Node(
        kind: kind, title: title, fields: fields, predecessors: (predecessors[ref] ?? []).sorted(),
        successors: (successors[ref] ?? []).sorted())
    }
    return result
  }

  /// A duration as the file means it: a point in the canonical text, a range or three-point estimate as its bounds.
  static func written(_ point: Duration?, _ estimate: Estimate?, _ settings: DurationSettings) -> String? {
    guard let estimate else { return point.map { $0.formatted(settings) } }
    return [estimate.least, estimate.mostLikely, estimate.most].compactMap { $0?.formatted(settings) }
      .joined(separator: "..")
  }
}
