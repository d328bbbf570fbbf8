/// The expected figures of a stream with rework: how often each step is done on average per item, and the times
/// that follow, from an absorbing Markov chain over the steps (the values absorb).
///
/// Where an item goes from a step: along a `rework` arrow, its share if written, otherwise an equal part of 100% −
/// %C/A less the written rework shares (a step without `ca`, or without rework arrows, sends nothing back; a step
/// with rework arrows and no forward arrow sends everything back); the rest goes on, along each forward arrow by its
/// share if written, otherwise by an equal part of what the written shares leave.
/// The expected visits v solve v = e + Pᵀv, with e 1 at the demand; they are solved one strongly connected
/// component at a time in topological order (see ``FlowAnalysis/expected(steps:valueCount:edges:mainPath:)``).
public struct ExpectedFlow: Sendable, Hashable {
  /// The expected number of times each step (by index) is done per item; 1 on a path without rework or branches.
  public var visits: [Double]
  /// Σ visits × `time`, in seconds; across a fork, the critical branch's (the one with the longest expected lead
  /// time) alone.
  public var processTime: Double
  /// Σ visits × (`wait` + `time`), in seconds; a fork-to-join span costs the largest of its branches' expected
  /// lead times (an approximation: the expected value of a maximum is at least the maximum of the expected values).
  public var leadTime: Double
  /// Σ visits × `time` over every step, each branch of each fork counted: the expected work per item, where
  /// `processTime` is the time it takes. Equal to `processTime` without parallel work.
  public var totalEffort: Double
  /// processTime / leadTime (0...1); nil when the lead time is zero.
  public var flowEfficiency: Double?
  /// The share of items that pass the main path without rework: Π %C/A over it (a step without `ca` counting as
  /// 100%); nil when no step on it gives one.
  public var firstPassYield: Double?

  public init(
    visits: [Double], processTime: Double, leadTime: Double, flowEfficiency: Double?, firstPassYield: Double?,
    totalEffort: Double? = nil
  ) {
    self.totalEffort = totalEffort ?? processTime
    self.visits = visits
    self.processTime = processTime
    self.leadTime = leadTime
    self.flowEfficiency = flowEfficiency
    self.firstPassYield = firstPassYield
  }
}
