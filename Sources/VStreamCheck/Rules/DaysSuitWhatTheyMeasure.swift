import VStreamModel
import VStreamSource

/// Effort is counted in working days and waits in calendar days (VS426, VS427).
///
/// `time 1d` is a calendar day of 24 hours of hands-on work, three working days, which is rarely what was meant;
/// `wait 2wd` counts two working days of 8 hours, 16 hours, not two days on the calendar. Each fix writes the other
/// kind of day, which changes the figure, so it is unsafe. Under a legacy `hours-per-day` setting `d` is a working
/// day already and neither is reported (VS505 says so once); a file moved off it by `vstream fmt` meets VS427 once per
/// wait, because its waits were counted in working days.
enum DaysSuitWhatTheyMeasure: CheckRule {
  static func findings(in context: CheckContext) -> Findings {
    var findings = context.findings()
    let day = Duration(seconds: context.configuration.durationSettings.secondsPerWorkingDay).inHours
    let week = context.configuration.durationSettings.workingDaysPerWeek
    for effort in context.steps.effortInCalendarDays {
      findings.add(.effortInCalendarDays, at: effort.range) {
        .effortInCalendarDays(
          context.file.text(effort.range), working: effort.working, day: day, week: week, at: effort.range)
      }
    }
    for wait in context.steps.waitsInWorkingDays {
      findings.add(.waitInWorkingDays, at: wait.range) {
        .waitInWorkingDays(context.file.text(wait.range), calendar: wait.calendar, day: day, at: wait.range)
      }
    }
    return findings
  }
}

extension Message {
  static func effortInCalendarDays(
    _ written: String, working: String, day: String, week: Int64, at range: SourceRange
  ) -> Message {
    .otherKindOfDay(
      "process time `\(written)` counts each calendar day as 24 hours of work", label: "calendar days of effort",
      help: "effort is counted in working days (`wd`, \(day)) and weeks (`ww`, \(week) wd): write `\(working)`, or the "
        + "hours meant",
      replacement: working, at: range)
  }

  static func waitInWorkingDays(_ written: String, calendar: String, day: String, at range: SourceRange) -> Message {
    .otherKindOfDay(
      "wait `\(written)` counts working days of \(day), not days on the calendar", label: "working days of waiting",
      help: "a wait is elapsed time: write calendar days and weeks (`\(calendar)`), or the hours meant",
      replacement: calendar, at: range)
  }

  /// Both findings' fix writes the other kind of day, which changes the figure: unsafe.
  private static func otherKindOfDay(
    _ text: String, label: String, help: String, replacement: String, at range: SourceRange
  ) -> Message {
    Message(
      text: text, label: label, help: help,
      fixes: [.replace(range, with: replacement, "write `\(replacement)`", safety: .unsafe)])
  }
}
