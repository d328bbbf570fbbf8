import VStreamModel
import VStreamSource
import VStreamSyntax

extension CheckRun {
  /// Builds the arrows: the written flows, or the declaration order when there are none (VS311-VS313, VS411).
  mutating func buildEdges() {
    // Read from the items as they are: a list of the flows alone would be a copy of most of the tree on a large
    // stream, in memory touched for the first time.
    let flows = syntax.items.lazy.compactMap { item -> FlowSyntax? in
      if case .flow(let flow) = item { return flow } else { return nil }
    }
    if flows.isEmpty {
      guard !demands.isEmpty else { return }
      let nodeCount = 1 + steps.count + values.count
      arrows.reserveCapacity(nodeCount - 1)
      for number in 1..<nodeCount {
        arrows.append(FlowArrow(from: Int32(Swift.min(number - 1, steps.count)), to: Int32(number)))
      }
      return
    }
    // One allocation at the size the flows can give, rather than doubling (a stream's edges are as many as its steps).
    let arrowCount = flows.reduce(0) { $0 + Swift.max(0, Int($1.nodeSpan.count) - 1) }
    arrows = HugePages.reservedArray(capacity: arrowCount)
    let numbers = flowNodeNumbers()
    // Only a node that two or more arrows leave can have an arrow written twice, so only the arrows leaving such a
    // node go in the table of arrows already written (the label does not make an arrow new). In most streams that is
    // a few branches: the table stays small instead of holding every arrow, looked up at random.
    var leaving = HugePages.filledArray(repeating: UInt8(0), count: 1 + steps.count + values.count)
    var branching = 0
    for pass in 0..<2 {
      for flow in flows {
        var previous: Int32 = -1
        for index in flow.nodeSpan.indices {
          let number = numbers[index]
          if previous >= 0 && number >= 0 {
            if pass == 0 {
              leaving[Int(previous)] = Swift.min(leaving[Int(previous)] + 1, 2)
            } else if leaving[Int(previous)] == 2 {
              branching += 1
            }
          }
          previous = number
        }
      }
    }
    var seen = ArrowTable(capacity: branching)
    for (item, entry) in syntax.items.enumerated() {
      guard case .flow(let flow) = entry else { continue }
      if flow.hasErrors { flowIsComplete = false }
      var previous: (ref: NodeRef, number: Int, range: SourceRange)?
      let arrowRanges = syntax.arrows(of: flow)
      for (index, name) in syntax.nodes(of: flow).enumerated() {
        let number = Int(numbers[Int(flow.nodeSpan.start) + index])
        guard number >= 0 else {
          flowIsComplete = false
          reportUndefined(name.text(in: file), at: name.range)
          previous = nil
          continue
        }
        let ref = nodeRef(number)
        if let from = previous {
          let arrow = index - 1 < arrowRanges.count ? arrowRanges[arrowRanges.startIndex + index - 1] : name.range
          let range = from.range.union(name.range)
          if ref == .demand {
            report(
              CheckMessages.arrowIntoDemand, "an arrow leads back into the demand `\(name.text(in: file))`", at: arrow,
              label: "into the demand", help: "rework goes back to a step, not to the demand")
            flowIsComplete = false
          } else if case .value = from.ref {
            report(
              CheckMessages.arrowOutOfValue, "an arrow leads out of the value `\(text(values[valueIndex(from.ref)].identifier) ?? "")`",
              at: arrow, label: "out of a value", help: "a value ends the stream; new work is a new demand")
            flowIsComplete = false
          } else if leaving[from.number] == 2, let earlier = seen.earlier(from: from.number, to: number, writtenAt: range) {
            report(
              CheckMessages.duplicateArrow, "the arrow `\(file.text(from.range)) -> \(name.text(in: file))` is written twice",
              at: range, label: "again", secondary: [Diagnostic.Label(range: earlier, message: "first written here")],
              help: "remove the repeat")
          } else {
            arrows.append(FlowArrow(from: Int32(from.number), to: Int32(number), range: range, flow: Int32(item)))
          }
        }
        previous = (ref, number, name.range)
      }
    }
  }

  /// Calls `body` with each arrow's node numbers (see `nodeNumber`), in the order written: the form `Adjacency` and
  /// `FlowAnalysis` read.
  func forEachArrow(_ body: (Int, Int) -> Void) {
    for arrow in arrows { body(Int(arrow.from), Int(arrow.to)) }
  }

  /// The arrows as the model's edges, with their flows' labels.
  var edges: [Edge] {
    var label: (flow: Int32, text: String?) = (-1, nil)
    return arrows.map { arrow in
      guard arrow.flow >= 0 else { return Edge(from: nodeRef(Int(arrow.from)), to: nodeRef(Int(arrow.to))) }
      if label.flow != arrow.flow, case .flow(let flow) = syntax.items[Int(arrow.flow)] {
        label = (arrow.flow, flow.label.map { $0.value(in: file) })
      }
      return Edge(from: nodeRef(Int(arrow.from)), to: nodeRef(Int(arrow.to)), label: label.text, range: arrow.range)
    }
  }

  /// The node number of every name in the flows (see `nodeNumber`), in the order of the tree's list of flow nodes;
  /// -1 for a name that is not declared, or names a demand after the first.
  func flowNodeNumbers() -> [Int32] {
    let names = syntax.flowNodeList
    guard !names.isEmpty else { return [] }
    return file.bytes.withUnsafeBufferPointer { bytes in
      [Int32](unsafeUninitializedCapacity: names.count) { numbers, count in
        let ahead = ByteKeyedTable<NodeEntry>.prefetchDistance
        for index in names.indices {
          if index + ahead < names.count { nodes.prefetch(bytes, names[index + ahead]) }
          if let entry = nodes.find(bytes, names[index]), let ref = nodes.value(at: entry).ref {
            numbers[index] = Int32(nodeNumber(ref))
          } else {
            numbers[index] = -1
          }
        }
        count = names.count
      }
    }
  }

  /// The node a number from `nodeNumber` stands for.
  func nodeRef(_ number: Int) -> NodeRef {
    number == 0 ? .demand : number <= steps.count ? .step(number - 1) : .value(number - 1 - steps.count)
  }

  /// The demand, steps and values numbered in one sequence.
  func nodeNumber(_ ref: NodeRef) -> Int {
    switch ref {
    case .demand: return 0
    case .step(let index): return 1 + index
    case .value(let index): return 1 + steps.count + index
    }
  }

  func valueIndex(_ ref: NodeRef) -> Int {
    if case .value(let index) = ref { return index }
    return 0
  }

  mutating func reportUndefined(_ id: String, at range: SourceRange) {
    if let stream = streams.first, text(stream.identifier) == id {
      report(
        CheckMessages.undefinedNode, "`\(id)` is the stream itself, not a step", at: range, label: "the stream's id",
        help: "flows join the demand, steps and values")
      return
    }
    report(
      CheckMessages.undefinedNode, "`\(id)` is not declared", at: range, label: "no demand, step or value has this id",
      help: closestDeclaredID(to: id).map { "did you mean `\($0)`?" } ?? "declare it with `step \(id) \"Title\"`")
  }

  /// The declared id closest to `id`, within a budget of comparisons per file: a file naming thousands of
  /// undefined nodes among thousands of steps would otherwise spend a product of the two on suggestions.
  mutating func closestDeclaredID(to id: String) -> String? {
    if declaredIDs == nil { declaredIDs = (Array(demands) + Array(steps) + Array(values)).compactMap { text($0.identifier) } }
    let candidates = declaredIDs!
    guard suggestionBudget >= candidates.count else { return nil }
    suggestionBudget -= candidates.count
    return Spelling.closest(to: id, among: candidates)
  }

  /// Every step reachable from the demand, every step able to reach a value, no closed loops (VS314-VS316,
  /// VS320, VS321). Skipped when the flow is incomplete: a missing arrow would make everything after it look
  /// unreachable.
  mutating func checkReachability() {
    guard flowIsComplete, !hasSyntaxErrors || syntax.flows.allSatisfy({ !$0.hasErrors }), demands.count == 1, !values.isEmpty
    else { return }
    let count = 1 + steps.count + values.count
    let forward = Adjacency(nodeCount: count, arrows: forEachArrow)
    let backward = Adjacency(nodeCount: count) { arrow in forEachArrow { arrow($1, $0) } }
    if forward[0].isEmpty {
      report(
        CheckMessages.flowDoesNotStart, "no arrow leaves the demand `\(text(demands[0].identifier) ?? "")`", at: anchor(demands[0]),
        label: "the flow must start here", help: "add `flow \(text(demands[0].identifier) ?? "demand") -> first-step`")
      return
    }
    let valueNumbers = Array((1 + steps.count)..<count)
    if valueNumbers.allSatisfy({ backward[$0].isEmpty }) {
      report(
        CheckMessages.flowNeverEnds, "no arrow reaches a value", at: anchor(values[0]), label: "the flow must end here",
        help: "add an arrow from the last step: `flow last-step -> \(text(values[0].identifier) ?? "value")`")
      return
    }
    let reachable = forward.reachable(from: [0])
    let canFinish = backward.reachable(from: valueNumbers)
    let (stepDeclarations, valueDeclarations) = (steps, values)
    let declarationOf: (Int) -> DeclarationSyntax = {
      $0 <= stepDeclarations.count ? stepDeclarations[$0 - 1] : valueDeclarations[$0 - 1 - stepDeclarations.count]
    }
    for node in 1..<count where !reachable[node] {
      let declaration = declarationOf(node)
      report(
        CheckMessages.unreachable, "\(declaration.kind.rawValue) `\(text(declaration.identifier) ?? "")` cannot be reached from the demand",
        at: anchor(declaration), label: "no arrow path leads here",
        help: "add an arrow into it, e.g. `flow some-step -> \(text(declaration.identifier) ?? "it")`")
    }
    // Steps that are reachable but cannot finish: a true dead end has no arrow out; the rest are stuck in loops.
    let stuck = steps.isEmpty ? [] : (1...steps.count).filter { reachable[$0] && !canFinish[$0] }
    let deadEnds = stuck.filter { forward[$0].isEmpty }
    for node in deadEnds {
      let step = declarationOf(node)
      report(
        CheckMessages.deadEnd, "no arrow leads on from step `\(text(step.identifier) ?? "")`", at: anchor(step),
        label: "work stops here", help: "add an arrow toward a value, e.g. `flow \(text(step.identifier) ?? "step") -> next-step`")
    }
    let leadsToDeadEnd = backward.reachable(from: deadEnds)
    let stuckSet = Set(stuck)
    var assigned = Set<Int>()
    for node in stuck where !leadsToDeadEnd[node] && !assigned.contains(node) {
      // Group the loop this step is in (and what it leads into) into one finding.
      var group: [Int] = []
      var queue = [node]
      assigned.insert(node)
      while let current = queue.popLast() {
        group.append(current)
        for target in forward[current] where !assigned.contains(Int(target)) && stuckSet.contains(Int(target)) {
          let next = Int(target)
          assigned.insert(next)
          queue.append(next)
        }
      }
      group.sort()
      let first = declarationOf(group[0])
      let others = group.dropFirst().prefix(8).map { Diagnostic.Label(range: anchor(declarationOf($0)), message: "in the loop") }
      report(
        CheckMessages.closedLoop,
        "steps \(group.prefix(5).map { "`\(text(declarationOf($0).identifier) ?? "")`" }.joined(separator: ", "))\(group.count > 5 ? ", ..." : "") loop with no way out toward a value",
        at: anchor(first), label: "the loop never reaches a value", secondary: Array(others),
        help: "add an arrow from one of these steps toward a value")
    }
  }
}
