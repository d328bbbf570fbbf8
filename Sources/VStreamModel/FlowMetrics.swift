/// The Lean flow metrics of a stream, computed once by the checker and printed by every back end.
public struct FlowMetrics: Sendable, Hashable {
  /// The path the forward arrows trace from the demand to a value, preferring at each branch the target with the
  /// smallest id (see ``FlowAnalysis/mainPath(stepCount:valueCount:edges:ranks:)``).
  public var mainPath: PathMetrics
  /// The longest path by lead time over the forward arrows, rework arrows set aside. Never missing: a stream that checked has a path from
  /// its demand to a value. It equals `mainPath` when the flow has no branches.
  public var worstCasePath: PathMetrics
  /// Time on the main path by activity: all six activities in ITIL's order, those with no step included.
  public var activityBreakdown: [ActivityTime]
  /// Which practices support which steps, over every step of the stream.
  public var practiceMatrix: PracticeMatrix
  /// Whether every step has both a process time and a wait time (otherwise totals understate).
  public var isComplete: Bool
  /// The expected figures with rework counted as often as it happens on average; nil when an item could circle
  /// forever or the solver did not converge (see ``ExpectedFlow``).
  public var expected: ExpectedFlow?
  /// For each value (by index), the path to it with the longest lead time over the forward arrows: each value's own
  /// lead time (see ``FlowAnalysis/valuePaths(steps:valueCount:edges:ranks:)``).
  public var valuePaths: [PathMetrics] = []
  /// The steps after a value (by index): done once the value is reached, so outside every lead time to it.
  public var stepsAfterValue: [Int] = []
  /// The Monte Carlo lead time (P50, P85, P95); nil until ``LeadTimeSimulation`` has run (`build` runs it, `check`
  /// does not).
  public var distribution: LeadTimeDistribution?

  public init(
    mainPath: PathMetrics, worstCasePath: PathMetrics, activityBreakdown: [ActivityTime],
    practiceMatrix: PracticeMatrix, isComplete: Bool, expected: ExpectedFlow? = nil
  ) {
    self.expected = expected
    self.mainPath = mainPath
    self.worstCasePath = worstCasePath
    self.activityBreakdown = activityBreakdown
    self.practiceMatrix = practiceMatrix
    self.isComplete = isComplete
  }
}
