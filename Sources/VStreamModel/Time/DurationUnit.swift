/// The units a duration is written in, largest first: `1w2d3h4m5s`, `1ww2wd3h`.
///
/// `w` and `d` are calendar time (7 days, 24 hours), for waits and lead times; `ww` and `wd` are working time (a
/// working week and day, 5 × 8 h unless `vstream.yml` says otherwise), for effort. `h`, `m` and `s` are exact.
public enum DurationUnit: String, CaseIterable, Sendable, Hashable {
  case workingWeek = "ww"
  case week = "w"
  case workingDay = "wd"
  case day = "d"
  case hour = "h"
  case minute = "m"
  case second = "s"

  /// How many seconds one unit is; days and weeks depend on the settings. Saturates at `Int64.max` for absurd ones.
  public func seconds(in settings: DurationSettings) -> Int64 {
    switch self {
    case .workingWeek: return Self.product(settings.secondsPerWorkingDay, settings.workingDaysPerWeek)
    case .week: return Self.product(settings.secondsPerDay, settings.daysPerWeek)
    case .workingDay: return settings.secondsPerWorkingDay
    case .day: return settings.secondsPerDay
    case .hour: return 3_600
    case .minute: return 60
    case .second: return 1
    }
  }

  /// The calendar units and the exact ones, largest first: what a duration is printed in.
  public static let calendarAndExact: [DurationUnit] = [.week, .day, .hour, .minute, .second]

  private static func product(_ a: Int64, _ b: Int64) -> Int64 {
    let (product, overflow) = a.multipliedReportingOverflow(by: b)
    return overflow ? .max : product
  }
}
