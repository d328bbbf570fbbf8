import VStreamModel
import VStreamSource
import VStreamSyntax

extension CheckRun {
  /// Each step's activity (VS307, VS308, VS409), practices (VS309, VS401, VS408, VS410) and metrics (VS310).
  mutating func checkSteps() {
    for step in steps {
      activities.append(resolveActivity(step))
      practices.append(resolvePractices(step))
      processTimes.append(duration(step.attribute(.time)))
      waitTimes.append(duration(step.attribute(.wait)))
      completeAccurate.append(percentage(step))
    }
  }

  mutating func resolveActivity(_ step: DeclarationSyntax) -> Activity? {
    guard let attribute = step.attribute(.activity) else {
      if !step.hasErrorsInside {
        report(
          CheckMessages.missingActivity, "step `\(text(step.identifier) ?? "?")` has no activity", at: anchor(step),
          label: "no `activity`", help: "add `activity engage` (or plan, improve, design-and-transition, obtain-build, deliver-and-support)")
      }
      return nil
    }
    guard case .word(let word) = attribute.value else { return nil }
    let written = word.text(in: file)
    let resolution = activityResolutions[written] ?? Activity.resolve(written)
    activityResolutions[written] = resolution
    switch resolution {
    case .canonical(let activity):
      return activity
    case .alias(let activity, _):
      report(
        CheckMessages.activityAlias, "`\(written)` is written `\(activity.id)`", at: word.range, label: "alternative spelling",
        help: "write `activity \(activity.id)`; `vstream fmt` does this")
      return activity
    case .unknown(let suggestions):
      report(
        CheckMessages.unknownActivity, "unknown activity `\(written)`", at: word.range, label: "not a value chain activity",
        notes: ["the activities are plan, improve, engage, design-and-transition, obtain-build, deliver-and-support"],
        help: suggestions.first.map { "did you mean `\($0)`?" })
      return nil
    }
  }

  mutating func resolvePractices(_ step: DeclarationSyntax) -> [String] {
    guard let attribute = step.attribute(.practices), case .words(let words) = attribute.value, !words.isEmpty else {
      if !step.hasErrorsInside {
        report(
          CheckMessages.noPractices, "step `\(text(step.identifier) ?? "?")` names no practices", at: anchor(step),
          label: "no `practices`", help: "add the practices that support it, e.g. `practices service-desk`")
      }
      return []
    }
    var ids: [String] = []
    var firstRange: [String: SourceRange] = [:]
    for word in words {
      let written = word.text(in: file)
      let resolution = practiceResolutions[written] ?? configuration.catalogue.resolve(written)
      practiceResolutions[written] = resolution
      guard let practice = resolution.entry else {
        if case .unknown(let suggestions) = resolution {
          report(
            CheckMessages.unknownPractice, "unknown practice `\(written)`", at: word.range, label: "not in the catalogue",
            help: suggestions.isEmpty
              ? "`vstream practices` lists the practices; declare your own in vstream.yml"
              : "did you mean " + suggestions.map { "`\($0)`" }.joined(separator: " or ") + "?")
        }
        continue
      }
      if case .alias = resolution {
        report(
          CheckMessages.practiceAlias, "`\(written)` is an older name for `\(practice.id)`", at: word.range, label: "older name",
          help: "write `\(practice.id)`; `vstream fmt` does this")
      }
      if let earlier = firstRange[practice.id] {
        report(
          CheckMessages.duplicatePractice, "`\(practice.id)` is named twice in this step", at: word.range, label: "again",
          secondary: [Diagnostic.Label(range: earlier, message: "first named here")], help: "remove the repeat")
        continue
      }
      firstRange[practice.id] = word.range
      ids.append(practice.id)
    }
    return ids
  }

  func duration(_ attribute: AttributeSyntax?) -> Duration? {
    guard let attribute = attribute, case .duration(let duration) = attribute.value else { return nil }
    var total = Duration.zero
    for part in duration.parts {
      let (seconds, overflow) = part.amount.multipliedReportingOverflow(by: configuration.durationSettings.seconds(per: part.unit.rawValue))
      total = total + Duration(seconds: overflow ? .max : seconds)
    }
    return total
  }

  mutating func percentage(_ step: DeclarationSyntax) -> Percentage? {
    guard let attribute = step.attribute(.ca), case .percentage(let percentage) = attribute.value else { return nil }
    if percentage.hundredths > 10_000 {
      report(
        CheckMessages.percentageOutOfRange, "%complete/accurate cannot be above 100%", at: percentage.range,
        label: "\(Percentage(hundredths: percentage.hundredths).formatted)",
        help: "`ca` is the share of the output the next step can use as is, from 0% to 100%")
      return nil
    }
    return Percentage(hundredths: percentage.hundredths)
  }
}
