extension FlowAnalysis {
  /// What the path figures need to know of the parallel work of a stream: its forks, the forward arrows and a
  /// topological order of them. Built once per stream; a stream without `parallel` arrows builds nothing.
  struct ParallelWork {
    let sections: [Int: ParallelSection]
    let successors: Adjacency
    let position: [Int]
    let rank: (Int) -> Int32

    init?(stepCount: Int, valueCount: Int, edges: [Edge], ranks: [Int32]?) {
      guard edges.contains(where: { $0.kind == .parallel }) else { return nil }
      let forward = edges.filter { $0.kind != .rework }.map {
        (
          from: Graph.number($0.from, stepCount: stepCount), to: Graph.number($0.to, stepCount: stepCount),
          isParallel: $0.kind == .parallel
        )
      }
      let count = 1 + stepCount + valueCount
      let found = ParallelSections.find(
        nodeCount: count, isValue: { $0 > stepCount }, ranks: ranks, arrows: forward)
      guard !found.isEmpty else { return nil }
      successors = Adjacency(nodeCount: count) { add in for arrow in forward { add(arrow.from, arrow.to) } }
      guard let order = successors.topologicalOrder() else { return nil }
      var position = [Int](repeating: 0, count: count)
      for (slot, node) in order.enumerated() { position[node] = slot }
      self.position = position
      sections = Dictionary(uniqueKeysWithValues: found.filter { $0.join != nil }.map { ($0.fork, $0) })
      rank = { ranks?[$0] ?? Int32($0) }
    }

    /// The route from `start` to `end` with the longest total `cost` (`end`'s own left out), over the forward
    /// arrows; ties go to the smaller id, compared from the start. `end` must lie on every route from `start` (a
    /// fork's join does, on a checked stream).
    func longestRoute(from start: Int, to end: Int, cost: (Int) -> Int64) -> [Int] {
      guard start != end else { return [end] }
      var inside = Set([start])
      var queue = [start]
      while let node = queue.popLast() {
        for target in successors[node] where Int(target) != end && inside.insert(Int(target)).inserted {
          queue.append(Int(target))
        }
      }
      var longest = [Int: Int64]()
      var choice = [Int: Int]()
      longest[end] = 0
      for node in inside.sorted(by: { position[$0] > position[$1] }) {
        for target in successors[node].map(Int.init) {
          guard let after = longest[target] else { continue }
          if let chosen = choice[node],
            after < longest[chosen]! || (after == longest[chosen]! && rank(target) >= rank(chosen))
          {
            continue
          }
          choice[node] = target
        }
        if let chosen = choice[node] { longest[node] = longest[chosen]! &+ cost(node) }
      }
      var route = [start]
      var node = start
      while node != end, let next = choice[node] {
        route.append(next)
        node = next
      }
      return route
    }

    /// `path` with each fork on it followed to its join along the critical branch: the route with the longest lead
    /// time (`lead` by node) through the fork's branches.
    func throughCriticalBranches(_ path: [Int], lead: (Int) -> Int64) -> [Int] {
      var result: [Int] = []
      var index = 0
      while index < path.count {
        let node = path[index]
        guard let section = sections[node], let join = section.join,
          let end = path[(index + 1)...].firstIndex(of: join)
        else {
          result.append(node)
          index += 1
          continue
        }
        result += longestRoute(from: node, to: join, cost: lead).dropLast()
        index = end
      }
      return result
    }

    /// The process time (`time` by node) of every step done along `route`, each branch of each fork on it counted:
    /// the branches it does not follow are followed along their longest route (by `lead`) to their join. The last
    /// node of the route is left out when `lastIncluded` is false (a branch's route ends at the join, counted by the
    /// route around it).
    func effort(of route: [Int], time: (Int) -> Int64, lead: (Int) -> Int64) -> Int64 {
      nodesDone(along: route, lead: lead).reduce(0) { $0 &+ time($1) }
    }

    /// Every node done along `route`, each branch of each fork on it counted: the branches it does not follow are
    /// followed along their longest route (by `lead`) to their join. What the total effort sums and the rolled %C/A
    /// multiplies: every item passes every branch. The last node of the route is left out when `lastIncluded` is
    /// false (a branch's route ends at the join, counted by the route around it).
    func nodesDone(along route: [Int], lastIncluded: Bool = true, lead: (Int) -> Int64) -> [Int] {
      var done: [Int] = []
      for (index, node) in route.enumerated() {
        guard lastIncluded || index < route.count - 1 else { break }
        done.append(node)
        guard let section = sections[node], let join = section.join else { continue }
        let followed = index + 1 < route.count ? route[index + 1] : -1
        for branch in section.branches where branch != followed && branch != join {
          done += nodesDone(along: longestRoute(from: branch, to: join, cost: lead), lastIncluded: false, lead: lead)
        }
      }
      return done
    }
  }
}

extension FlowAnalysis {
  /// `path` (a main path) with each fork on it followed to its join along its critical branch, the route with the
  /// longest lead time; `lead` gives each node's lead time in seconds (demand 0, steps 1...n, values n+1...),
  /// `forward` the forward arrows. For a caller that keeps its arrows as numbers (the checker's VS407).
  public static func throughCriticalBranches(
    _ path: [NodeRef], stepCount: Int, valueCount: Int, ranks: [Int32]?, lead: [Int64],
    forward: [(from: Int, to: Int, isParallel: Bool)]
  ) -> [NodeRef] {
    // One empty graph for its numbering: building one per arrow would cost a node table each.
    let graph = Graph(stepCount: stepCount, valueCount: valueCount) { _ in }
    let edges = forward.map { arrow in
      Edge(from: graph.ref(arrow.from), to: graph.ref(arrow.to), kind: arrow.isParallel ? .parallel : .forward)
    }
    guard let work = ParallelWork(stepCount: stepCount, valueCount: valueCount, edges: edges, ranks: ranks) else {
      return path
    }
    let numbers = path.map { Graph.number($0, stepCount: stepCount) }
    return work.throughCriticalBranches(numbers) { lead[$0] }.map(graph.ref)
  }
}
