import VStreamSource

/// Graph algorithms over a stream's flow: the main path, the worst-case path and the metrics. All linear in the
/// number of nodes and arrows (plus one sort of the ids), so that a stream of 100,000 steps is analysed as fast as it
/// is parsed. None depends on the order arrows or declarations are written in: ties are broken by id.
public enum FlowAnalysis {
  /// Node numbering: demand 0, steps 1...n, values n+1... .
  struct Graph {
    let stepCount: Int
    let valueCount: Int
    var successors: Adjacency

    init(stepCount: Int, valueCount: Int, edges: [Edge]) {
      self.init(stepCount: stepCount, valueCount: valueCount) { arrow in
        for edge in edges {
          arrow(Self.number(edge.from, stepCount: stepCount), Self.number(edge.to, stepCount: stepCount))
        }
      }
    }

    /// `arrows` calls its argument with each arrow's node numbers, in the order written.
    init(stepCount: Int, valueCount: Int, arrows: ((Int, Int) -> Void) -> Void) {
      self.stepCount = stepCount
      self.valueCount = valueCount
      successors = Adjacency(nodeCount: 1 + stepCount + valueCount, arrows: arrows)
    }

    static func number(_ ref: NodeRef, stepCount: Int) -> Int {
      switch ref {
      case .demand: return 0
      case .step(let index): return 1 + index
      case .value(let index): return 1 + stepCount + index
      }
    }

    func ref(_ number: Int) -> NodeRef {
      number == 0 ? .demand : number <= stepCount ? .step(number - 1) : .value(number - 1 - stepCount)
    }

    func isValue(_ number: Int) -> Bool { number > stepCount }
  }

  /// Each node's rank when the nodes are sorted by id in byte order (ties, which a checked stream does not have, by
  /// node number): how every choice between equals is made, so that no result depends on the order of lines.
  public static func ranks(ids: [String]) -> [Int32] {
    let sorted = ids.indices.sorted { ids[$0].precedesInByteOrder(ids[$1]) || (ids[$0] == ids[$1] && $0 < $1) }
    var ranks = [Int32](repeating: 0, count: ids.count)
    for (rank, node) in sorted.enumerated() { ranks[node] = Int32(rank) }
    return ranks
  }

  /// The main path: the `main` arrows when the file has any, otherwise the forward arrows, followed from the demand
  /// taking at each node the most probable arrow (the highest share; an arrow without one takes an equal part of
  /// what the written shares leave) and, between equals, the one to the target with the smallest id (see
  /// ``ranks(ids:)``), among the arrows from which a value can still be reached, stopping at the first value. Rework
  /// arrows are not followed. Empty when no value is reachable or the arrows followed loop.
  public static func mainPath(stepCount: Int, valueCount: Int, edges: [Edge], ranks: [Int32]? = nil) -> [NodeRef] {
    let declared = edges.contains { $0.kind == .main }
    let followed = edges.filter { declared ? $0.kind == .main : $0.kind != .rework }
    // With `main` lines, a fork on the main path is passed through to its join (its branches have no `main` arrow).
    let forks =
      declared
      ? ParallelWork(stepCount: stepCount, valueCount: valueCount, edges: edges, ranks: ranks)?.sections.values
        .compactMap { section in section.join.map { (section.fork, $0) } } ?? [] : []
    return mainPath(stepCount: stepCount, valueCount: valueCount, ranks: ranks) { arrow in
      for edge in followed {
        arrow(
          Graph.number(edge.from, stepCount: stepCount), Graph.number(edge.to, stepCount: stepCount),
          edge.share?.hundredths ?? -1)
      }
      for (fork, join) in forks.sorted(by: { $0.0 < $1.0 }) { arrow(fork, join, -1) }
    }
  }

  /// The main path of the arrows that `arrows` gives (the `main` arrows if any, otherwise the forward ones) by node
  /// number (demand 0, steps 1...n, values n+1...) with their shares in hundredths of a percent (-1 for none): for a
  /// caller that keeps its arrows as numbers rather than `Edge`s.
  public static func mainPath(
    stepCount: Int, valueCount: Int, ranks: [Int32]? = nil, arrows: ((Int, Int, Int64) -> Void) -> Void
  ) -> [NodeRef] {
    var list: [(from: Int, to: Int, share: Int64)] = []
    arrows { list.append(($0, $1, $2)) }
    let graph = Graph(stepCount: stepCount, valueCount: valueCount) { arrow in
      for each in list { arrow(each.from, each.to) }
    }
    // The shares beside the arrows, in the same order, as targets (a share of s hundredths is s + 1; 0 is none).
    let shares = Adjacency(nodeCount: graph.successors.nodeCount) { arrow in
      for each in list { arrow(each.from, Int(each.share + 1)) }
    }
    return mainPath(graph, ranks: ranks, shares: shares)
  }

  /// Each arrow's share of its source's output in hundredths, by position in `shares` (see above): as written, or an
  /// equal part of what the written shares of its source leave.
  static func effectiveShares(_ shares: Adjacency) -> [Double] {
    var result = [Double](repeating: 0, count: shares.targets.count)
    for node in 0..<shares.nodeCount {
      let arrows = shares.arrowIndices(from: node)
      var written = 0.0
      var unwritten = 0
      for arrow in arrows {
        if shares.targets[arrow] > 0 { written += Double(shares.targets[arrow] - 1) } else { unwritten += 1 }
      }
      let rest = Swift.max(0, 10_000 - written) / Double(Swift.max(unwritten, 1))
      for arrow in arrows { result[arrow] = shares.targets[arrow] > 0 ? Double(shares.targets[arrow] - 1) : rest }
    }
    return result
  }

  static func mainPath(_ graph: Graph, ranks: [Int32]?, shares: Adjacency) -> [NodeRef] {
    let successors = graph.successors
    let count = successors.nodeCount
    let rank: (Int) -> Int32 = { ranks?[$0] ?? Int32($0) }
    let share = effectiveShares(shares)
    let predecessors = Adjacency(nodeCount: count) { arrow in
      for node in 0..<count { for target in successors[node] { arrow(Int(target), node) } }
    }
    let canFinish = predecessors.reachable(from: Array((1 + graph.stepCount)..<count))
    var visited = [Bool](repeating: false, count: count)
    var path = [0]
    var node = 0
    visited[0] = true
    while !graph.isValue(node) {
      var next = -1
      var best = -1.0
      for arrow in successors.arrowIndices(from: node) where canFinish[Int(successors.targets[arrow])] {
        let target = Int(successors.targets[arrow])
        if next < 0 || share[arrow] > best || (share[arrow] == best && rank(target) < rank(next)) {
          (next, best) = (target, share[arrow])
        }
      }
      guard next >= 0, !visited[next] else { return [] }
      visited[next] = true
      path.append(next)
      node = next
    }
    return path.map(graph.ref)
  }

  /// The worst-case path: the longest path by lead time from the demand to a value over the forward arrows (rework
  /// arrows set aside, arrows out of values not followed), in linear time over a topological order. Ties go to the
  /// path whose node ids are smallest, compared from the demand. Empty when no value is reachable or the forward
  /// arrows loop.
  public static func worstCasePath(steps: [Step], valueCount: Int, edges: [Edge], ranks: [Int32]? = nil) -> [NodeRef] {
    let forward = edges.filter { $0.kind != .rework }
    let arrows: ((Int, Int) -> Void) -> Void = { arrow in
      for edge in forward {
        arrow(Graph.number(edge.from, stepCount: steps.count), Graph.number(edge.to, stepCount: steps.count))
      }
    }
    return worstCasePath(
      stepCount: steps.count, valueCount: valueCount, ranks: ranks, leadTime: { steps[$0].leadTime.seconds },
      arrows: arrows)
  }

  /// The worst-case path over the forward arrows that `arrows` gives by node number (demand 0, steps 1...n, values
  /// n+1...), with each step's lead time in seconds by step index: for a caller that keeps its arrows as numbers.
  public static func worstCasePath(
    stepCount: Int, valueCount: Int, ranks: [Int32]? = nil, leadTime: (Int) -> Int64,
    arrows: ((Int, Int) -> Void) -> Void
  ) -> [NodeRef] {
    let graph = Graph(stepCount: stepCount, valueCount: valueCount, arrows: arrows)
    let successors = graph.successors
    let count = successors.nodeCount
    let rank: (Int) -> Int32 = { ranks?[$0] ?? Int32($0) }
    // Kahn's algorithm over the nodes reachable from the demand, arrows out of values ignored.
    let reachable = successors.reachable(from: [0], stoppingAt: graph.isValue)
    var incoming = [Int32](repeating: 0, count: count)
    for node in 0..<count where reachable[node] && !graph.isValue(node) {
      for target in successors[node] { incoming[Int(target)] += 1 }
    }
    var order: [Int] = []
    order.reserveCapacity(count)
    var ready = [0]
    while let node = ready.popLast() {
      order.append(node)
      guard !graph.isValue(node) else { continue }
      for target in successors[node] {
        incoming[Int(target)] -= 1
        if incoming[Int(target)] == 0 { ready.append(Int(target)) }
      }
    }
    guard order.count == reachable.lazy.filter({ $0 }).count else { return [] }
    func lead(_ node: Int) -> Int64 { node >= 1 && node <= stepCount ? leadTime(node - 1) : 0 }
    // The longest lead time from each node to a value (the node's own included), and the arrow that gives it;
    // -1 where no value can be reached.
    var longest = [Int64](repeating: -1, count: count)
    var choice = [Int](repeating: -1, count: count)
    for node in order.reversed() {
      if graph.isValue(node) {
        longest[node] = 0
        continue
      }
      for target in successors[node] where longest[Int(target)] >= 0 {
        let target = Int(target)
        if choice[node] < 0 || longest[target] > longest[choice[node]]
          || (longest[target] == longest[choice[node]] && rank(target) < rank(choice[node]))
        {
          choice[node] = target
        }
      }
      if choice[node] >= 0 {
        let (sum, overflow) = longest[choice[node]].addingReportingOverflow(lead(node))
        longest[node] = overflow ? Int64.max : sum
      }
    }
    guard choice[0] >= 0 else { return [] }
    var path = [0]
    var node = 0
    while !graph.isValue(node) {
      node = choice[node]
      path.append(node)
    }
    return path.map(graph.ref)
  }

  /// Every metric of a stream whose flow is valid (a value is reachable from the demand).
  /// `ranks` orders the nodes by id (see ``ranks(ids:)``); without it, ties go to the node declared first. The
  /// framework chooses the activities of the breakdowns (without it, the steps').
  public static func metrics(
    steps: [Step], valueCount: Int, edges: [Edge], catalogue: PracticeCatalogue, ranks: [Int32]? = nil,
    framework: Framework? = nil
  ) -> FlowMetrics {
    var mainNodes = mainPath(stepCount: steps.count, valueCount: valueCount, edges: edges, ranks: ranks)
    let worstNodes = worstCasePath(steps: steps, valueCount: valueCount, edges: edges, ranks: ranks)
    let parallel = ParallelWork(stepCount: steps.count, valueCount: valueCount, edges: edges, ranks: ranks)
    let lead: (Int) -> Int64 = { node in node >= 1 && node <= steps.count ? steps[node - 1].leadTime.seconds : 0 }
    // The work each step does, for the total effort (more than its process time for a step that runs a stream with
    // parallel work).
    let work: (Int) -> Int64 = { node in
      node >= 1 && node <= steps.count ? steps[node - 1].work?.seconds ?? 0 : 0
    }
    let graph = Graph(stepCount: steps.count, valueCount: valueCount) { _ in }
    // Π %C/A over the steps among `nodes` (a step without `ca` counts as 100%); nil when none gives one.
    let rolledCompleteAccurate = { (nodes: [Int]) -> Double? in
      var rolled: Double?
      for node in nodes where node >= 1 && node <= steps.count {
        if let ca = steps[node - 1].completeAccurate { rolled = (rolled ?? 1) * ca.fraction }
      }
      return rolled
    }
    let number = { (path: [NodeRef]) in path.map { Graph.number($0, stepCount: steps.count) } }
    if let parallel {
      // The walk by shares goes down one branch of a fork; the lead time runs along the longest.
      mainNodes = parallel.throughCriticalBranches(number(mainNodes), lead: lead).map(graph.ref)
    }
    let measure = { (path: [NodeRef]) -> PathMetrics in
      var metrics = PathMetrics.measure(path: path, steps: steps)
      if let parallel {
        metrics.totalEffort = Duration(seconds: parallel.effort(of: number(path), time: work, lead: lead))
        metrics.rolledCompleteAccurate = rolledCompleteAccurate(parallel.nodesDone(along: number(path), lead: lead))
      }
      return metrics
    }
    var metrics = FlowMetrics(
      mainPath: measure(mainNodes),
      worstCasePath: measure(worstNodes),
      activityBreakdown: ActivityTime.breakdown(path: mainNodes, steps: steps, framework: framework),
      practiceMatrix: PracticeMatrix(steps: steps, catalogue: catalogue, framework: framework),
      isComplete: steps.allSatisfy { $0.processTime != nil && $0.waitTime != nil },
      expected: expected(steps: steps, valueCount: valueCount, edges: edges, mainPath: mainNodes, ranks: ranks))
    // Every item passes every branch of a fork: the share that passes without rework counts them all.
    if let parallel, metrics.expected != nil {
      metrics.expected?.firstPassYield = rolledCompleteAccurate(
        parallel.nodesDone(along: number(mainNodes), lead: lead))
    }
    metrics.stepsAfterValue = stepsAfterValue(stepCount: steps.count, valueCount: valueCount, edges: edges)
    metrics.valuePaths = valuePaths(steps: steps, valueCount: valueCount, edges: edges, ranks: ranks)
      .map(measure)
    return metrics
  }
}
