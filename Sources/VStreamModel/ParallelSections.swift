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

/// Finds the parallel sections of a flow over its forward arrows. A stream without `parallel` arrows costs one pass
/// over its arrows; one with them, a topological order (ties by rank, so that it depends on ids, not on the order
/// lines are written in) and, per fork, a walk over the nodes between the fork and its join (longer only for a
/// branch that skips the join, which is an error). Where two nodes could be the join, the one first in that order is
/// taken.
public enum ParallelSections {
  /// The sections of the forward arrows `arrows` gives (from, to, whether it is `parallel`), forks in node order.
  /// A value stops a branch (the lead time ends there). A fork with fewer than two branches is no section (VS329).
  /// Empty when the forward arrows loop (VS322 speaks then).
  public static func find(
    nodeCount: Int, isValue: (Int) -> Bool, ranks: [Int32]?,
    arrows: [(from: Int, to: Int, isParallel: Bool)]
  ) -> [ParallelSection] {
    var forks: [Int: [Int]] = [:]
    for arrow in arrows where arrow.isParallel { forks[arrow.from, default: []].append(arrow.to) }
    guard !forks.isEmpty else { return [] }
    let successors = Adjacency(nodeCount: nodeCount) { add in for arrow in arrows { add(arrow.from, arrow.to) } }
    let rank: (Int) -> Int32 = { ranks?[$0] ?? Int32($0) }
    guard let position = canonicalPositions(successors, rank: rank) else { return [] }
    var sections: [ParallelSection] = []
    for fork in forks.keys.sorted() {
      let branches = Array(Set(forks[fork]!)).sorted { (rank($0), $0) < (rank($1), $1) }
      guard branches.count >= 2 else { continue }
      // Which branches reach each node, walked in topological order from the branches: the first node all of them
      // reach is the join, and nothing after it needs walking.
      var reachedBy: [Int: Set<Int>] = [:]
      var queue = NodeQueue(position: position)
      for (slot, branch) in branches.enumerated() {
        if reachedBy[branch] == nil { queue.push(branch) }
        reachedBy[branch, default: []].insert(slot)
      }
      var join: Int?
      while let node = queue.pop() {
        let reaching = reachedBy[node]!
        if reaching.count == branches.count {
          join = node
          break
        }
        guard !isValue(node) else { continue }
        for target in successors[node].map(Int.init) {
          if reachedBy[target] == nil { queue.push(target) }
          reachedBy[target, default: []].formUnion(reaching)
        }
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

  /// Each node's position in the topological order that, between nodes ready at the same time, takes the one with
  /// the smallest rank first; nil when the arrows loop.
  static func canonicalPositions(_ successors: Adjacency, rank: (Int) -> Int32) -> [Int]? {
    let count = successors.nodeCount
    var incoming = [Int32](repeating: 0, count: count)
    for target in successors.targets { incoming[Int(target)] += 1 }
    let byRank = (0..<count).map { Int(rank($0)) }
    var ready = NodeQueue(position: byRank)
    for node in 0..<count where incoming[node] == 0 { ready.push(node) }
    var position = [Int](repeating: -1, count: count)
    var next = 0
    while let node = ready.pop() {
      position[node] = next
      next += 1
      for target in successors[node].map(Int.init) {
        incoming[target] -= 1
        if incoming[target] == 0 { ready.push(target) }
      }
    }
    return next == count ? position : nil
  }
}

/// A binary heap of nodes, the one with the smallest `position` first.
struct NodeQueue {
  let position: [Int]
  private var heap: [Int] = []

  init(position: [Int]) { self.position = position }

  mutating func push(_ node: Int) {
    heap.append(node)
    var child = heap.count - 1
    while child > 0, position[heap[(child - 1) / 2]] > position[heap[child]] {
      heap.swapAt(child, (child - 1) / 2)
      child = (child - 1) / 2
    }
  }

  mutating func pop() -> Int? {
    guard let first = heap.first else { return nil }
    heap.swapAt(0, heap.count - 1)
    heap.removeLast()
    var parent = 0
    while true {
      let (left, right) = (2 * parent + 1, 2 * parent + 2)
      var smallest = parent
      if left < heap.count, position[heap[left]] < position[heap[smallest]] { smallest = left }
      if right < heap.count, position[heap[right]] < position[heap[smallest]] { smallest = right }
      guard smallest != parent else { return first }
      heap.swapAt(parent, smallest)
      parent = smallest
    }
  }
}
