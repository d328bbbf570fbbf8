/// An exact length of time in whole seconds.
///
/// Arithmetic saturates at `Int64.min` and `Int64.max` instead of trapping: the parser bounds each amount, so only
/// absurd streams come near the limit, and a metric pinned at the maximum is better than a crash. Durations written
/// in files are never negative; `-` exists for differences and for `AdditiveArithmetic`.
public struct Duration: Hashable, Comparable, Sendable, AdditiveArithmetic, CustomStringConvertible {
  /// The length in seconds; never negative for a duration written in a file.
  public var seconds: Int64

  public init(seconds: Int64) { self.seconds = seconds }

  /// `amount` of `unit`, with days and weeks as `settings` define them; saturates like `+`.
  public init(_ amount: Int64, _ unit: DurationUnit, settings: DurationSettings = .calendar) {
    let (product, overflow) = amount.multipliedReportingOverflow(by: unit.seconds(in: settings))
    seconds = overflow ? (amount < 0 ? .min : .max) : product
  }

  /// No time at all.
  public static let zero = Duration(seconds: 0)

  /// The sum, saturating.
  public static func + (lhs: Duration, rhs: Duration) -> Duration {
    let (sum, overflow) = lhs.seconds.addingReportingOverflow(rhs.seconds)
    return Duration(seconds: overflow ? (rhs.seconds < 0 ? .min : .max) : sum)
  }

  /// The difference, saturating.
  public static func - (lhs: Duration, rhs: Duration) -> Duration {
    let (difference, overflow) = lhs.seconds.subtractingReportingOverflow(rhs.seconds)
    return Duration(seconds: overflow ? (rhs.seconds < 0 ? .max : .min) : difference)
  }

  public static func < (lhs: Duration, rhs: Duration) -> Bool { lhs.seconds < rhs.seconds }

  /// The canonical text, largest units first, each at most once, zero parts left out: `1h30m`, `2d4h`, `0s`.
  /// Days and weeks are as long as `settings` say, so the same duration reads `1d1h` with a working day of 8 h.
  /// The text parses back to the same duration under the same settings.
  public func formatted(_ settings: DurationSettings) -> String {
    guard seconds != 0 else { return "0s" }
    // The magnitude of Int64.min does not fit in Int64.
    var rest = seconds.magnitude
    var text = seconds < 0 ? "-" : ""
    for unit in DurationUnit.calendarAndExact {
      let size = unit.seconds(in: settings)
      guard size > 0, rest >= UInt64(size) else { continue }
      text += "\(rest / UInt64(size))\(unit.rawValue)"
      rest %= UInt64(size)
    }
    return text
  }

  /// The text in hours, minutes and seconds, which mean the same in working and calendar time: `184h`, `7h30m`.
  public var inHours: String {
    // Days too long to fit leave the canonical text in hours, minutes and seconds.
    formatted(DurationSettings(secondsPerDay: .max, daysPerWeek: 1))
  }

  /// The text with calendar days and weeks (24 h, 7 d): `1h30m`.
  public var description: String { formatted(.calendar) }
}
