/// How long days and weeks are when durations are read and printed.
///
/// Calendar days and weeks (`d`, `w`) are 24 h and 7 d; working days and weeks (`wd`, `ww`) are 8 h and 5 wd by
/// default, and `vstream.yml` sets them (`time: working-day: 7h30m`, `working-week: 4`). Process time (`time`) is
/// effort, counted in working time; wait and lead time are elapsed, counted in calendar time.
///
/// Before working units existed, `time: hours-per-day` and `days-per-week` changed what `d` and `w` mean, for waits
/// as well as effort. Such a setting still does (``legacy(hoursPerDay:daysPerWeek:)``), so that old files keep
/// their figures, and `vstream fmt` rewrites their `d` and `w` as `wd` and `ww`, which mean the same.
public struct DurationSettings: Hashable, Sendable {
  /// How long `1d` is: 24 h, except under a legacy setting.
  public var secondsPerDay: Int64
  /// How many days `1w` is: 7, except under a legacy setting.
  public var daysPerWeek: Int64
  /// How long `1wd` is.
  public var secondsPerWorkingDay: Int64
  /// How many working days `1ww` is.
  public var workingDaysPerWeek: Int64
  /// How durations are printed for people.
  public var display: DurationDisplay

  public init(
    secondsPerDay: Int64 = 86_400, daysPerWeek: Int64 = 7, secondsPerWorkingDay: Int64 = 28_800,
    workingDaysPerWeek: Int64 = 5, display: DurationDisplay = .days
  ) {
    self.secondsPerDay = secondsPerDay
    self.daysPerWeek = daysPerWeek
    self.secondsPerWorkingDay = secondsPerWorkingDay
    self.workingDaysPerWeek = workingDaysPerWeek
    self.display = display
  }

  /// Calendar days and weeks of 24 h and 7 d, working days and weeks of 8 h and 5 d. The default.
  public static let calendar = DurationSettings()

  /// The old `hours-per-day`/`days-per-week` setting: `d` and `w` (and `wd` and `ww`) are `hoursPerDay` hours and
  /// `daysPerWeek` days, for waits as well as effort.
  public static func legacy(hoursPerDay: Int64, daysPerWeek: Int64) -> DurationSettings {
    DurationSettings(
      secondsPerDay: hoursPerDay * 3_600, daysPerWeek: daysPerWeek, secondsPerWorkingDay: hoursPerDay * 3_600,
      workingDaysPerWeek: daysPerWeek)
  }

  /// Whether `d` and `w` are not the calendar's (a legacy setting): then `fmt` writes them as `wd` and `ww`.
  public var calendarUnitsAreRedefined: Bool { secondsPerDay != 86_400 || daysPerWeek != 7 }

  /// Seconds in one week.
  public var secondsPerWeek: Int64 { DurationUnit.week.seconds(in: self) }

  /// Seconds in one unit written as text (`ww`, `w`, `wd`, `d`, `h`, `m`, `s`); any other text counts as seconds.
  public func seconds(per unit: String) -> Int64 {
    (DurationUnit(rawValue: unit) ?? .second).seconds(in: self)
  }
}
