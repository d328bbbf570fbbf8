extension Adjacency {
  /// The nodes in a topological order (every arrow from earlier to later), or nil when the arrows loop. Kahn's
  /// algorithm: linear in nodes and arrows.
  public func topologicalOrder() -> [Int]? {
    var incoming = [Int32](repeating: 0, count: nodeCount)
    for target in targets { incoming[Int(target)] += 1 }
    var order: [Int] = []
    order.reserveCapacity(nodeCount)
    var ready = (0..<nodeCount).filter { incoming[$0] == 0 }.reversed() as [Int]
    while let node = ready.popLast() {
      order.append(node)
      for arrow in arrowIndices(from: node) {
        let target = Int(targets[arrow])
        incoming[target] -= 1
        if incoming[target] == 0 { ready.append(target) }
      }
    }
    return order.count == nodeCount ? order : nil
  }

  /// The strongly connected components that hold a loop (two or more nodes, or one node with an arrow to itself),
  /// each sorted by node number.
  public func loopingComponents() -> [[Int]] {
    stronglyConnectedComponents().filter { $0.count > 1 || self[$0[0]].contains(Int32($0[0])) }
  }

  /// Every strongly connected component, each sorted by node number, in the order Tarjan's algorithm finds them:
  /// a component comes before every component that has an arrow into it (sinks first).
  public func stronglyConnectedComponents() -> [[Int]] {
    let unvisited = -1
    var index = [Int](repeating: unvisited, count: nodeCount)
    var lowLink = [Int](repeating: 0, count: nodeCount)
    var onStack = [Bool](repeating: false, count: nodeCount)
    var stack: [Int] = []
    var counter = 0
    var components: [[Int]] = []
    // Without recursion: a stream may be 100,000 steps long.
    for root in 0..<nodeCount where index[root] == unvisited {
      // Each frame is a node and the position in `targets` of its next arrow to follow.
      var frames: [(node: Int, next: Int)] = [(root, arrowIndices(from: root).lowerBound)]
      index[root] = counter
      lowLink[root] = counter
      counter += 1
      stack.append(root)
      onStack[root] = true
      while let frame = frames.last {
        let node = frame.node
        if frame.next < arrowIndices(from: node).upperBound {
          frames[frames.count - 1].next += 1
          let target = Int(targets[frame.next])
          if index[target] == unvisited {
            index[target] = counter
            lowLink[target] = counter
            counter += 1
            stack.append(target)
            onStack[target] = true
            frames.append((target, arrowIndices(from: target).lowerBound))
          } else if onStack[target] {
            lowLink[node] = Swift.min(lowLink[node], index[target])
          }
          continue
        }
        frames.removeLast()
        if let parent = frames.last { lowLink[parent.node] = Swift.min(lowLink[parent.node], lowLink[node]) }
        guard lowLink[node] == index[node] else { continue }
        var component: [Int] = []
        while true {
          let member = stack.removeLast()
          onStack[member] = false
          component.append(member)
          if member == node { break }
        }
        components.append(component.sorted())
      }
    }
    return components
  }
}
