/// A stream's target lead time (an SLA or OLA), from `target-lead-time` in the front matter, and which lead time is
/// held against it, from `targets: measure` in `vstream.yml`.
public struct LeadTimeTarget: Sendable, Hashable {
  /// Which lead time must not exceed the target.
  public enum Measure: String, CaseIterable, Sendable, Hashable {
    /// The main path's lead time: the route most work takes. The default.
    case main
    /// The worst-case path's: the longest route, rework counted once.
    case worstCase = "worst-case"

    /// The words for the measure in a sentence: "the main path", "the worst case".
    public var phrase: String { self == .main ? "the main path" : "the worst case" }
  }

  /// The target, elapsed time.
  public var duration: Duration
  public var measure: Measure

  public init(duration: Duration, measure: Measure = .main) {
    self.duration = duration
    self.measure = measure
  }

  /// The lead time of `metrics` that is held against the target.
  public func actual(_ metrics: FlowMetrics) -> Duration {
    measure == .main ? metrics.mainPath.leadTime : metrics.worstCasePath.leadTime
  }
}
