/// How long a day and a week are when durations are read and printed.
///
/// The default is the calendar: 1d = 24 h, 1w = 7 d, so that `wait 2d` means two days of elapsed time. Teams who
/// count working time configure a working day and week in `vstream.yml` (e.g. 8 h and 5 d).
public struct DurationSettings: Hashable, Sendable {
  /// How long `1d` is.
  public var secondsPerDay: Int64
  /// How many days `1w` is.
  public var daysPerWeek: Int64

  public init(secondsPerDay: Int64 = 86_400, daysPerWeek: Int64 = 7) {
    self.secondsPerDay = secondsPerDay
    self.daysPerWeek = daysPerWeek
  }

  /// Calendar time: 24 h days, 7 d weeks. The default.
  public static let calendar = DurationSettings()

  /// Working time: days of `hoursPerDay` hours, weeks of `daysPerWeek` days.
  public static func working(hoursPerDay: Int64, daysPerWeek: Int64) -> DurationSettings {
    DurationSettings(secondsPerDay: hoursPerDay * 3_600, daysPerWeek: daysPerWeek)
  }

  /// Seconds in one week.
  public var secondsPerWeek: Int64 { DurationUnit.week.seconds(in: self) }

  /// Seconds in one unit written as text (`w`, `d`, `h`, `m`, `s`); any other text counts as seconds.
  public func seconds(per unit: String) -> Int64 {
    (DurationUnit(rawValue: unit) ?? .second).seconds(in: self)
  }
}
