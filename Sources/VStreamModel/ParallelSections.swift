/// A fork of parallel work: the `parallel` arrows out of one node start at the same time (AND), and their branches
/// meet again at the join, where the work goes on once every branch is done.
public struct ParallelSection: Sendable, Hashable {
  /// The node the `parallel` arrows leave (demand 0, steps 1...n, values n+1...).
  public var fork: Int
  /// The targets of the fork's `parallel` arrows, each once, by rank (by id): the order ties between branches are
  /// broken in.
  public var branches: [Int]
  /// The first node every branch reaches (before every other node all of them reach); nil when the branches never
  /// meet.
  public var join: Int?
  /// For each branch, the nodes it passes before the join (the join left out), by node number; empty for a branch
  /// that is an arrow straight to the join.
  public var regions: [[Int]]
  /// The branches (by position in `branches`) that can reach a value or an end without passing the join: the join
  /// would wait for them for ever.
  public var skipping: [Int]
}

/// Finds the parallel sections of a flow over its forward arrows. Linear in the nodes and arrows of each section
/// (a stream without `parallel` arrows costs one pass over its arrows); nothing depends on the order arrows are
/// written in: where two nodes could be the join, the one with the smaller rank (see
/// ``FlowAnalysis/ranks(ids:)``) is taken.
public enum ParallelSections {
  /// The sections of the forward arrows `arrows` gives (from, to, whether it is `parallel`), forks in node order.
  /// Arrows out of a value are followed only from the value itself onward when the fork is after it. A fork with
  /// fewer than two branches is no section (VS329). Empty when the forward arrows loop (VS322 speaks then).
  public static func find(
    nodeCount: Int, isValue: (Int) -> Bool, ranks: [Int32]?,
    arrows: [(from: Int, to: Int, isParallel: Bool)]
  ) -> [ParallelSection] {
    var forks: [Int: [Int]] = [:]
    for arrow in arrows where arrow.isParallel { forks[arrow.from, default: []].append(arrow.to) }
    guard !forks.isEmpty else { return [] }
    let successors = Adjacency(nodeCount: nodeCount) { add in for arrow in arrows { add(arrow.from, arrow.to) } }
    guard let order = successors.topologicalOrder() else { return [] }
    var position = [Int](repeating: 0, count: nodeCount)
    for (slot, node) in order.enumerated() { position[node] = slot }
    let rank: (Int) -> Int32 = { ranks?[$0] ?? Int32($0) }
    var sections: [ParallelSection] = []
    for fork in forks.keys.sorted() {
      let branches = Array(Set(forks[fork]!)).sorted { (rank($0), $0) < (rank($1), $1) }
      guard branches.count >= 2 else { continue }
      // How many branches reach each node (values stop a branch: the lead time ends there).
      var reachedBy = [Int: Int]()
      for branch in branches {
        let seen = successors.reachable(from: [branch], stoppingAt: isValue)
        for node in seen.indices where seen[node] { reachedBy[node, default: 0] += 1 }
      }
      let common = reachedBy.filter { $0.value == branches.count }.keys.sorted()
      // The join: a common node no other common node leads to; between such (which the branches reach by
      // alternatives, and which VS331 reports), the one first in topological order, then by rank.
      var later = Set<Int>()
      for node in common where !isValue(node) {
        let seen = successors.reachable(from: Array(successors[node].map(Int.init)), stoppingAt: isValue)
        for other in common where seen[other] { later.insert(other) }
      }
      let join = common.filter { !later.contains($0) }.min {
        rank($0) < rank($1) || (rank($0) == rank($1) && position[$0] < position[$1])
      }
      var regions: [[Int]] = []
      var skipping: [Int] = []
      for (slot, branch) in branches.enumerated() {
        guard let join, branch != join else {
          regions.append([])
          continue
        }
        var seen = Set([branch])
        var queue = [branch]
        var skips = false
        while let node = queue.popLast() {
          if isValue(node) || successors[node].isEmpty { skips = true }
          guard !isValue(node) else { continue }
          for target in successors[node] where Int(target) != join && seen.insert(Int(target)).inserted {
            queue.append(Int(target))
          }
        }
        regions.append(seen.sorted())
        if skips { skipping.append(slot) }
      }
      sections.append(
        ParallelSection(fork: fork, branches: branches, join: join, regions: regions, skipping: skipping))
    }
    return sections
  }
}
