/// An exact length of time in whole seconds.
public struct Duration: Hashable, Comparable, Sendable {
  public var seconds: Int64

  public init(seconds: Int64) { self.seconds = seconds }

  public static let zero = Duration(seconds: 0)

  /// Sums saturate rather than trap: the parser bounds each amount, so only absurd streams could get near the limit,
  /// and a metric pinned at the maximum is better than a crash.
  public static func + (lhs: Duration, rhs: Duration) -> Duration {
    let (sum, overflow) = lhs.seconds.addingReportingOverflow(rhs.seconds)
    return Duration(seconds: overflow ? Int64.max : sum)
  }

  public static func < (lhs: Duration, rhs: Duration) -> Bool { lhs.seconds < rhs.seconds }

  /// `1h30m`, `2d4h`, `0s`: largest units first, days and weeks as the settings define them.
  public func formatted(_ settings: DurationSettings) -> String {
    guard seconds > 0 else { return "0s" }
    var rest = seconds
    var text = ""
    let units: [(String, Int64)] = [
      ("w", settings.secondsPerDay * settings.daysPerWeek), ("d", settings.secondsPerDay), ("h", 3_600), ("m", 60), ("s", 1),
    ]
    for (unit, size) in units where size > 0 && rest >= size {
      text += "\(rest / size)\(unit)"
      rest %= size
    }
    return text
  }
}

/// How long a day and a week are: calendar (24 h, 7 d) by default, or a working day and week from `vstream.yml`.
public struct DurationSettings: Hashable, Sendable {
  public var secondsPerDay: Int64
  public var daysPerWeek: Int64

  public init(secondsPerDay: Int64 = 86_400, daysPerWeek: Int64 = 7) {
    self.secondsPerDay = secondsPerDay
    self.daysPerWeek = daysPerWeek
  }

  public static let calendar = DurationSettings()

  public static func working(hoursPerDay: Int64, daysPerWeek: Int64) -> DurationSettings {
    DurationSettings(secondsPerDay: hoursPerDay * 3_600, daysPerWeek: daysPerWeek)
  }

  /// Seconds in one unit (`w`, `d`, `h`, `m`, `s`).
  public func seconds(per unit: String) -> Int64 {
    switch unit {
    case "w": return secondsPerDay * daysPerWeek
    case "d": return secondsPerDay
    case "h": return 3_600
    case "m": return 60
    default: return 1
    }
  }
}

/// A percentage kept exact as hundredths of a percent: 92.5% is 9250.
public struct Percentage: Hashable, Comparable, Sendable {
  public var hundredths: Int64

  public init(hundredths: Int64) { self.hundredths = hundredths }

  public var fraction: Double { Double(hundredths) / 10_000 }

  public static func < (lhs: Percentage, rhs: Percentage) -> Bool { lhs.hundredths < rhs.hundredths }

  /// `90%`, `92.5%`, `97.25%`.
  public var formatted: String {
    let whole = hundredths / 100
    let fraction = hundredths % 100
    if fraction == 0 { return "\(whole)%" }
    if fraction % 10 == 0 { return "\(whole).\(fraction / 10)%" }
    return "\(whole).\(fraction < 10 ? "0" : "")\(fraction)%"
  }
}
