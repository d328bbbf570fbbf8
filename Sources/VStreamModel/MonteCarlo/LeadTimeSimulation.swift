/// A seeded Monte Carlo of a stream's lead time: items walk from the demand to a value, taking each branch and
/// rework arrow with the probability the expected figures use (``FlowAnalysis/expected(steps:valueCount:edges:mainPath:)``),
/// and each step visited draws its `time` and `wait` from their estimates (a point is exact).
///
/// The same stream, seed and sample count give the same distribution, byte for byte: the generator is our own
/// (``SplitMix64``), the walk visits arrows in a fixed order and the arithmetic of point durations is in whole
/// seconds, so that a stream without ranges and with one route gives P50 = P85 = P95 = its lead time exactly.
///
/// Every visit of a step draws again (rework repeats the work, not the same duration). At a fork of `parallel` arrows
/// the item goes down every branch at once: each branch is walked on its own to the join (its rework and
/// alternatives drawn as anywhere else), and the item goes on from the join after the longest of them. This is the
/// true "wait for the slowest branch", of which the expected figures take only the largest mean.
public enum LeadTimeSimulation {
  /// The default number of items, `build --samples`: the P95 of 10,000 uniform draws is within about half a percent
  /// of the range of the true value (the standard error of a quantile).
  public static let defaultSamples = 10_000
  /// Step visits after which one item's walk stops (a rework loop left with a tiny probability); such items are
  /// counted in ``LeadTimeDistribution/truncated``.
  public static let visitLimit = 100_000

  /// The distribution of `samples` items through `stream`, seeded from its id; nil when the stream has no expected
  /// figures (an item could circle forever, VS325) or `samples` is not positive.
  public static func run(_ stream: ValueStream, samples: Int = defaultSamples) -> LeadTimeDistribution? {
    run(
      steps: stream.steps, valueIDs: stream.values.map(\.id), edges: stream.edges, seed: SplitMix64.seed(stream.id),
      samples: samples)
  }

  /// The flow is put in one order first (steps and values by id, arrows by the ids they join): the draws are handed
  /// out in the order of nodes and arrows, so the written order would otherwise move the percentiles. `check`
  /// (VS428 with `measure: p85`) and `build` both come here, so that the finding and the page agree.
  public static func run(steps: [Step], valueIDs: [String], edges: [Edge], seed: UInt64, samples: Int)
    -> LeadTimeDistribution?
  {
    let stepOrder = steps.indices.sorted { (steps[$0].id, $0) < (steps[$1].id, $1) }
    let valueOrder = valueIDs.indices.sorted { (valueIDs[$0], $0) < (valueIDs[$1], $1) }
    var stepPlace = [Int](repeating: 0, count: stepOrder.count)
    for (place, index) in stepOrder.enumerated() { stepPlace[index] = place }
    var valuePlace = [Int](repeating: 0, count: valueOrder.count)
    for (place, index) in valueOrder.enumerated() { valuePlace[index] = place }
    let placed = { (node: NodeRef) -> NodeRef in
      switch node {
      case .demand: return .demand
      case .step(let index): return .step(stepPlace[index])
      case .value(let index): return .value(valuePlace[index])
      }
    }
    let number = { (node: NodeRef) in FlowAnalysis.Graph.number(node, stepCount: steps.count) }
    let placedEdges = edges.map { edge -> Edge in
      var placedEdge = edge
      placedEdge.from = placed(edge.from)
      placedEdge.to = placed(edge.to)
      return placedEdge
    }.sorted { (number($0.from), number($0.to), $0.kind.rawValue) < (number($1.from), number($1.to), $1.kind.rawValue) }
    return run(
      steps: stepOrder.map { steps[$0] }, valueCount: valueIDs.count, edges: placedEdges, seed: seed, samples: samples)
  }

  /// The walk itself, in the order given.
  public static func run(steps: [Step], valueCount: Int, edges: [Edge], seed: UInt64, samples: Int)
    -> LeadTimeDistribution?
  {
    guard samples > 0, let walker = Walker(steps: steps, valueCount: valueCount, edges: edges) else { return nil }
    var random = SplitMix64(seed: seed)
    var leadTimes = [Int64](repeating: 0, count: samples)
    var truncated = 0
    for sample in 0..<samples {
      var visits = 0
      let (seconds, finished) = walker.walk(from: 0, until: nil, visits: &visits, &random)
      leadTimes[sample] = seconds
      if !finished { truncated += 1 }
    }
    return LeadTimeDistribution(leadTimes: leadTimes, seed: seed, truncated: truncated)
  }

  /// The flow as the walk reads it: per node its arrows' targets and cumulative probabilities, per step its exact
  /// seconds and its estimates.
  struct Walker {
    let graph: FlowAnalysis.Graph
    /// By arrow index: the probability of this arrow and those before it out of the same node.
    let cumulative: [Double]
    /// By step: the exact part of its lead time (points), and the estimates to draw.
    let exact: [Int64]
    let estimates: [[Estimate]]
    /// By arrow index: whether the arrow is `parallel`.
    let isParallel: [Bool]
    /// By fork node: its branches and its join.
    let forks: [Int: (branches: [Int], join: Int)]

    init?(steps: [Step], valueCount: Int, edges: [Edge]) {
      graph = FlowAnalysis.Graph(stepCount: steps.count, valueCount: valueCount, edges: edges)
      let count = graph.successors.nodeCount
      let isRework = Adjacency(nodeCount: count) { arrow in
        for edge in edges {
          arrow(
            FlowAnalysis.Graph.number(edge.from, stepCount: steps.count),
            FlowAnalysis.encode(edge.kind == .rework, edge.share?.hundredths))
        }
      }
      // Without expected figures an item could circle forever (VS325): nothing to simulate.
      guard FlowAnalysis.expected(steps: steps, valueCount: valueCount, edges: edges, mainPath: []) != nil else {
        return nil
      }
      let probability = FlowAnalysis.probabilities(graph, isRework: isRework) { steps[$0].completeAccurate?.fraction }
      var cumulative = probability
      for node in 0..<count {
        var total = 0.0
        for arrow in graph.successors.arrowIndices(from: node) {
          total += probability[arrow]
          cumulative[arrow] = total
        }
      }
      self.cumulative = cumulative
      exact = steps.map { step in
        ((step.processEstimate == nil ? step.processTime ?? .zero : .zero)
          + (step.waitEstimate == nil ? step.waitTime ?? .zero : .zero)).seconds
      }
      estimates = steps.map { [$0.processEstimate, $0.waitEstimate].compactMap { $0 } }
      let parallel = Adjacency(nodeCount: count) { arrow in
        for edge in edges {
          arrow(FlowAnalysis.Graph.number(edge.from, stepCount: steps.count), edge.kind == .parallel ? 1 : 0)
        }
      }
      isParallel = parallel.targets.map { $0 == 1 }
      let sections = ParallelSections.find(
        nodeCount: count, isValue: { $0 > steps.count }, ranks: nil,
        arrows: edges.filter { $0.kind != .rework }.map {
          (
            from: FlowAnalysis.Graph.number($0.from, stepCount: steps.count),
            to: FlowAnalysis.Graph.number($0.to, stepCount: steps.count), isParallel: $0.kind == .parallel
          )
        })
      var forks: [Int: (branches: [Int], join: Int)] = [:]
      for section in sections {
        if let join = section.join { forks[section.fork] = (section.branches, join) }
      }
      self.forks = forks
    }

    /// One item from `node` until it reaches a value (or `stop`, a join, whose own time is left to the walk that
    /// goes on from it): its time in seconds, and whether it got there within ``visitLimit`` step visits in all
    /// (`visits`, shared by the branches of its forks).
    func walk(from start: Int, until stop: Int?, visits: inout Int, _ random: inout SplitMix64)
      -> (seconds: Int64, finished: Bool)
    {
      var node = start
      var whole: Int64 = 0
      var drawn = 0.0
      while !graph.isValue(node), node != stop {
        if node > 0 {
          let step = node - 1
          whole = (Duration(seconds: whole) + Duration(seconds: exact[step])).seconds
          for estimate in estimates[step] { drawn += estimate.sample(random.unit()) }
          visits += 1
          if visits >= LeadTimeSimulation.visitLimit { return (Self.total(whole, drawn), false) }
        }
        let arrows = graph.successors.arrowIndices(from: node)
        guard !arrows.isEmpty else { break }
        // The first arrow whose cumulative probability passes the draw; rounding leaves the last one the rest.
        let u = random.unit() * cumulative[arrows.upperBound - 1]
        var chosen = arrows.upperBound - 1
        if arrows.count > 1 {
          for arrow in arrows where u < cumulative[arrow] {
            chosen = arrow
            break
          }
        }
        if isParallel[chosen], let fork = forks[node] {
          // Every branch at once, each to the join in its fixed order (so the draws stay reproducible); the item
          // goes on after the slowest.
          var slowest: Int64 = 0
          for branch in fork.branches {
            let (seconds, finished) = walk(from: branch, until: fork.join, visits: &visits, &random)
            if !finished { return (Self.total(whole, drawn), false) }
            slowest = max(slowest, seconds)
          }
          whole = (Duration(seconds: whole) + Duration(seconds: slowest)).seconds
          node = fork.join
          continue
        }
        node = Int(graph.successors.targets[chosen])
      }
      return (Self.total(whole, drawn), true)
    }

    /// The exact seconds plus the drawn ones, rounded, saturating at `Int64.max` like every sum of durations (a
    /// hostile stream of billions of weeks visited thousands of times must not trap).
    static func total(_ whole: Int64, _ drawn: Double) -> Int64 {
      let rounded = drawn.rounded()
      guard rounded < 9.2e18 else { return .max }
      return (Duration(seconds: whole) + Duration(seconds: Int64(rounded))).seconds
    }
  }
}
