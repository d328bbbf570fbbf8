/// The lead time of many simulated items (see ``LeadTimeSimulation``): percentiles and a histogram.
public struct LeadTimeDistribution: Sendable, Hashable {
  /// One bar of the histogram: the items whose lead time is at least `lower` and below the next bar's.
  public struct Bin: Sendable, Hashable {
    public var lower: Duration
    public var count: Int
  }

  public var samples: Int
  public var seed: UInt64
  /// The lead times half, 85% and 95% of the items stay within (nearest rank).
  public var p50: Duration
  public var p85: Duration
  public var p95: Duration
  public var least: Duration
  public var most: Duration
  /// The mean over the samples, to the whole second.
  public var mean: Duration
  /// Ten bars of equal width from the least lead time to the most (one bar when all are equal).
  public var histogram: [Bin]
  /// Samples cut short at ``LeadTimeSimulation/visitLimit`` step visits (a rework loop almost never left); their
  /// lead time so far is counted.
  public var truncated: Int

  /// The distribution of `leadTimes` (seconds, any order; at least one).
  public init(leadTimes: [Int64], seed: UInt64, truncated: Int = 0) {
    let sorted = leadTimes.sorted()
    func rank(_ fraction: Double) -> Duration {
      // Nearest rank: the smallest value with at least `fraction` of the samples at or below it.
      let index = max(0, Int((fraction * Double(sorted.count)).rounded(.up)) - 1)
      return Duration(seconds: sorted[min(index, sorted.count - 1)])
    }
    samples = sorted.count
    self.seed = seed
    p50 = rank(0.50)
    p85 = rank(0.85)
    p95 = rank(0.95)
    least = Duration(seconds: sorted.first!)
    most = Duration(seconds: sorted.last!)
    let average = (sorted.reduce(0.0) { $0 + Double($1) } / Double(sorted.count)).rounded()
    mean = Duration(seconds: average >= 9.2e18 ? .max : Int64(average))
    self.truncated = truncated
    let width = (sorted.last! - sorted.first!) / 10 + 1
    guard sorted.first! < sorted.last! else {
      histogram = [Bin(lower: least, count: sorted.count)]
      return
    }
    // Saturating: the bars of a hostile stream's lead times near Int64.max stay in range.
    var bins = (0..<10).map { bar in
      let (offset, overflow) = Int64(bar).multipliedReportingOverflow(by: width)
      return Bin(lower: Duration(seconds: sorted.first!) + Duration(seconds: overflow ? .max : offset), count: 0)
    }
    for value in sorted { bins[min(9, Int((value - sorted.first!) / width))].count += 1 }
    histogram = bins
  }
}
