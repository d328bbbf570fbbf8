/// A stream's target lead time (an SLA or OLA), from `target-lead-time` in the front matter, and which lead time is
/// held against it, from `targets: measure` in `vstream.yml`.
public struct LeadTimeTarget: Sendable, Hashable {
  /// Which lead time must not exceed the target.
  public enum Measure: String, CaseIterable, Sendable, Hashable {
    /// The main path's lead time: the route most work takes. The default.
    case main
    /// The worst-case path's: the longest route, rework counted once.
    case worstCase = "worst-case"
    /// The 85th percentile of the Monte Carlo (``LeadTimeSimulation``): 85% of items within it, the way service
    /// levels are set. `check` simulates only the streams held to it.
    case p85

    /// The words for the measure in a sentence: "the main path", "the worst case", "P85".
    public var phrase: String {
      switch self {
      case .main: return "the main path"
      case .worstCase: return "the worst case"
      case .p85: return "P85"
      }
    }
  }

  /// The target, elapsed time.
  public var duration: Duration
  public var measure: Measure

  public init(duration: Duration, measure: Measure = .main) {
    self.duration = duration
    self.measure = measure
  }

  /// The lead time of `metrics` that is held against the target; nil for P85 before the simulation has run.
  public func actual(_ metrics: FlowMetrics) -> Duration? {
    switch measure {
    case .main: return metrics.mainPath.leadTime
    case .worstCase: return metrics.worstCasePath.leadTime
    case .p85: return metrics.distribution?.p85
    }
  }
}
