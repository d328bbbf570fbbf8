/// Graph algorithms over a stream's flow: the main path, the worst-case path and the metrics. All linear in the
/// number of nodes and arrows, so that a stream of 100,000 steps is analysed as fast as it is parsed.
public enum FlowAnalysis {
  /// Node numbering: demand 0, steps 1...n, values n+1... .
  struct Graph {
    let stepCount: Int
    let valueCount: Int
    var successors: [[Int]]

    init(stepCount: Int, valueCount: Int, edges: [Edge]) {
      self.stepCount = stepCount
      self.valueCount = valueCount
      successors = Array(repeating: [], count: 1 + stepCount + valueCount)
      for edge in edges { successors[number(edge.from)].append(number(edge.to)) }
    }

    func number(_ ref: NodeRef) -> Int {
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
    let graph = Graph(stepCount: stepCount, valueCount: valueCount, edges: edges)
    var visited = [Bool](repeating: false, count: graph.successors.count)
    var stack: [(node: Int, next: Int)] = [(0, 0)]
    visited[0] = true
    while let top = stack.last {
      if graph.isValue(top.node) { return stack.map { graph.ref($0.node) } }
      let successors = graph.successors[top.node]
      if top.next < successors.count {
        stack[stack.count - 1].next += 1
        let target = successors[top.next]
        if !visited[target] {
          visited[target] = true
          stack.append((target, 0))
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
    let count = graph.successors.count
    // Depth-first search for back edges and a reverse postorder (a topological order of the rest).
    var state = [UInt8](repeating: 0, count: count)  // 0 new, 1 on the stack, 2 done
    var order: [Int] = []
    var forward = [[Int]](repeating: [], count: count)
    var stack: [(node: Int, next: Int)] = [(0, 0)]
    state[0] = 1
    while let top = stack.last {
      let successors = graph.successors[top.node]
      if top.next < successors.count {
        stack[stack.count - 1].next += 1
        let target = successors[top.next]
        if state[target] == 1 { continue }  // a loop back: rework
        forward[top.node].append(target)
        if state[target] == 0 {
          state[target] = 1
          stack.append((target, 0))
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
      for target in forward[node] {
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
