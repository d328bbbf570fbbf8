/// A duration written as a range (`1h..4h`) or a three-point estimate (`1h..2h..4h`): least, most likely, most.
///
/// The Monte Carlo draws a two-point range uniformly and a three-point one from the triangular distribution with
/// its mode at the most likely value. The point figure (what the path metrics and the expected figures use) is the
/// distribution's mean, `(least + most) / 2` or `(least + mostLikely + most) / 3`, to the whole second.
public struct Estimate: Sendable, Hashable {
  public var least: Duration
  public var mostLikely: Duration?
  public var most: Duration

  /// `least <= mostLikely <= most` is the checker's to ensure (VS337, VS338).
  public init(least: Duration, mostLikely: Duration? = nil, most: Duration) {
    self.least = least
    self.mostLikely = mostLikely
    self.most = most
  }

  /// The mean, to the whole second (half a second rounds up).
  public var mean: Duration {
    let values = [least, mostLikely, most].compactMap { $0?.seconds }
    // Summed as Double: three values near Int64.max would overflow, and a second's precision is kept below 2^53.
    let total = values.reduce(0.0) { $0 + Double($1) }
    let mean = (total / Double(values.count)).rounded(.toNearestOrAwayFromZero)
    return Duration(seconds: mean >= 9.2e18 ? .max : Int64(mean))
  }

  /// One draw, in seconds, from `u` uniform in [0, 1): uniform over [least, most], or triangular with its mode at
  /// `mostLikely`, by the inverse of the distribution function.
  public func sample(_ u: Double) -> Double {
    let (a, b) = (Double(least.seconds), Double(most.seconds))
    guard b > a else { return a }
    guard let mode = mostLikely.map({ Double($0.seconds) }) else { return a + u * (b - a) }
    let split = (mode - a) / (b - a)
    return u < split ? a + (u * (b - a) * (mode - a)).squareRoot() : b - ((1 - u) * (b - a) * (b - mode)).squareRoot()
  }
}
