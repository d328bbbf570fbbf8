/// Totals along one path from the demand to a value.
public struct PathMetrics: Sendable, Hashable {
  /// The path, demand first.
  public var nodes: [NodeRef]
  /// Σ PT over the steps of the path.
  public var processTime: Duration
  /// Σ WT over the steps of the path.
  public var waitTime: Duration
  /// Σ (WT + PT) over the steps of the path.
  public var leadTime: Duration
  /// processTime / leadTime (0...1); nil when the lead time is zero.
  public var flowEfficiency: Double?
  /// Π (%C/A as a fraction) over the path, a step without `ca` counting as 100% (0...1); nil when no step on the
  /// path gives one.
  public var rolledCompleteAccurate: Double?
  /// The steps (indices into the stream's steps) with the longest queueing wait on this path, every one that ties,
  /// in path order; empty when no step on it queues. Longest wait, not longest lead time: waiting is the delay a
  /// team can remove; a planned wait (``Step/waitIsPlanned``) is booked, not a queue, so it never counts.
  public var longestWait: [Int]
  /// Σ WT over the steps of the path whose wait is planned: part of `waitTime`, reported apart from queueing.
  public var plannedWaitTime: Duration
  /// Σ PT over every step done along the path, each branch of each fork on it counted (the branches it does not
  /// follow along their longest routes to their joins): the work, where `processTime` is the time it takes. Equal to
  /// `processTime` on a path without forks.
  public var totalEffort: Duration

  public init(
    nodes: [NodeRef], processTime: Duration, waitTime: Duration, leadTime: Duration, flowEfficiency: Double?,
    rolledCompleteAccurate: Double?, longestWait: [Int], plannedWaitTime: Duration = .zero
  ) {
    self.nodes = nodes
    self.processTime = processTime
    self.waitTime = waitTime
    self.leadTime = leadTime
    self.flowEfficiency = flowEfficiency
    self.rolledCompleteAccurate = rolledCompleteAccurate
    self.longestWait = longestWait
    self.plannedWaitTime = plannedWaitTime
    self.totalEffort = processTime
  }

  /// The wait that is queueing: `waitTime` less the planned waits.
  public var queueingWaitTime: Duration { waitTime - plannedWaitTime }

  /// Measures `path` through `steps`: depends only on the steps the path visits, in path order. Missing times count
  /// as zero (`FlowMetrics.isComplete` says whether any are missing).
  public static func measure(path: [NodeRef], steps: [Step]) -> PathMetrics {
    var process = Duration.zero
    var wait = Duration.zero
    var planned = Duration.zero
    var rolled: Double?
    for case .step(let index) in path {
      let step = steps[index]
      process += step.processTime ?? .zero
      wait += step.waitTime ?? .zero
      if let ca = step.completeAccurate { rolled = (rolled ?? 1) * ca.fraction }
      if step.waitIsPlanned, let stepWait = step.waitTime { planned += stepWait }
    }
    let lead = process + wait
    let efficiency = lead.seconds > 0 ? Double(process.seconds) / Double(lead.seconds) : nil
    let longest = longestWaits(
      among: path.compactMap(\.stepIndex), wait: { steps[$0].waitTime }, isPlanned: { steps[$0].waitIsPlanned })
    var metrics = PathMetrics(
      nodes: path, processTime: process, waitTime: wait, leadTime: lead, flowEfficiency: efficiency,
      rolledCompleteAccurate: rolled, longestWait: longest, plannedWaitTime: planned)
    // A step that runs a stream with parallel work does more work than its process time.
    metrics.totalEffort = path.compactMap(\.stepIndex).reduce(Duration.zero) { $0 + (steps[$1].work ?? .zero) }
    return metrics
  }

  /// The steps among `steps` (in their order) tied for the longest wait that is queueing: a planned wait never
  /// counts, and nor does a wait of zero. The one definition the metrics and the findings that name the longest wait
  /// share.
  public static func longestWaits(
    among steps: [Int], wait: (Int) -> Duration?, isPlanned: (Int) -> Bool
  ) -> [Int] {
    var longest: [Int] = []
    var longestWait = Duration.zero
    for index in steps where !isPlanned(index) {
      guard let stepWait = wait(index) else { continue }
      if stepWait > longestWait {
        (longestWait, longest) = (stepWait, [index])
      } else if stepWait == longestWait, stepWait > .zero {
        longest.append(index)
      }
    }
    return longest
  }
}
