import VStreamModel
import VStreamSource
import VStreamSyntax

/// The third phase: the flow's arrows between numbered nodes (see ``Declarations/nodeRef(_:)``), read from the
/// `flow` lines, or the declaration order when there are none; and what could not become an arrow, for the rules to
/// report.
struct FlowGraph {
  /// The arrows in the order written.
  var arrows: [FlowArrow] = []
  /// Whether the flow could be built completely: no syntax error in a flow, every name declared, no arrow into the
  /// demand or out of a value. Rules about paths judge only a complete flow: a missing arrow would make everything
  /// after it look unreachable.
  var isComplete = true
  /// Names in flows that no declaration has (VS311), in the order written.
  var undefinedNames: [UndefinedName] = []
  /// Arrows into the demand (VS312): the arrow, and the demand's name at its head.
  var arrowsIntoDemand: [(arrow: SourceRange, name: SourceRange)] = []
  /// Arrows from a value, or from a step after one, back to a step before the values that close a loop through the
  /// value (VS327): a feedback step that starts the work again. Left out of `arrows`, so that the loop it closes is not reported again.
  var arrowsBackFromAfterValue: [FlowArrow] = []
  /// Whether each node is reached from the demand only through a value (a step after the value: feedback,
  /// improvement, a hand-over); empty when no arrow leaves a value.
  var afterValue: [Bool] = []
  /// Arrows written again (VS411): the two names, and where the arrow was first written. A repeat that says more
  /// (`main` for `flow`, a share where the first had none) has been kept in the arrow: whichever is written first,
  /// the arrow means the same.
  var repeatedArrows: [(from: SourceRange, to: SourceRange, first: SourceRange, share: Int32)] = []
  /// Arrows written again with another meaning (VS339): of another kind (`flow` and `parallel`, `rework` and `flow`)
  /// or with another share. Neither can be kept without depending on the order written.
  var conflictingArrows: [ConflictingArrow] = []

  static func build(_ declarations: Declarations, names: Names, syntax: FileSyntax, file: SourceFile) -> FlowGraph {
    var graph = FlowGraph()
    // Read from the items as they are: a list of the flows alone would be a copy of most of the tree on a large
    // stream.
    let flows = syntax.items.lazy.compactMap { item -> FlowSyntax? in
      if case .flow(let flow) = item { return flow } else { return nil }
    }
    if flows.isEmpty {
      guard !declarations.demands.isEmpty else { return graph }
      let (count, steps) = (declarations.nodeCount, declarations.steps.count)
      graph.arrows = (1..<count).map { FlowArrow(from: Int32(Swift.min($0 - 1, steps)), to: Int32($0)) }
      return graph
    }
    graph.arrows.reserveCapacity(flows.reduce(0) { $0 + Swift.max(0, Int($1.nodeSpan.count) - 1) })
    let numbers = syntax.flowNodeList.map { range -> Int32 in
      guard let entry = names.table.find(file.bytes, range), let ref = names.table.value(at: entry).ref else {
        return -1
      }
      return Int32(declarations.nodeNumber(ref))
    }
    // Only a node that two or more arrows leave can have an arrow written twice, so only the arrows leaving such a
    // node go in the table of arrows already written (the label does not make an arrow new). In most streams that is
    // a few branches: the table stays small instead of holding every arrow.
    var leaving = [UInt8](repeating: 0, count: declarations.nodeCount)
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
    var written = ArrowTable(capacity: branching)
    // The arrows written more than once: by the first writing's position, the later writings with their names.
    var rewritten: [Int: [(arrow: FlowArrow, from: SourceRange, to: SourceRange)]] = [:]
    for (item, entry) in syntax.items.enumerated() {
      guard case .flow(let flow) = entry else { continue }
      if flow.hasErrors { graph.isComplete = false }
      var previous: (number: Int, range: SourceRange)?
      let arrowRanges = syntax.arrows(of: flow)
      for (index, name) in syntax.nodes(of: flow).enumerated() {
        let number = Int(numbers[Int(flow.nodeSpan.start) + index])
        guard number >= 0 else {
          graph.isComplete = false
          let nodeCount = Int(flow.nodeSpan.count)
          graph.undefinedNames.append(
            UndefinedName(
              range: name.range, leadsOn: index + 1 < nodeCount, isReached: index > 0, flowStart: flow.range.start))
          previous = nil
          continue
        }
        if let from = previous {
          let arrow = index - 1 < arrowRanges.count ? arrowRanges[arrowRanges.startIndex + index - 1] : name.range
          let range = from.range.union(name.range)
          if number == 0 {
            graph.arrowsIntoDemand.append((arrow, name.range))
            graph.isComplete = false
          } else {
            var arrow = FlowArrow(
              from: Int32(from.number), to: Int32(number), range: range, flow: Int32(item), kind: flow.kind)
            if index - 1 < Int(flow.arrowSpan.count),
              case let share = syntax.flowArrowShares[Int(flow.arrowSpan.start) + index - 1], share.start != share.end
            {
              arrow.share = Int32(clamping: PercentageSyntax(range: share).hundredths(in: file))
            }
            if leaving[from.number] == 2,
              let first = written.earlier(
                from: from.number, to: number, writtenAt: range, index: graph.arrows.count)
            {
              rewritten[first.index, default: []].append((arrow, from.range, name.range))
            } else {
              graph.arrows.append(arrow)
            }
          }
        }
        previous = (number, name.range)
      }
    }
    if !rewritten.isEmpty { graph.resolve(rewritten) }
    if graph.arrows.contains(where: { Int($0.from) > declarations.steps.count }) {
      graph.separateStepsAfterValues(stepCount: declarations.steps.count, nodeCount: declarations.nodeCount)
    }
    return graph
  }

  /// The arrows written more than once, each judged on all its writings together, so that the order of the lines
  /// decides nothing. Kinds that say the same (`flow` and `main`) and at most one share: one arrow, `main` if any
  /// writing is, with the share if any writing has it; each writing of a kind after its first is a repeat (VS411).
  /// Another kind (`parallel`, `rework`) or two shares: a conflict (VS339), the arrow left out, the flow not judged.
  private mutating func resolve(_ rewritten: [Int: [(arrow: FlowArrow, from: SourceRange, to: SourceRange)]]) {
    var dropped: Set<Int> = []
    for index in rewritten.keys.sorted() {
      let first = arrows[index]
      let writings = [first] + rewritten[index]!.map(\.arrow)
      let kinds = Set(writings.map(\.kind))
      let shares = Set(writings.map(\.share).filter { $0 >= 0 })
      let forward: Set<FlowKind> = [.flow, .main]
      let kindsAgree = kinds.isSubset(of: forward) || kinds.count == 1
      guard kindsAgree, shares.count <= 1 else {
        let later = rewritten[index]!
        conflictingArrows.append(
          ConflictingArrow(
            from: later[0].from, to: later[0].to, others: [first.range] + later.dropFirst().map(\.arrow.range),
            kinds: kinds.map(\.rawValue).sorted(), shares: shares.sorted(),
            kindsDiffer: !kindsAgree))
        dropped.insert(index)
        isComplete = false
        continue
      }
      if kinds.contains(.main) { arrows[index].kind = .main }
      if let share = shares.first { arrows[index].share = share }
      var seen: [FlowKind: SourceRange] = [first.kind: first.range]
      for later in rewritten[index]! {
        guard let earlier = seen[later.arrow.kind] else {
          seen[later.arrow.kind] = later.arrow.range
          continue
        }
        // The share only a repeat carries counts: its help says to keep it.
        let share = later.arrow.share >= 0 && first.share < 0 ? later.arrow.share : -1
        repeatedArrows.append((later.from, later.to, earlier, share))
      }
    }
    if !dropped.isEmpty {
      arrows = arrows.enumerated().filter { !dropped.contains($0.offset) }.map(\.element)
    }
  }

  /// Marks the nodes reached only through a value (``afterValue``) and moves the arrows that lead from them, or from
  /// a value, back to a step before the values into ``arrowsBackFromAfterValue``.
  private mutating func separateStepsAfterValues(stepCount: Int, nodeCount: Int) {
    let all = Adjacency(nodeCount: nodeCount, arrows: forEachArrow)
    let reachable = all.reachable(from: [0])
    let beforeValue = all.reachable(from: [0]) { $0 > stepCount }
    afterValue = (0..<nodeCount).map { reachable[$0] && !beforeValue[$0] }
    // Only an arrow that closes a loop through a value leads back: a step reached both before and after a value
    // (skipped on one route, done after the value on another) loops nowhere.
    var component = [Int32](repeating: -1, count: nodeCount)
    for (number, members) in all.loopingComponents().enumerated() where members.contains(where: { $0 > stepCount }) {
      for node in members { component[node] = Int32(number) }
    }
    let leadsBack = { (arrow: FlowArrow) -> Bool in
      let (from, to) = (Int(arrow.from), Int(arrow.to))
      // Back to a step before the values, or round to a value again (`rework v -> v`): the item would reach it twice.
      return component[from] >= 0 && component[from] == component[to] && (from > stepCount || self.afterValue[from])
        && ((to <= stepCount && beforeValue[to]) || to > stepCount)
    }
    guard arrows.contains(where: leadsBack) else { return }
    arrowsBackFromAfterValue = arrows.filter(leadsBack)
    arrows.removeAll(where: leadsBack)
    isComplete = false
  }

  /// Whether each node can finish: a value can be reached from it, or a step after a value with no arrow out (where
  /// the work after the value ends).
  func canFinish(stepCount: Int, nodeCount: Int) -> [Bool] {
    let backward = Adjacency(nodeCount: nodeCount) { arrow in forEachArrow { arrow($1, $0) } }
    var ends = Array((1 + stepCount)..<nodeCount)
    if !afterValue.isEmpty {
      var leaves = [Bool](repeating: false, count: nodeCount)
      for arrow in arrows { leaves[Int(arrow.from)] = true }
      ends += (1..<(1 + stepCount)).filter { afterValue[$0] && !leaves[$0] }
    }
    return backward.reachable(from: ends)
  }

  /// Whether a node comes only after a value.
  func isAfterValue(_ node: Int) -> Bool { !afterValue.isEmpty && afterValue[node] }

  /// Calls `body` with each arrow's node numbers, in the order written: the form `Adjacency` and `FlowAnalysis` read.
  func forEachArrow(_ body: (Int, Int) -> Void) {
    for arrow in arrows { body(Int(arrow.from), Int(arrow.to)) }
  }

  /// Calls `body` with each forward (not rework) arrow's node numbers, in the order written.
  func forEachForwardArrow(_ body: (Int, Int) -> Void) {
    for arrow in arrows where !arrow.isRework { body(Int(arrow.from), Int(arrow.to)) }
  }

  /// The forks of `parallel` arrows over the forward arrows (see ``ParallelSections``).
  func parallelSections(_ declarations: Declarations, ranks: [Int32]) -> [ParallelSection] {
    let stepCount = declarations.steps.count
    return ParallelSections.find(
      nodeCount: declarations.nodeCount, isValue: { $0 > stepCount }, ranks: ranks,
      arrows: arrows.filter { !$0.isRework }.map { (Int($0.from), Int($0.to), $0.kind == .parallel) })
  }

  /// Whether any arrow is on a `main` line: then those arrows alone are the main path.
  var declaresMainPath: Bool { arrows.contains { $0.kind == .main } }

  /// Calls `body` with the node numbers and the share (-1 for none) of each arrow the main path follows: the `main`
  /// arrows if there are any, otherwise every forward arrow.
  func forEachMainPathArrow(_ body: (Int, Int, Int64) -> Void) {
    let declared = declaresMainPath
    for arrow in arrows where declared ? arrow.kind == .main : !arrow.isRework {
      body(Int(arrow.from), Int(arrow.to), Int64(arrow.share))
    }
  }

  static func edgeKind(_ kind: FlowKind) -> Edge.Kind {
    switch kind {
    case .flow: return .forward
    case .rework: return .rework
    case .main: return .main
    case .parallel: return .parallel
    }
  }

  /// The arrows as the model's edges, with their flows' labels.
  func edges(_ declarations: Declarations, syntax: FileSyntax, file: SourceFile) -> [Edge] {
    var label: (flow: Int32, text: String?) = (-1, nil)
    return arrows.map { arrow in
      let (from, to) = (declarations.nodeRef(Int(arrow.from)), declarations.nodeRef(Int(arrow.to)))
      guard arrow.flow >= 0 else { return Edge(from: from, to: to) }
      if label.flow != arrow.flow, case .flow(let flow) = syntax.items[Int(arrow.flow)] {
        label = (arrow.flow, flow.label.map { $0.value(in: file) })
      }
      return Edge(
        from: from, to: to, label: label.text, range: arrow.range, kind: Self.edgeKind(arrow.kind),
        share: arrow.share < 0 ? nil : Percentage(hundredths: Int64(arrow.share)))
    }
  }
}

/// A name in a flow that no declaration has, with what its place says it is meant to be.
struct UndefinedName {
  var range: SourceRange
  /// Whether an arrow leaves it on its line: a name no arrow leaves is where a flow ends, most likely a value.
  var leadsOn: Bool
  /// Whether an arrow reaches it on its line: a name none reaches is where a flow starts, most likely the demand.
  var isReached: Bool
  /// Where its flow line starts: a declaration for it goes above.
  var flowStart: UInt32
}

/// An arrow written more than once with two meanings: the names of its second writing (where it is reported), where
/// the others are, its kinds (sorted, distinct) and its shares (hundredths, sorted, distinct), and whether the kinds
/// are what differ (else the shares).
struct ConflictingArrow {
  var from: SourceRange
  var to: SourceRange
  var others: [SourceRange]
  var kinds: [String]
  var shares: [Int32]
  var kindsDiffer: Bool
}
