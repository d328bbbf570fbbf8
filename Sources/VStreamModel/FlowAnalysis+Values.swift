extension FlowAnalysis {
  /// The steps reached from the demand only through a value (feedback, improvement, a hand-over), by index, in
  /// declaration order: real work, reported apart from the lead time to the value.
  public static func stepsAfterValue(stepCount: Int, valueCount: Int, edges: [Edge]) -> [Int] {
    let graph = Graph(stepCount: stepCount, valueCount: valueCount, edges: edges)
    guard edges.contains(where: { if case .value = $0.from { true } else { false } }) else { return [] }
    let reachable = graph.successors.reachable(from: [0])
    let beforeValue = graph.successors.reachable(from: [0], stoppingAt: graph.isValue)
    return (0..<stepCount).filter { reachable[1 + $0] && !beforeValue[1 + $0] }
  }

  /// For each value (by index), the path from the demand to it with the longest lead time over the forward arrows:
  /// each value's own lead time. A value reached only after another value is measured through it (a hand-over's
  /// outcome comes after the first). Between predecessors that give the same lead time, the one with the smallest id
  /// is taken (see ``ranks(ids:)``). A path is empty for a value the forward arrows do not reach, and every path is
  /// empty when the forward arrows loop. Linear in nodes and arrows.
  public static func valuePaths(steps: [Step], valueCount: Int, edges: [Edge], ranks: [Int32]? = nil) -> [[NodeRef]] {
    let graph = Graph(stepCount: steps.count, valueCount: valueCount, edges: edges.filter { $0.kind != .rework })
    let count = graph.successors.nodeCount
    guard let order = graph.successors.topologicalOrder() else { return Array(repeating: [], count: valueCount) }
    let rank: (Int) -> Int32 = { ranks?[$0] ?? Int32($0) }
    let lead: (Int) -> Int64 = { node in
      node >= 1 && node <= steps.count ? steps[node - 1].leadTime.seconds : 0
    }
    // The longest lead time from the demand to each node (its own included), and the node before it on that path;
    // -1 where the demand does not reach it.
    var longest = [Int64](repeating: -1, count: count)
    var previous = [Int](repeating: -1, count: count)
    longest[0] = 0
    for node in order where longest[node] >= 0 {
      for target in graph.successors[node] {
        let target = Int(target)
        let (sum, overflow) = longest[node].addingReportingOverflow(lead(target))
        let candidate = overflow ? Int64.max : sum
        if candidate > longest[target]
          || (candidate == longest[target] && previous[target] >= 0 && rank(node) < rank(previous[target]))
        {
          (longest[target], previous[target]) = (candidate, node)
        }
      }
    }
    return (0..<valueCount).map { index in
      var node = 1 + steps.count + index
      guard longest[node] >= 0 else { return [] }
      var path = [node]
      while node != 0 {
        node = previous[node]
        path.append(node)
      }
      return path.reversed().map(graph.ref)
    }
  }
}
