/// A graph's arrows as adjacency lists kept in two flat arrays (compressed sparse rows): the targets of node `n`
/// are `targets[offsets[n]..<offsets[n + 1]]`, in the order the arrows were given.
///
/// An array of arrays cost an allocation per node with arrows, which on a 100,000-step stream was a tenth of the
/// time of a whole check; this costs two allocations for any graph.
public struct Adjacency: Sendable {
  /// Where each node's targets start in `targets`, plus the end: one more entry than there are nodes.
  public private(set) var offsets: [Int32]
  public private(set) var targets: [Int32]

  /// The graph over nodes `0..<nodeCount` with the arrows `arrows` gives, each as (from, to); `arrows` is called
  /// twice (to count, then to fill), and must give the same arrows both times.
  public init(nodeCount: Int, arrows: ((Int, Int) -> Void) -> Void) {
    var offsets = [Int32](repeating: 0, count: nodeCount + 1)
    arrows { from, _ in offsets[from + 1] += 1 }
    for node in 0..<nodeCount { offsets[node + 1] += offsets[node] }
    var targets = [Int32](repeating: 0, count: Int(offsets[nodeCount]))
    var next = offsets
    arrows { from, to in
      targets[Int(next[from])] = Int32(to)
      next[from] += 1
    }
    self.offsets = offsets
    self.targets = targets
  }

  public var nodeCount: Int { offsets.count - 1 }

  /// The positions in `targets` of a node's arrows.
  public func arrowIndices(from node: Int) -> Range<Int> { Int(offsets[node])..<Int(offsets[node + 1]) }

  /// The targets of a node's arrows, in order.
  public subscript(node: Int) -> ArraySlice<Int32> { targets[arrowIndices(from: node)] }

  /// Every node reachable from `starts` (the starts included).
  public func reachable(from starts: [Int]) -> [Bool] { reachable(from: starts) { _ in false } }

  /// Every node reachable from `starts` without passing through a node for which `isEnd` holds: such a node is
  /// reached but its arrows are not followed (how the flow up to the values is told from the steps after them).
  public func reachable(from starts: [Int], stoppingAt isEnd: (Int) -> Bool) -> [Bool] {
    var seen = [Bool](repeating: false, count: nodeCount)
    var queue = starts
    for start in starts { seen[start] = true }
    while let node = queue.popLast() {
      guard !isEnd(node) else { continue }
      // By position, not through `self[node]`: a slice per node retained and released the whole array each time.
      for arrow in arrowIndices(from: node) where !seen[Int(targets[arrow])] {
        seen[Int(targets[arrow])] = true
        queue.append(Int(targets[arrow]))
      }
    }
    return seen
  }
}
