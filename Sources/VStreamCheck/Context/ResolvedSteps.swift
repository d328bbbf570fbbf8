import VStreamModel
import VStreamSource
import VStreamSyntax

/// The second phase, beside ``Names`` and ``FlowGraph``: each step's activity, practices, durations and %C/A read
/// from what is written, and what could not be read, for the rules to report.
///
/// Per step the values are nil where the attribute is missing or wrong. Every step's practices are positions in the
/// catalogue, step after step in one array: step `i`'s are `practices(ofStep: i)` (one array of small numbers for
/// the file rather than an array of strings per step).
struct ResolvedSteps {
  var activities: [Activity?] = []
  var practiceNumbers: [Int32] = []
  var practiceEnds: [Int32] = []
  var processTimes: [Duration?] = []
  var waitTimes: [Duration?] = []
  /// Whether each step's wait is planned (`wait 4w planned`), not queueing.
  var plannedWaits: [Bool] = []
  var completeAccurate: [Percentage?] = []

  /// Steps with no `activity` line and no syntax error inside (VS307).
  var stepsWithoutActivity: [Int] = []
  /// Activities written as an alias (VS409): where, and the activity meant.
  var activityAliases: [(range: SourceRange, activity: Activity)] = []
  /// Activities of a framework other than the one in force (VS350): where, the activity, and the step.
  var otherFrameworkActivities: [(range: SourceRange, activity: Activity, step: Int)] = []
  /// Activities not known (VS308), with the closest one, or, for several words that are several activities, those
  /// activities (a step has one).
  var unknownActivities: [(range: SourceRange, suggestion: String?, several: [String]?)] = []
  /// Steps with no practice named and no syntax error inside (VS401).
  var stepsWithoutPractices: [Int] = []
  /// Practices not in the catalogue (VS309), with up to three it may have meant, or, for several words that are
  /// several practices written without their commas, those practices as written.
  var unknownPractices: [(range: SourceRange, suggestions: [String], commasLeftOut: [String]?)] = []
  /// Practices written as an older name (VS408): where, and the practice's position in the catalogue.
  var practiceAliases: [(range: SourceRange, practice: Int)] = []
  /// ITIL v3 names that no single ITIL 4 practice replaces (VS416): where, and what replaced it.
  var retiredPractices: [(range: SourceRange, retired: RetiredPractice)] = []
  /// Practices named twice in one step (VS410): where again, where first, and the practice.
  var repeatedPractices: [(range: SourceRange, first: SourceRange, practice: Int)] = []
  /// Durations that mix working units (`wd`, `ww`) with calendar ones (`d`, `w`) (VS335): where, and their length.
  var mixedDurations: [(range: SourceRange, hours: String)] = []
  /// Process times written in calendar days or weeks (VS426): where, and the text in working units. Empty under a
  /// legacy `hours-per-day` setting, where `d` is a working day already (VS505 says so once).
  var effortInCalendarDays: [(range: SourceRange, working: String)] = []
  /// Waits written in working days or weeks (VS427): where, and the text in calendar units. Empty under a legacy
  /// setting too.
  var waitsInWorkingDays: [(range: SourceRange, calendar: String)] = []
  /// The durations written as ranges or three-point estimates, in step order (few streams have many: a sparse
  /// list rather than two more entries per step). Their step's time or wait is the estimate's mean.
  var estimates: [(step: Int, isWait: Bool, estimate: Estimate)] = []
  /// Steps' own target lead times (`target 4h`, an OLA), in step order: the step, the target and where it is written.
  var stepTargets: [(step: Int, target: Duration, range: SourceRange)] = []
  /// Ranges whose least value is above their most (VS337): where, and the estimates in order.
  var invertedRanges: [(range: SourceRange, ordered: String)] = []
  /// Three-point estimates whose most likely value is outside their range (VS338): where, and the estimates in
  /// order.
  var likelyOutsideRange: [(range: SourceRange, ordered: String)] = []
  /// %C/A values above 100% (VS310), in hundredths of a percent.
  var completeAccurateAboveWhole: [(range: SourceRange, hundredths: Int64)] = []

  /// Step `index`'s own target, when it states one.
  func target(ofStep index: Int) -> Duration? {
    guard !stepTargets.isEmpty else { return nil }
    // In step order: a binary search.
    var (low, high) = (0, stepTargets.count)
    while low < high {
      let middle = (low + high) / 2
      if stepTargets[middle].step < index { low = middle + 1 } else { high = middle }
    }
    return low < stepTargets.count && stepTargets[low].step == index ? stepTargets[low].target : nil
  }

  /// Step `index`'s estimate of its time or wait, when written as a range.
  func estimate(ofStep index: Int, isWait: Bool) -> Estimate? {
    // The list is in step order: a binary search for the step's first entry, then at most its two.
    var (low, high) = (0, estimates.count)
    while low < high {
      let middle = (low + high) / 2
      if estimates[middle].step < index { low = middle + 1 } else { high = middle }
    }
    while low < estimates.count, estimates[low].step == index {
      if estimates[low].isWait == isWait { return estimates[low].estimate }
      low += 1
    }
    return nil
  }

  /// Step `index`'s practices, as positions in the configuration's catalogue.
  func practices(ofStep index: Int) -> ArraySlice<Int32> {
    practiceNumbers[(index == 0 ? 0 : Int(practiceEnds[index - 1]))..<Int(practiceEnds[index])]
  }

  /// Resolves the steps' activities in `framework` (in any framework when nil: the stream's is unknown).
  static func resolve(
    _ steps: DeclarationList, syntax: FileSyntax, file: SourceFile, configuration: Configuration,
    framework: Framework? = .itil4
  ) -> ResolvedSteps {
    var reader = Reader(syntax: syntax, file: file, configuration: configuration, framework: framework)
    reader.result.activities.reserveCapacity(steps.count)
    reader.result.practiceEnds.reserveCapacity(steps.count)
    reader.result.processTimes.reserveCapacity(steps.count)
    reader.result.waitTimes.reserveCapacity(steps.count)
    reader.result.completeAccurate.reserveCapacity(steps.count)
    reader.result.practiceNumbers.reserveCapacity(2 * steps.count)
    for (index, step) in steps.enumerated() { reader.read(step, number: index) }
    return reader.result
  }

  /// The fewest names, two or more, that cover the words of `written` in order, each words joined by `-` that
  /// `isName` accepts; as written. Nil when the words are not several names: for practices written without the
  /// commas between them (`service desk incident management`), and an activity line naming several activities.
  static func names(in written: String, isName: (String) -> Bool) -> [String]? {
    // A semicolon is a comma written the way some other lists are (`service-desk; incident-management`).
    let words = written.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == ";" }).map(String.init)
    guard words.count >= 2, words.count <= 32 else { return nil }
    // fewest[i]: the fewest names that cover words[..<i], and where the last of them starts.
    var fewest: [(count: Int, start: Int)?] = Array(repeating: nil, count: words.count + 1)
    fewest[0] = (0, 0)
    for end in 1...words.count {
      for start in 0..<end {
        guard let before = fewest[start],
          isName(words[start..<end].joined(separator: "-")),
          fewest[end].map({ before.count + 1 < $0.count }) ?? true
        else { continue }
        fewest[end] = (before.count + 1, start)
      }
    }
    guard let whole = fewest[words.count], whole.count >= 2 else { return nil }
    var names: [String] = []
    var end = words.count
    while end > 0, let last = fewest[end] {
      names.insert(words[last.start..<end].joined(separator: " "), at: 0)
      end = last.start
    }
    return names
  }

  /// Reads the steps one after another, resolving each distinct spelling of an activity or practice once: a large
  /// stream names the same few thousands of times.
  private struct Reader {
    let syntax: FileSyntax
    let file: SourceFile
    let catalogue: PracticeCatalogue
    let framework: Framework?
    /// Seconds in one ww, w, wd, d, h, m and s under the configuration, by `DurationSyntax.Unit.position`.
    let secondsPerUnit: [Int64]
    /// Under a legacy `hours-per-day` setting `d` is a working day, so effort written in it is not a finding.
    let calendarUnitsAreRedefined: Bool
    var result = ResolvedSteps()
    var activitySpellings = ByteKeyedTable<Resolution<Activity>>()
    /// Practice spellings not written exactly as an id or alias, by the text as written.
    var practiceSpellings = ByteKeyedTable<(number: Int, isAlias: Bool, suggestions: [String])>()
    /// Per practice (by catalogue position): the last step that named it and where it first did so in that step.
    var lastStep: [Int]
    var firstRange: [SourceRange]

    init(syntax: FileSyntax, file: SourceFile, configuration: Configuration, framework: Framework?) {
      self.framework = framework
      self.syntax = syntax
      self.file = file
      catalogue = configuration.catalogue
      secondsPerUnit = DurationSyntax.Unit.allCases.map { configuration.durationSettings.seconds(per: $0.rawValue) }
      calendarUnitsAreRedefined = configuration.durationSettings.calendarUnitsAreRedefined
      lastStep = [Int](repeating: -1, count: catalogue.all.count)
      firstRange = [SourceRange](repeating: SourceRange(start: 0, end: 0), count: catalogue.all.count)
    }

    mutating func read(_ step: DeclarationSyntax, number: Int) {
      // One pass over the step's attribute lines (the parser keeps at most one of each kind).
      var (activity, practices, time, wait, ca):
        (AttributeSyntax?, AttributeSyntax?, AttributeSyntax?, AttributeSyntax?, AttributeSyntax?)
      for index in step.attributeSpan.indices {
        switch syntax.attributeList[index].kind {
        case .activity: activity = syntax.attributeList[index]
        case .practices: practices = syntax.attributeList[index]
        case .time: time = syntax.attributeList[index]
        case .wait: wait = syntax.attributeList[index]
        case .ca: ca = syntax.attributeList[index]
        case .target:
          // Sparse: few steps state a target (an OLA).
          let attribute = syntax.attributeList[index]
          if case .duration(let target) = attribute.value {
            result.stepTargets.append((number, length(target), target.range))
          }
        case .roles, .note, .from, .for, .handsOverTo, .fromStream, .runs: break
        }
      }
      result.activities.append(readActivity(activity, of: step, number: number))
      readPractices(practices, of: step, number: number)
      result.practiceEnds.append(Int32(result.practiceNumbers.count))
      result.processTimes.append(duration(time, kind: .effort, step: number))
      result.waitTimes.append(duration(wait, kind: .elapsed, step: number))
      result.plannedWaits.append(wait?.isPlanned ?? false)
      result.completeAccurate.append(percentage(ca))
    }

    mutating func readActivity(_ attribute: AttributeSyntax?, of step: DeclarationSyntax, number: Int) -> Activity? {
      guard let attribute else {
        if !syntax.hasErrorsInside(step) { result.stepsWithoutActivity.append(number) }
        return nil
      }
      guard case .word(let word) = attribute.value else { return nil }
      let resolution: Resolution<Activity>
      if let known = activitySpellings.find(file.bytes, word.range) {
        resolution = activitySpellings.value(at: known)
      } else {
        resolution = resolve(word.text(in: file))
        activitySpellings.insert(file.bytes, word.range, value: resolution)
      }
      switch resolution {
      case .canonical(let activity) where framework == nil || activity.framework == framework:
        return activity
      case .alias(let activity, _) where framework == nil || activity.framework == framework:
        result.activityAliases.append((word.range, activity))
        return activity
      case .canonical(let activity), .alias(let activity, _):
        result.otherFrameworkActivities.append((word.range, activity, number))
        return nil
      case .unknown(let suggestions):
        let written = word.text(in: file)
        result.unknownActivities.append(
          (word.range, suggestions.first, ResolvedSteps.names(in: written) { resolve($0).entry != nil }))
        return nil
      }
    }

    /// An activity as written, in the framework in force or, when unknown there, in another framework (so that the
    /// rules can say whose it is). When none is in force, an id of any framework wins over an alias (`build`).
    func resolve(_ written: String) -> Resolution<Activity> {
      let frameworks = framework.map { [$0] + $0.others } ?? Framework.allCases
      if framework == nil {
        for each in frameworks {
          if case .canonical(let activity) = each.resolve(written) { return .canonical(activity) }
        }
      }
      let first = frameworks[0].resolve(written)
      guard first.entry == nil else { return first }
      for other in frameworks.dropFirst() {
        if let activity = other.resolve(written).entry { return .canonical(activity) }
      }
      return first
    }

    /// Appends the step's practices, repeats and unknown names left out.
    mutating func readPractices(_ attribute: AttributeSyntax?, of step: DeclarationSyntax, number stepNumber: Int) {
      guard let attribute, case .words(let span) = attribute.value, !span.isEmpty else {
        if !syntax.hasErrorsInside(step) { result.stepsWithoutPractices.append(stepNumber) }
        return
      }
      for word in syntax.words(span) {
        let (practice, isAlias, suggestions) = resolvePractice(word)
        if practice < 0, let retired = catalogue.retired(word.text(in: file)) {
          result.retiredPractices.append((word.range, retired))
          continue
        }
        guard practice >= 0 else {
          result.unknownPractices.append(
            (
              word.range, suggestions,
              ResolvedSteps.names(in: word.text(in: file)) { catalogue.resolve($0).entry != nil }
            ))
          continue
        }
        if isAlias { result.practiceAliases.append((word.range, practice)) }
        if lastStep[practice] == stepNumber {
          result.repeatedPractices.append((word.range, firstRange[practice], practice))
          continue
        }
        lastStep[practice] = stepNumber
        firstRange[practice] = word.range
        result.practiceNumbers.append(Int32(practice))
      }
    }

    /// The practice a word names (its position in the catalogue, -1 when unknown): found from the bytes when it is
    /// written exactly as an id or alias, else resolved once per distinct spelling.
    mutating func resolvePractice(_ word: WordSyntax) -> (number: Int, isAlias: Bool, suggestions: [String]) {
      if let exact = catalogue.exactSpelling(file.bytes, word.range) { return (exact.index, exact.isAlias, []) }
      if let known = practiceSpellings.find(file.bytes, word.range) { return practiceSpellings.value(at: known) }
      let resolution = catalogue.resolve(word.text(in: file))
      var entry = (
        number: resolution.entry.map { catalogue.index(of: $0.id) } ?? -1, isAlias: resolution.isAlias,
        suggestions: [String]()
      )
      if case .unknown(let found) = resolution { entry.suggestions = found }
      practiceSpellings.insert(file.bytes, word.range, value: entry)
      return entry
    }

    /// The duration's length (a range's mean); records a mix of working and calendar units, units of the other
    /// kind than `kind` calls for, and a range's estimates.
    mutating func duration(_ attribute: AttributeSyntax?, kind: DurationKind, step: Int) -> Duration? {
      guard let attribute, case .duration(let duration) = attribute.value else { return nil }
      var (working, calendar) = (false, false)
      duration.forEachPart(in: file) { part in
        working = working || part.unit.isWorking
        calendar = calendar || part.unit.isCalendar
      }
      let total =
        duration.isRange(in: file) ? estimate(duration, step: step, isWait: kind == .elapsed) : length(duration)
      guard working || calendar else { return total }
      // The text with each day and week of the other kind, built only for the few durations a rule reports.
      func swapped() -> String {
        duration.estimates(in: file).map { estimate in
          estimate.parts(in: file).map { "\($0.amount)\(Self.otherKind[$0.unit.position])" }.joined()
        }.joined(separator: "..")
      }
      if working && calendar {
        // Each estimate in hours: the same lengths, whichever kind of day was meant.
        let hours = duration.estimates(in: file).map { length($0).inHours }.joined(separator: "..")
        result.mixedDurations.append((duration.range, hours))
      } else if kind == .effort, calendar, !calendarUnitsAreRedefined {
        result.effortInCalendarDays.append((duration.range, swapped()))
      } else if kind == .elapsed, working, !calendarUnitsAreRedefined {
        result.waitsInWorkingDays.append((duration.range, swapped()))
      }
      return total
    }

    /// The length of one duration (not a range), saturating.
    func length(_ duration: DurationSyntax) -> Duration {
      var total = Duration.zero
      duration.forEachPart(in: file) { part in
        let (seconds, overflow) = part.amount.multipliedReportingOverflow(by: secondsPerUnit[part.unit.position])
        total = total + Duration(seconds: overflow ? .max : seconds)
      }
      return total
    }

    /// Reads a range or three-point estimate: records it and what is wrong with its order, and returns its mean.
    mutating func estimate(_ duration: DurationSyntax, step: Int, isWait: Bool) -> Duration {
      let pieces = duration.estimates(in: file)
      let values = pieces.map(length)
      // Written in order from least to most; out of order, the values are read sorted (the finding blocks the model).
      let order = values.indices.sorted { (values[$0], $0) < (values[$1], $1) }
      let ordered = order.map { file.text(pieces[$0].range) }.joined(separator: "..")
      if values.first! > values.last! {
        result.invertedRanges.append((duration.range, ordered))
      } else if values.count == 3, !(values[0] <= values[1] && values[1] <= values[2]) {
        result.likelyOutsideRange.append((duration.range, ordered))
      }
      let sorted = order.map { values[$0] }
      let estimate = Estimate(
        least: sorted[0], mostLikely: sorted.count == 3 ? sorted[1] : nil, most: sorted[sorted.count - 1])
      result.estimates.append((step, isWait, estimate))
      return estimate.mean
    }

    /// Each unit's counterpart of the other kind, by `DurationSyntax.Unit.position`: `wd` for `d` and so on.
    static let otherKind = ["w", "ww", "d", "wd", "h", "m", "s"]

    mutating func percentage(_ attribute: AttributeSyntax?) -> Percentage? {
      guard let attribute, case .percentage(let percentage) = attribute.value else { return nil }
      let hundredths = percentage.hundredths(in: file)
      guard hundredths <= 10_000 else {
        result.completeAccurateAboveWhole.append((percentage.range, hundredths))
        return nil
      }
      return Percentage(hundredths: hundredths)
    }
  }
}
