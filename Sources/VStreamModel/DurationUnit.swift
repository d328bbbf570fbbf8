/// The units a duration is written in, largest first: `1w2d3h4m5s`.
public enum DurationUnit: String, CaseIterable, Sendable, Hashable {
  case week = "w"
  case day = "d"
  case hour = "h"
  case minute = "m"
  case second = "s"

  /// How many seconds one unit is; days and weeks depend on the settings. Saturates at `Int64.max` for absurd ones.
  public func seconds(in settings: DurationSettings) -> Int64 {
    switch self {
    case .week:
      let (product, overflow) = settings.secondsPerDay.multipliedReportingOverflow(by: settings.daysPerWeek)
      return overflow ? .max : product
    case .day: return settings.secondsPerDay
    case .hour: return 3_600
    case .minute: return 60
    case .second: return 1
    }
  }
}
