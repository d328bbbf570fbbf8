import VStreamModel
import VStreamSource
import VStreamYAML

/// The `time` section of `vstream.yml`:
///
/// ```yaml
/// time:
///   working-day: 8h       # how long `1wd` is (default 8h, at most 24h)
///   working-week: 5       # how many working days `1ww` is (default 5, at most 7)
///   display: days         # days | units | hours | compact: how durations are printed for people
/// ```
///
/// The older keys `hours-per-day` and `days-per-week` redefined `d` and `w` for waits as well as effort. They still
/// do, so that old files keep their figures, with one VS505 that says how to move on.
extension ConfigurationReader {
  static let timeKeys = ["working-day", "working-week", "display", "hours-per-day", "days-per-week"]

  mutating func time(_ node: YAMLNode) -> DurationSettings {
    var settings = DurationSettings.calendar
    var legacyHours: Int64?
    var legacyDays: Int64?
    var legacyKey: YAMLNode?
    for entry in mapping(node, "time") {
      switch entry.key.scalar {
      case "working-day":
        if let seconds = workingDay(entry.value) { settings.secondsPerWorkingDay = seconds }
      case "working-week":
        if let days = integer(entry.value, in: 1...7) { settings.workingDaysPerWeek = days }
      case "display":
        if let display = entry.value.scalar.flatMap(DurationDisplay.init(rawValue:)) {
          settings.display = display
        } else {
          invalid(
            entry.value, "`\(entry.value.scalar ?? "")` is not a way to print durations",
            help: "use \(DurationDisplay.allCases.map(\.rawValue).joined(separator: ", "))")
        }
      // A legacy value that cannot be read is VS502 alone, and leaves the calendar as it is.
      case "hours-per-day":
        guard let hours = integer(entry.value, in: 1...24) else { continue }
        legacyHours = hours
        legacyKey = legacyKey ?? entry.key
      case "days-per-week":
        guard let days = integer(entry.value, in: 1...7) else { continue }
        legacyDays = days
        legacyKey = legacyKey ?? entry.key
      default:
        unknownKey(entry.key, among: Self.timeKeys)
      }
    }
    guard let legacyKey else { return settings }
    let hours = legacyHours ?? 24
    let days = legacyDays ?? 7
    var legacy = DurationSettings.legacy(hoursPerDay: hours, daysPerWeek: days)
    legacy.display = settings.display
    report(
      .configLegacyDays, .warning,
      "`\(legacyKey.scalar ?? "")` makes `d` and `w` \(hours) hours and \(days) days for waits as well as effort",
      at: legacyKey,
      help: "run `vstream fmt` to write days and weeks as working ones (`wd`, `ww`; same figures), then write "
        + "`working-day: \(hours)h` and `working-week: \(days)` here instead")
    return legacy
  }

  /// The `targets` section: `measure: main | worst-case | p85`, the lead time held against `target-lead-time` (the severity
  /// of the finding is the rule's, `lead-time-over-target`, under `rules`).
  mutating func targetMeasure(_ node: YAMLNode) -> LeadTimeTarget.Measure {
    var measure = LeadTimeTarget.Measure.main
    for entry in mapping(node, "targets") {
      guard entry.key.scalar == "measure" else {
        unknownKey(entry.key, among: ["measure"])
        continue
      }
      if let chosen = entry.value.scalar.flatMap(LeadTimeTarget.Measure.init(rawValue:)) {
        measure = chosen
      } else {
        invalid(
          entry.value, "`\(entry.value.scalar ?? "")` is not a lead time to hold against a target",
          help: "use \(LeadTimeTarget.Measure.allCases.map(\.rawValue).joined(separator: " or "))")
      }
    }
    return measure
  }

  /// A working day written `8h`, `7h30m` or `450m`: at most 24 hours.
  mutating func workingDay(_ node: YAMLNode) -> Int64? {
    let text = node.scalar ?? ""
    guard let seconds = Self.hoursAndMinutes(text), seconds > 0 else {
      invalid(node, "expected a working day in hours and minutes, found `\(text)`", help: "write `working-day: 8h`")
      return nil
    }
    guard seconds <= 86_400 else {
      diagnostics.append(
        Diagnostic(
          code: .configDayTooLong, severity: .error,
          message: "a working day cannot be longer than 24 hours", range: node.range,
          help: "a working day is the hours one person works in a day, usually 7h30m or 8h",
          fixes: [.replace(node.range, with: "8h", "write `8h`", safety: .unsafe)]))
      return nil
    }
    return seconds
  }

  /// `8h`, `7h30m`, `90m` as seconds; nil for anything else (days are not allowed: a day is what is being defined).
  static func hoursAndMinutes(_ text: String) -> Int64? {
    var seconds: Int64 = 0
    var amount: Int64?
    var lastUnit = ""
    for character in text {
      if let digit = character.wholeNumberValue, character.isASCII {
        amount = (amount ?? 0) * 10 + Int64(digit)
        if amount! > 1_000_000 { return nil }
        continue
      }
      guard let value = amount, character == "h" || character == "m", lastUnit != "m", lastUnit != String(character)
      else { return nil }
      seconds += value * (character == "h" ? 3_600 : 60)
      lastUnit = String(character)
      amount = nil
    }
    return amount == nil && !lastUnit.isEmpty ? seconds : nil
  }
}
