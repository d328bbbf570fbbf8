import VStreamModel
import VStreamSource
import VStreamSyntax

extension CheckRun {
  /// Each step's activity (VS307, VS308, VS409), practices (VS309, VS401, VS408, VS410) and metrics (VS310).
  mutating func checkSteps() {
    // Sized once; on a large stream in huge pages where the system has them (see `HugePages`).
    activities = HugePages.reservedArray(capacity: steps.count)
    practiceEnds = HugePages.reservedArray(capacity: steps.count)
    processTimes = HugePages.reservedArray(capacity: steps.count)
    waitTimes = HugePages.reservedArray(capacity: steps.count)
    completeAccurate = HugePages.reservedArray(capacity: steps.count)
    stepPractices = HugePages.reservedArray(capacity: 4 * steps.count)
    practiceLastStep = [Int](repeating: -1, count: configuration.catalogue.all.count)
    practiceFirstRange = [SourceRange](repeating: SourceRange(start: 0, end: 0), count: configuration.catalogue.all.count)
    let bytes = file.bytes
    for (index, step) in steps.enumerated() {
      let attributes = StepAttributes(of: step, in: syntax)
      activities.append(resolveActivity(step, attributes.activity, bytes))
      resolvePractices(step, attributes.practices, number: index, bytes)
      practiceEnds.append(Int32(stepPractices.count))
      processTimes.append(Self.duration(attributes.time, file: file, secondsPerUnit: secondsPerUnit))
      waitTimes.append(Self.duration(attributes.wait, file: file, secondsPerUnit: secondsPerUnit))
      completeAccurate.append(percentage(attributes.completeAccurate))
    }
  }

  /// The attributes of a step that its rules read, found in one pass over its attribute lines (the parser keeps at
  /// most one of each kind) rather than one pass for each kind.
  struct StepAttributes {
    var activity: AttributeSyntax?
    var practices: AttributeSyntax?
    var time: AttributeSyntax?
    var wait: AttributeSyntax?
    var completeAccurate: AttributeSyntax?

    init(of step: DeclarationSyntax, in syntax: FileSyntax) {
      for index in step.attributeSpan.indices {
        switch syntax.attributeList[index].kind {
        case .activity: activity = syntax.attributeList[index]
        case .practices: practices = syntax.attributeList[index]
        case .time: time = syntax.attributeList[index]
        case .wait: wait = syntax.attributeList[index]
        case .ca: completeAccurate = syntax.attributeList[index]
        case .roles, .note, .from, .for: break
        }
      }
    }
  }

  mutating func resolveActivity(_ step: DeclarationSyntax, _ attribute: AttributeSyntax?, _ bytes: SourceBytes) -> Activity? {
    guard let attribute else {
      if !syntax.hasErrorsInside(step) {
        report(
          CheckMessages.missingActivity, "step `\(text(step.identifier) ?? "?")` has no activity", at: anchor(step),
          label: "no `activity`", help: "add `activity engage` (or plan, improve, design-and-transition, obtain-build, deliver-and-support)")
      }
      return nil
    }
    guard case .word(let word) = attribute.value else { return nil }
    let resolution: Resolution<Activity>
    if let known = activityResolutions.find(bytes, word.range) {
      resolution = activityResolutions.value(at: known)
    } else {
      resolution = Activity.resolve(word.text(in: file))
      activityResolutions.insert(bytes, word.range, value: resolution)
    }
    if case .canonical(let activity) = resolution { return activity }
    let written = word.text(in: file)
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

  /// Appends the step's practices to `stepPractices`, repeats and unknown names left out.
  mutating func resolvePractices(
    _ step: DeclarationSyntax, _ attribute: AttributeSyntax?, number stepNumber: Int, _ bytes: SourceBytes
  ) {
    guard let attribute, case .words(let span) = attribute.value, !span.isEmpty
    else {
      if !syntax.hasErrorsInside(step) {
        report(
          CheckMessages.noPractices, "step `\(text(step.identifier) ?? "?")` names no practices", at: anchor(step),
          label: "no `practices`", help: "add the practices that support it, e.g. `practices service-desk`")
      }
      return
    }
    for word in syntax.words(span) {
      let (entry, spelling) = practiceEntry(word, bytes)
      guard entry.number >= 0 else {
        let suggestions = practiceSuggestions[spelling] ?? []
        report(
          CheckMessages.unknownPractice, "unknown practice `\(word.text(in: file))`", at: word.range, label: "not in the catalogue",
          help: suggestions.isEmpty
            ? "`vstream practices` lists the practices; declare your own in vstream.yml"
            : "did you mean " + suggestions.map { "`\($0)`" }.joined(separator: " or ") + "?")
        continue
      }
      // The id is only read for a finding (a copy of a string for each practice named would cost more than the rest).
      if entry.isAlias {
        let id = configuration.catalogue.all[entry.number].id
        report(
          CheckMessages.practiceAlias, "`\(word.text(in: file))` is an older name for `\(id)`", at: word.range,
          label: "older name", help: "write `\(id)`; `vstream fmt` does this")
      }
      if practiceLastStep[entry.number] == stepNumber {
        let id = configuration.catalogue.all[entry.number].id
        report(
          CheckMessages.duplicatePractice, "`\(id)` is named twice in this step", at: word.range, label: "again",
          secondary: [Diagnostic.Label(range: practiceFirstRange[entry.number], message: "first named here")],
          help: "remove the repeat")
        continue
      }
      practiceLastStep[entry.number] = stepNumber
      practiceFirstRange[entry.number] = word.range
      stepPractices.append(Int32(entry.number))
    }
  }

  /// The practice a word names: looked up from the bytes when it is written exactly as an id or alias, else resolved
  /// once per distinct spelling. Also the spelling's entry number in `practiceResolutions` (-1 for an exact one).
  mutating func practiceEntry(_ word: WordSyntax, _ bytes: SourceBytes) -> (PracticeEntry, spelling: Int) {
    if let exact = bytes.withUnsafeBufferPointer({ configuration.catalogue.exactSpelling($0, word.range) }) {
      return (PracticeEntry(number: exact.index, isAlias: exact.isAlias), -1)
    }
    if let known = practiceResolutions.find(bytes, word.range) { return (practiceResolutions.value(at: known), known) }
    let catalogue = configuration.catalogue
    let resolution = catalogue.resolve(word.text(in: file))
    let entry = PracticeEntry(number: resolution.entry.map { catalogue.index(of: $0.id) } ?? -1, isAlias: resolution.isAlias)
    let spelling = practiceResolutions.insert(bytes, word.range, value: entry)
    if case .unknown(let found) = resolution, !found.isEmpty { practiceSuggestions[spelling] = found }
    return (entry, spelling)
  }

  static func duration(_ attribute: AttributeSyntax?, file: SourceFile, secondsPerUnit unitSeconds: [Int64]) -> Duration? {
    guard let attribute = attribute, case .duration(let duration) = attribute.value else { return nil }
    var total = Duration.zero
    duration.forEachPart(in: file) { part in
      let (seconds, overflow) = part.amount.multipliedReportingOverflow(by: unitSeconds[part.unit.rank])
      total = total + Duration(seconds: overflow ? .max : seconds)
    }
    return total
  }

  mutating func percentage(_ attribute: AttributeSyntax?) -> Percentage? {
    guard let attribute, case .percentage(let percentage) = attribute.value else { return nil }
    let hundredths = percentage.hundredths(in: file)
    if hundredths > 10_000 {
      report(
        CheckMessages.percentageOutOfRange, "%complete/accurate cannot be above 100%", at: percentage.range,
        label: "\(Percentage(hundredths: hundredths).formatted)",
        help: "`ca` is the share of the output the next step can use as is, from 0% to 100%")
      return nil
    }
    return Percentage(hundredths: hundredths)
  }
}
