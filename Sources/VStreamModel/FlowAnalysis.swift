import VStreamSource

/// Graph algorithms over a stream's flow: the main path, the worst-case path and the metrics. All linear in the
/// number of nodes and arrows, so that a stream of 100,000 steps is analysed as fast as it is parsed.
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

  /// The main path: depth-first from the demand, arrows in the order written, never revisiting a node, stopping at
  /// the first value reached. Empty when no value is reachable.
  public static func mainPath(stepCount: Int, valueCount: Int, edges: [Edge]) -> [NodeRef] {
    mainPath(Graph(stepCount: stepCount, valueCount: valueCount, edges: edges))
  }

  /// The main path of the arrows that `arrows` gives by node number (demand 0, steps 1...n, values n+1...), in the
  /// order written: for a caller that keeps its arrows as numbers rather than `Edge`s.
  public static func mainPath(stepCount: Int, valueCount: Int, arrows: ((Int, Int) -> Void) -> Void) -> [NodeRef] {
    mainPath(Graph(stepCount: stepCount, valueCount: valueCount, arrows: arrows))
  }

  static func mainPath(_ graph: Graph) -> [NodeRef] {
    var visited = [Bool](repeating: false, count: graph.successors.nodeCount)
    // Each entry is a node and the position in `targets` of the next arrow to follow from it.
    var stack: [(node: Int, next: Int)] = [(0, graph.successors.arrowIndices(from: 0).lowerBound)]
    visited[0] = true
    while let top = stack.last {
      if graph.isValue(top.node) { return stack.map { graph.ref($0.node) } }
      if top.next < graph.successors.arrowIndices(from: top.node).upperBound {
        stack[stack.count - 1].next += 1
        let target = Int(graph.successors.targets[top.next])
        if !visited[target] {
          visited[target] = true
          stack.append((target, graph.successors.arrowIndices(from: target).lowerBound))
        }
      } else {
        stack.removeLast()
      }
    }
    return []
  }

  /// The worst-case path: the longest path by lead time from the demand to a value once the arrows that close a loop
  /// (back edges of a depth-first search in written order) are set aside, so that rework is counted once, not
  /// forever. Ties go to the path found first.
  public static func worstCasePath(steps: [Step], valueCount: Int, edges: [Edge]) -> [NodeRef] {
    let graph = Graph(stepCount: steps.count, valueCount: valueCount, edges: edges)
    let successors = graph.successors
    let count = successors.nodeCount
    // Depth-first search for back edges and a reverse postorder (a topological order of the rest).
    var state = [UInt8](repeating: 0, count: count)  // 0 new, 1 on the stack, 2 done
    var order: [Int] = []
    // By arrow position in `successors.targets`: whether it closes a loop (and is set aside).
    var closesLoop = [Bool](repeating: false, count: successors.targets.count)
    var stack: [(node: Int, next: Int)] = [(0, successors.arrowIndices(from: 0).lowerBound)]
    state[0] = 1
    while let top = stack.last {
      if top.next < successors.arrowIndices(from: top.node).upperBound {
        stack[stack.count - 1].next += 1
        let target = Int(successors.targets[top.next])
        if state[target] == 1 {  // a loop back: rework
          closesLoop[top.next] = true
          continue
        }
        if state[target] == 0 {
          state[target] = 1
          stack.append((target, successors.arrowIndices(from: target).lowerBound))
        }
      } else {
        state[top.node] = 2
        order.append(top.node)
        stack.removeLast()
      }
    }
    let lead: (Int) -> Int64 = { node in
      node >= 1 && node <= steps.count ? steps[node - 1].leadTime.seconds : 0
    }
    var distance = [Int64](repeating: -1, count: count)
    var previous = [Int](repeating: -1, count: count)
    distance[0] = 0
    for node in order.reversed() where distance[node] >= 0 {
      for arrow in successors.arrowIndices(from: node) where !closesLoop[arrow] {
        let target = Int(successors.targets[arrow])
        let (candidate, overflow) = distance[node].addingReportingOverflow(lead(target))
        let value = overflow ? Int64.max : candidate
        if value > distance[target] {
          distance[target] = value
          previous[target] = node
        }
      }
    }
    var best = -1
    for node in (1 + steps.count)..<count where distance[node] >= 0 && (best < 0 || distance[node] > distance[best]) {
      best = node
    }
    guard best >= 0 else { return [] }
    var path: [Int] = []
    var node = best
    while node >= 0 {
      path.append(node)
      node = previous[node]
    }
    return path.reversed().map(graph.ref)
  }

  /// Every metric of a stream whose flow is valid (a value is reachable from the demand).
  public static func metrics(
    steps: [Step], valueCount: Int, edges: [Edge], catalogue: PracticeCatalogue
  ) -> FlowMetrics {
    let mainNodes = mainPath(stepCount: steps.count, valueCount: valueCount, edges: edges)
    let worstNodes = worstCasePath(steps: steps, valueCount: valueCount, edges: edges)
    return FlowMetrics(
      mainPath: PathMetrics.measure(path: mainNodes, steps: steps),
      worstCasePath: PathMetrics.measure(path: worstNodes, steps: steps),
      activityBreakdown: ActivityTime.breakdown(path: mainNodes, steps: steps),
      practiceMatrix: PracticeMatrix(steps: steps, catalogue: catalogue),
      isComplete: steps.allSatisfy { $0.processTime != nil && $0.waitTime != nil })
  }
}
