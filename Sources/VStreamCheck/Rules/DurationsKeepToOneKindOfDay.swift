import VStreamModel
import VStreamSource

/// A duration counts either working days and weeks (`wd`, `ww`) or calendar ones (`d`, `w`), not both (VS335):
/// `1w2wd` adds a week of the calendar to two days of work, which measures nothing. The safe fix writes the same
/// length in hours, which are the same in both.
enum DurationsKeepToOneKindOfDay: CheckRule {
  static func findings(in context: CheckContext) -> Findings {
    var findings = context.findings()
    for mixed in context.steps.mixedDurations {
      findings.add(.mixedDayUnits, at: mixed.range) {
        .mixedDayUnits(context.file.text(mixed.range), hours: mixed.hours, at: mixed.range)
      }
    }
    return findings
  }

}

extension Message {
  static func mixedDayUnits(_ written: String, hours: String, at range: SourceRange) -> Message {
    Message(
      text: "`\(written)` mixes working days or weeks (`wd`, `ww`) with calendar ones (`d`, `w`)",
      label: "two kinds of day",
      help: "effort (`time`) is counted in working time and waits in calendar time: keep to one kind, or write "
        + "the length in hours (`\(hours)`)",
      fixes: [.replace(range, with: hours, "write `\(hours)`", safety: .safe)])
  }
}
