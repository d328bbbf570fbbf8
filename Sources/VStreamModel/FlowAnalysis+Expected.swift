extension FlowAnalysis {
  /// Components up to this many nodes are solved exactly by Gaussian elimination on a dense matrix (64 × 64 doubles
  /// is 32 KB); larger ones by Gauss-Seidel sweeps, so that no matrix grows with the stream.
  static let denseLimit = 64
  /// Sweeps allowed for a large component before its figures are reported as unavailable.
  static let sweepLimit = 100_000

  /// The expected figures (see ``ExpectedFlow``), or nil when an item could circle forever (a component that no
  /// arrow leaves with a positive probability) or a large component's sweeps do not converge. `mainPath` gives the
  /// first-pass yield. Linear in steps and arrows apart from the dense solves of components of at most
  /// ``denseLimit`` steps and the sweeps of larger ones.
  ///
  /// Parallel work: every branch of a fork is visited once per visit of the fork, and each arrow into a join from
  /// one of its fork's branches carries 1/k of what it would (k branches; a product over nested forks that share
  /// the join), so that the join is visited as often as the fork. The fork-to-join span then costs the largest of
  /// its branches' expected times (inner forks first), not their sum; see ``ExpectedFlow/totalEffort``.
  public static func expected(
    steps: [Step], valueCount: Int, edges: [Edge], mainPath: [NodeRef], ranks: [Int32]? = nil
  ) -> ExpectedFlow? {
    let graph = Graph(stepCount: steps.count, valueCount: valueCount, edges: edges)
    let count = graph.successors.nodeCount
    let isRework = Adjacency(nodeCount: count) { arrow in
      for edge in edges {
        arrow(
          Graph.number(edge.from, stepCount: steps.count),
          Self.encode(edge.kind == .rework, edge.share?.hundredths, isParallel: edge.kind == .parallel))
      }
    }
    var probability = probabilities(graph, isRework: isRework) { steps[$0].completeAccurate?.fraction }
    let parallel = ParallelWork(stepCount: steps.count, valueCount: valueCount, edges: edges, ranks: ranks)
    let sections = parallel.map { work in
      work.sections.values.sorted { work.position[$0.fork] > work.position[$1.fork] }
    }
    for section in sections ?? [] {
      guard let join = section.join else { continue }
      var inside = Set(section.regions.joined())
      if section.branches.contains(join) { inside.insert(section.fork) }
      for node in inside where !graph.isValue(node) {
        for arrow in graph.successors.arrowIndices(from: node)
        where Int(graph.successors.targets[arrow]) == join
          && (node != section.fork || Int(isRework.targets[arrow]) & 2 == 2)
        {
          probability[arrow] /= Double(section.branches.count)
        }
      }
    }
    var visits = [Double](repeating: 0, count: count)
    // Tarjan's components come sinks first: solve them in reverse, so that every arrow into a component comes from
    // one already solved.
    var component = [Int](repeating: -1, count: count)
    let components = graph.successors.stronglyConnectedComponents()
    for (number, members) in components.enumerated() { for node in members { component[node] = number } }
    var inflow = [Double](repeating: 0, count: count)
    inflow[0] = 1
    for number in components.indices.reversed() {
      let members = components[number]
      // Whether an item can leave: some arrow out of the component with a positive probability.
      var leaves = false
      var selfLoop = 0.0
      for node in members where !graph.isValue(node) {
        for arrow in graph.successors.arrowIndices(from: node) where probability[arrow] > 0 {
          let target = Int(graph.successors.targets[arrow])
          if component[target] != number { leaves = true } else if target == node { selfLoop += probability[arrow] }
        }
      }
      if members.count == 1 {
        let node = members[0]
        if selfLoop >= 1 { return nil }
        visits[node] = inflow[node] / (1 - selfLoop)
      } else {
        guard leaves || members.allSatisfy(graph.isValue) else { return nil }
        guard
          solve(
            members, component: number, componentOf: component, graph: graph, probability: probability,
            inflow: inflow, visits: &visits)
        else { return nil }
      }
      for node in members where !graph.isValue(node) {
        for arrow in graph.successors.arrowIndices(from: node) {
          let target = Int(graph.successors.targets[arrow])
          if component[target] != number { inflow[target] += visits[node] * probability[arrow] }
        }
      }
    }
    // Each node's share of the figures: its visits times its times, then each fork's span (inner forks first)
    // folded into the fork as its critical branch's figures.
    var processShare = [Double](repeating: 0, count: count)
    var leadShare = [Double](repeating: 0, count: count)
    var effort = 0.0
    for (index, step) in steps.enumerated() {
      processShare[1 + index] = visits[1 + index] * Double(step.processTime?.seconds ?? 0)
      leadShare[1 + index] = visits[1 + index] * Double(step.leadTime.seconds)
      effort += visits[1 + index] * Double(step.work?.seconds ?? 0)
    }
    for section in sections ?? [] where section.join != nil {
      var critical = (lead: -1.0, process: 0.0)
      for region in section.regions {
        let branch = region.reduce((lead: 0.0, process: 0.0)) {
          ($0.lead + leadShare[$1], $0.process + processShare[$1])
        }
        // Equal within rounding (the solver adds in another order when lines move): the branch to the smaller id.
        if branch.lead > critical.lead + 1e-9 * Swift.max(1, critical.lead) { critical = branch }
      }
      for node in section.regions.joined() { (leadShare[node], processShare[node]) = (0, 0) }
      leadShare[section.fork] += critical.lead
      processShare[section.fork] += critical.process
    }
    // Settled before they are published: the solver and these sums add in node order, which is declaration order,
    // so moving a line changes the last bits; a figure that moved in them would read as a change (`diff`).
    let process = settled(processShare.reduce(0, +))
    let lead = settled(leadShare.reduce(0, +))
    var yield: Double?
    for case .step(let index) in mainPath {
      if let ca = steps[index].completeAccurate { yield = (yield ?? 1) * ca.fraction }
    }
    return ExpectedFlow(
      visits: visits[1...steps.count].map(settled), processTime: process, leadTime: lead,
      flowEfficiency: lead > 0 ? process / lead : nil, firstPassYield: yield, totalEffort: settled(effort))
  }

  /// `x` to 30 significant bits (about nine digits): far finer than any figure is shown (a second in thirty years),
  /// far coarser than the rounding of sums in another order. Scaling by a power of two is exact.
  static func settled(_ x: Double) -> Double {
    guard x.isFinite, x != 0 else { return x }
    let step = Double(sign: .plus, exponent: x.exponent - 30, significand: 1)
    return (x / step).rounded() * step
  }

  /// An arrow's kind and share as one adjacency target: bit 0 set for rework, bit 1 for parallel, the share in
  /// hundredths plus one above them (0 for none).
  static func encode(_ isRework: Bool, _ share: Int64?, isParallel: Bool = false) -> Int {
    (Int(share.map { $0 + 1 } ?? 0) << 2) | (isParallel ? 2 : 0) | (isRework ? 1 : 0)
  }

  /// The probability of each arrow, by its position in `graph.successors` (see ``ExpectedFlow``); `kinds` has the
  /// same arrows in the same order, each target made by ``encode(_:_:)``. `completeAccurate` gives a step's %C/A as
  /// a fraction, by step index.
  static func probabilities(
    _ graph: Graph, isRework kinds: Adjacency, completeAccurate: (Int) -> Double?
  ) -> [Double] {
    var probability = [Double](repeating: 0, count: graph.successors.targets.count)
    for node in 0..<graph.successors.nodeCount where !graph.isValue(node) {
      let arrows = Array(graph.successors.arrowIndices(from: node))
      let codes = kinds.arrowIndices(from: node).map { Int(kinds.targets[$0]) }
      let isRework = codes.map { $0 & 1 == 1 }
      let share = codes.map { $0 >> 2 == 0 ? nil : Double(($0 >> 2) - 1) / 10_000 }
      // Every branch of a fork takes all that goes on (a share on one is VS332's).
      let isParallel = codes.map { $0 & 2 == 2 }
      // What goes back: the rework shares written, and 100% − %C/A (less those) split among the rework arrows
      // without one.
      var writtenBack = 0.0
      var unwrittenBack = 0
      var writtenOn = 0.0
      var unwrittenOn = 0
      for offset in arrows.indices {
        if isRework[offset] {
          if let share = share[offset] { writtenBack += share } else { unwrittenBack += 1 }
        } else {
          if let share = share[offset] { writtenOn += share } else { unwrittenOn += 1 }
        }
      }
      let forwardCount = isRework.filter { !$0 }.count
      let ca = node >= 1 ? completeAccurate(node - 1) : nil
      let restBack = unwrittenBack > 0 ? Swift.max(0, 1 - (ca ?? 1) - writtenBack) / Double(unwrittenBack) : 0
      var back = [Double](repeating: 0, count: arrows.count)
      for offset in arrows.indices where isRework[offset] { back[offset] = share[offset] ?? restBack }
      var totalBack = back.reduce(0, +)
      if forwardCount == 0, isRework.contains(true) {
        // Nothing goes on: everything goes back, in the proportions above (equally when they are all zero).
        if totalBack > 0 {
          for offset in arrows.indices { back[offset] /= totalBack }
        } else {
          let count = Double(isRework.filter { $0 }.count)
          for offset in arrows.indices where isRework[offset] { back[offset] = 1 / count }
        }
        totalBack = 1
      }
      totalBack = Swift.min(totalBack, 1)
      let restOn = Swift.max(0, 1 - writtenOn) / Double(Swift.max(unwrittenOn, 1))
      for (offset, arrow) in arrows.enumerated() {
        probability[arrow] =
          isRework[offset]
          ? back[offset] : (1 - totalBack) * (isParallel[offset] ? 1 : share[offset] ?? restOn)
      }
    }
    return probability
  }

  /// The loops an item never leaves: components of steps (two or more, or one with an arrow to itself) that arrows
  /// do leave, but none with a positive probability (a loop no arrow leaves at all is VS316's). `arrows` holds each
  /// arrow's node numbers (demand 0, steps 1...n, values n+1...), whether it is rework and its share in hundredths; `completeAccurate` a
  /// step's %C/A as a fraction, by step index. Each loop is sorted by node number.
  public static func endlessLoops(
    stepCount: Int, valueCount: Int, completeAccurate: (Int) -> Double?,
    arrows: [(from: Int, to: Int, isRework: Bool, share: Int64?)]
  ) -> [[Int]] {
    let graph = Graph(stepCount: stepCount, valueCount: valueCount) { arrow in
      for each in arrows { arrow(each.from, each.to) }
    }
    let isRework = Adjacency(nodeCount: graph.successors.nodeCount) { arrow in
      for each in arrows { arrow(each.from, encode(each.isRework, each.share)) }
    }
    let probability = probabilities(graph, isRework: isRework, completeAccurate: completeAccurate)
    var component = [Int](repeating: -1, count: graph.successors.nodeCount)
    let loops = graph.successors.loopingComponents()
    for (number, members) in loops.enumerated() { for node in members { component[node] = number } }
    return loops.enumerated().compactMap { number, members in
      var leaves = false
      var leavesLikely = false
      for node in members {
        for arrow in graph.successors.arrowIndices(from: node)
        where component[Int(graph.successors.targets[arrow])] != number {
          leaves = true
          if probability[arrow] > 0 { leavesLikely = true }
        }
      }
      return leaves && !leavesLikely ? members : nil
    }
  }

  /// Solves v = b + Pᵀv within one component (b the inflow from outside it): exactly when it is small, by sweeps in
  /// the order of `members` otherwise. False when the system is singular or the sweeps do not converge.
  static func solve(
    _ members: [Int], component number: Int, componentOf component: [Int], graph: Graph, probability: [Double],
    inflow: [Double], visits: inout [Double]
  ) -> Bool {
    let size = members.count
    var local = [Int: Int]()
    for (position, node) in members.enumerated() { local[node] = position }
    if size <= denseLimit {
      // (I − Pᵀ) v = b, row j: v_j − Σ_i P(i→j) v_i = b_j.
      var matrix = [Double](repeating: 0, count: size * (size + 1))
      for (row, node) in members.enumerated() {
        matrix[row * (size + 1) + row] = 1
        matrix[row * (size + 1) + size] = inflow[node]
      }
      for (column, node) in members.enumerated() where !graph.isValue(node) {
        for arrow in graph.successors.arrowIndices(from: node) {
          let target = Int(graph.successors.targets[arrow])
          guard component[target] == number, let row = local[target] else { continue }
          matrix[row * (size + 1) + column] -= probability[arrow]
        }
      }
      // Gaussian elimination with partial pivoting.
      for pivot in 0..<size {
        var best = pivot
        for row in (pivot + 1)..<size
        where abs(matrix[row * (size + 1) + pivot]) > abs(matrix[best * (size + 1) + pivot]) {
          best = row
        }
        guard abs(matrix[best * (size + 1) + pivot]) > 1e-12 else { return false }
        if best != pivot {
          for column in 0...size { matrix.swapAt(pivot * (size + 1) + column, best * (size + 1) + column) }
        }
        for row in 0..<size where row != pivot {
          let factor = matrix[row * (size + 1) + pivot] / matrix[pivot * (size + 1) + pivot]
          guard factor != 0 else { continue }
          for column in pivot...size {
            matrix[row * (size + 1) + column] -= factor * matrix[pivot * (size + 1) + column]
          }
        }
      }
      for (row, node) in members.enumerated() {
        visits[node] = matrix[row * (size + 1) + size] / matrix[row * (size + 1) + row]
      }
      return true
    }
    // Gauss-Seidel: each node's visits from the latest of its predecessors'. The arrows into each node within the
    // component, gathered once.
    var into = [[(from: Int, probability: Double)]](repeating: [], count: size)
    for node in members where !graph.isValue(node) {
      for arrow in graph.successors.arrowIndices(from: node) {
        let target = Int(graph.successors.targets[arrow])
        if component[target] == number, let row = local[target] { into[row].append((node, probability[arrow])) }
      }
    }
    for node in members { visits[node] = inflow[node] }
    for _ in 0..<sweepLimit {
      var change = 0.0
      for (row, node) in members.enumerated() {
        var value = inflow[node]
        var selfLoop = 0.0
        for (from, share) in into[row] {
          if from == node { selfLoop += share } else { value += share * visits[from] }
        }
        guard selfLoop < 1 else { return false }
        value /= 1 - selfLoop
        change = Swift.max(change, abs(value - visits[node]) / Swift.max(abs(value), 1e-300))
        visits[node] = value
      }
      if change < 1e-12 { return true }
    }
    return false
  }
}
