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
        .mixedDayUnits(context.file.text(mixed.range), length: mixed.length, at: mixed.range)
      }
    }
    return findings
  }

  /// `184h`, `7h30m`: hours, minutes and seconds, which mean the same in working and calendar time.
  static func inHours(_ length: Duration) -> String {
    guard length.seconds > 0 else { return "0s" }
    var rest = length.seconds
    var text = ""
    for (unit, size) in [("h", Int64(3_600)), ("m", 60), ("s", 1)] where rest >= size {
      text += "\(rest / size)\(unit)"
      rest %= size
    }
    return text
  }
}

extension Message {
  static func mixedDayUnits(_ written: String, length: Duration, at range: SourceRange) -> Message {
    let hours = DurationsKeepToOneKindOfDay.inHours(length)
    return Message(
      text: "`\(written)` mixes working days or weeks (`wd`, `ww`) with calendar ones (`d`, `w`)",
      label: "two kinds of day",
      help: "effort (`time`) is counted in working time and waits in calendar time: keep to one kind, or write "
        + "the length in hours (`\(hours)`)",
      fixes: [.replace(range, with: hours, "write `\(hours)`", safety: .safe)])
  }
}
