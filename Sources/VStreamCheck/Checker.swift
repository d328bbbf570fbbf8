import VStreamModel
import VStreamSource
import VStreamSyntax
import VStreamYAML

/// Every rule the compiler knows, from every stage, sorted by code.
public enum RuleCatalog {
  public static let all: [RuleDescriptor] =
    (SyntaxMessages.rules + YAMLMessages.rules + CheckMessages.rules).sorted { $0.code < $1.code }

  private static let byKey: [String: RuleDescriptor] = {
    var keys: [String: RuleDescriptor] = [:]
    for rule in all {
      keys[rule.code] = rule
      keys[rule.name] = rule
    }
    return keys
  }()

  /// A rule by code (`VS401`, any case) or name (`no-practices`).
  public static func rule(named name: String) -> RuleDescriptor? {
    byKey[name] ?? byKey[name.uppercased()]
  }
}

/// Turns a parsed file into a checked ``ValueStream`` or the reasons it is not one.
///
/// The checker never repeats the parser: declarations that carry a syntax error are skipped by the rules that their
/// error would trigger again (one typo, one diagnostic). Severities come from the configuration; findings silenced
/// by `# vstream: allow` comments are kept, marked as suppressed.
public struct Checker: Sendable {
  public var configuration: Configuration
  /// From how many steps a file's steps are checked on one core while its ids and flows are on another.
  var stepsForParallelCheck = 2_000

  public init(configuration: Configuration = .default) {
    self.configuration = configuration
  }

  /// Checks one file. `syntaxDiagnostics` are the parser's; the result holds them too, so that it is the file's
  /// complete report.
  /// With `buildingModel` false the stream is not built (nil): for callers that want the diagnostics only.
  public func check(_ file: SourceFile, syntax: FileSyntax, syntaxDiagnostics: [Diagnostic], buildingModel: Bool = true)
    -> (ValueStream?, [Diagnostic])
  {
    var run = CheckRun(file: file, syntax: syntax, configuration: configuration)
    run.stepsForParallelCheck = stepsForParallelCheck
    run.hasSyntaxErrors = syntaxDiagnostics.contains { $0.severity == .error }
    run.hasFrontMatterErrors = syntaxDiagnostics.contains { $0.severity == .error && $0.code.hasPrefix("VS2") }
    run.checkAll()
    if let summary = run.overflow.summary(code: SyntaxMessages.tooManyProblems) { run.findings.append(summary) }
    // The findings already carry their configured severities (see `CheckRun.report`).
    var diagnostics = applySeverities(syntaxDiagnostics, path: file.path) + run.findings
    diagnostics = Suppressions.apply(to: diagnostics, syntax: syntax, file: file)
    diagnostics = Diagnostic.normalized(diagnostics)
    let failed = diagnostics.contains { $0.severity == .error && !$0.isSuppressed }
    return (failed || !buildingModel ? nil : run.makeStream(), diagnostics)
  }

  /// Applies the configured severity of each configurable rule; rules turned off are dropped.
  func applySeverities(_ diagnostics: [Diagnostic], path: String) -> [Diagnostic] {
    diagnostics.compactMap { diagnostic in
      guard let rule = RuleCatalog.rule(named: diagnostic.code), rule.isConfigurable else { return diagnostic }
      guard let severity = configuration.severity(of: rule, path: path) else { return nil }
      var changed = diagnostic
      changed.severity = severity
      return changed
    }
  }
}

/// A declared id: the node it names (nil for a second demand, which flows cannot use) and where it is declared.
struct NodeEntry {
  var ref: NodeRef?
  var anchor: SourceRange
  var hasErrors: Bool
}

/// A practice as written, resolved once per distinct spelling. Plain numbers only: it is read for every occurrence,
/// and a copy holding strings would be retained and released each time. The id is the catalogue's.
struct PracticeEntry {
  /// The practice's position in the catalogue; -1 when the name is unknown.
  var number: Int
  var isAlias: Bool
}

/// The state of checking one file.
struct CheckRun {
  let file: SourceFile
  let syntax: FileSyntax
  let configuration: Configuration
  var stepsForParallelCheck = Int.max
  var hasSyntaxErrors = false
  /// The YAML had errors: its keys are not judged again (one mistake, one diagnostic).
  var hasFrontMatterErrors = false
  var findings: [Diagnostic] = []
  /// Counts the findings past the per-file limit, which are not kept.
  var overflow = ProblemLimit()

  // Resolved declarations, in source order.
  var streams: DeclarationList
  var demands: DeclarationList
  var steps: DeclarationList
  var values: DeclarationList
  /// The declared ids (demand, steps, values), looked up from the file's bytes: the first declaration of each id.
  var nodes = ByteKeyedTable<NodeEntry>()
  /// The flow's arrows, in the order written (see `edges` for the model's).
  var arrows: [FlowArrow] = []
  /// Whether the flow could be built completely (no syntax errors in flows, every name declared).
  var flowIsComplete = true
  /// Per step, its resolved activity, practices and metrics (nil where missing or wrong: already reported).
  var activities: [Activity?] = []
  /// Every step's practices as their positions in the catalogue, step after step; step `i`'s are
  /// `stepPractices[practiceEnds[i - 1]..<practiceEnds[i]]` (one array of small numbers for the file rather than an
  /// array of strings per step).
  var stepPractices: [Int32] = []
  var practiceEnds: [Int32] = []
  var processTimes: [Duration?] = []
  var waitTimes: [Duration?] = []
  var completeAccurate: [Percentage?] = []
  var metadata = Metadata()
  /// Resolutions by the text as written: a large stream names the same few practices thousands of times.
  var practiceResolutions = ByteKeyedTable<PracticeEntry>()
  /// For each unknown spelling in `practiceResolutions` (by entry number), the ids it may have meant.
  var practiceSuggestions: [Int: [String]] = [:]
  var activityResolutions = ByteKeyedTable<Resolution<Activity>>()
  /// The declared ids in source order, for "did you mean" (made on the first undefined name).
  var declaredIDs: [String]?
  /// How many more candidate comparisons suggestions may cost in this file.
  var suggestionBudget = 20_000
  /// Per practice (by catalogue position): the last step that named it and where it first did so in that step.
  var practiceLastStep: [Int] = []
  var practiceFirstRange: [SourceRange] = []

  /// Seconds in one w, d, h, m and s under the configuration, by `DurationSyntax.Unit.rank`.
  let secondsPerUnit: [Int64]

  init(file: SourceFile, syntax: FileSyntax, configuration: Configuration) {
    self.file = file
    self.syntax = syntax
    self.configuration = configuration
    (streams, demands, steps, values) = (
      DeclarationList(items: syntax.items), DeclarationList(items: syntax.items), DeclarationList(items: syntax.items),
      DeclarationList(items: syntax.items)
    )
    secondsPerUnit = DurationSyntax.Unit.allCases.map { configuration.durationSettings.seconds(per: $0.rawValue) }
  }

  mutating func checkAll() {
    checkFrontMatter()
    collectDeclarations()
    checkDeclarationCounts()
    checkIdentifiersStepsAndFlows()
    checkFlowAndShape()
  }

  /// Whether a stream is large enough for its rules to be checked on two cores.
  var checksInParallel: Bool { steps.count >= stepsForParallelCheck && Parallel.coreCount > 1 }

  /// This run with no findings yet: what each of two concurrent parts starts from, so that its findings are its own.
  var withoutFindings: CheckRun {
    var start = self
    start.findings = []
    start.overflow = ProblemLimit()
    return start
  }

  /// Whether the findings of concurrent parts can be put back together as one core would have made them: none was
  /// past the problem limit, and all of them are within it (which findings are kept past it depends on their order).
  func canAdopt(_ parts: [CheckRun]) -> Bool {
    parts.allSatisfy { $0.overflow.unreported == 0 }
      && findings.count + parts.reduce(0) { $0 + $1.findings.count } <= overflow.limit
  }

  /// `checkUniqueIdentifiers`, `checkSteps` and `buildEdges`, one after another (see `checkIdentifiersStepsAndFlows`).
  mutating func checkIdentifiersStepsAndFlowsOnOneCore() {
    checkUniqueIdentifiers()
    checkSteps()
    buildEdges()
  }

  /// The reachability of every node (`checkReachability`) on one core, and the typical shape, the metrics and the
  /// directives on another: these only read the flow and the steps, and only add findings.
  mutating func checkFlowAndShape() {
    if checksInParallel {
      let start = withoutFindings
      let parts = Parallel.map(2) { part -> CheckRun in
        var run = start
        if part == 0 {
          run.checkReachability()
        } else {
          run.checkShape()
        }
        return run
      }
      if canAdopt(parts) {
        findings += parts[0].findings + parts[1].findings
        return
      }
    }
    checkReachability()
    checkShape()
  }

  /// The rules that follow reachability: the typical shape, the metrics and the directives.
  mutating func checkShape() {
    checkTypicalShape()
    checkMetricsCoverage()
    checkDirectives()
  }

  /// The ids (`checkUniqueIdentifiers`), the steps (`checkSteps`) and the flows (`buildEdges`), in that order. On a
  /// large stream the steps are checked on one core while the ids and then the flows are on another: neither reads
  /// what the other writes, and their findings are put back in the order one core would have made them. Past the
  /// problem limit (which findings are kept depends on that order) they are checked again on one core.
  mutating func checkIdentifiersStepsAndFlows() {
    guard checksInParallel else { return checkIdentifiersStepsAndFlowsOnOneCore() }
    let start = withoutFindings
    let parts = Parallel.map(2) { part -> (run: CheckRun, identifierFindings: Int) in
      var run = start
      if part == 0 {
        run.checkSteps()
        return (run, 0)
      }
      run.checkUniqueIdentifiers()
      let identifierFindings = run.findings.count
      run.buildEdges()
      return (run, identifierFindings)
    }
    let (onSteps, onFlows) = (parts[0].run, parts[1].run)
    guard canAdopt([onSteps, onFlows]) else { return checkIdentifiersStepsAndFlowsOnOneCore() }
    // The steps' run holds what `checkSteps` made; what the ids and flows made is taken from the other.
    let (earlier, earlierOverflow) = (findings, overflow)
    self = onSteps
    nodes = onFlows.nodes
    arrows = onFlows.arrows
    flowIsComplete = onFlows.flowIsComplete
    declaredIDs = onFlows.declaredIDs
    suggestionBudget = onFlows.suggestionBudget
    overflow = earlierOverflow
    let split = parts[1].identifierFindings
    findings = earlier + onFlows.findings[..<split] + onSteps.findings + onFlows.findings[split...]
  }

  // MARK: - Reporting

  mutating func report(
    _ code: String, _ message: String, at range: SourceRange, label: String? = nil, secondary: [Diagnostic.Label] = [],
    notes: [String] = [], help: String? = nil
  ) {
    let rule = RuleCatalog.rule(named: code)
    var severity = rule?.defaultSeverity ?? .error
    // The configured severity is applied here, once per finding (`applySeverities` is for the parser's): a rule
    // turned off must not take a place under the limit, and the summary past it must carry the severities the user
    // will see.
    if let rule, rule.isConfigurable {
      guard let configured = configuration.severity(of: rule, path: file.path) else { return }
      severity = configured
    }
    guard overflow.admits(kept: findings.count, range: range, severity: severity) else { return }
    findings.append(
      Diagnostic(
        code: code, severity: severity, message: message, range: range, label: label, secondary: secondary,
        notes: notes, help: help))
  }

  func text(_ identifier: IdentifierSyntax?) -> String? { identifier.map { $0.text(in: file) } }

  /// Where to point at a declaration: its identifier, or its keyword when the identifier is missing.
  func anchor(_ declaration: DeclarationSyntax) -> SourceRange {
    declaration.identifier?.range ?? declaration.keywordRange
  }

  // MARK: - Building the model

  func stringValue(_ declaration: DeclarationSyntax, _ kind: AttributeKind) -> String? {
    guard let attribute = syntax.attribute(kind, of: declaration), case .string(let string) = attribute.value else { return nil }
    return string.value(in: file)
  }

  func practices(ofStep index: Int) -> [String] {
    stepPractices[(index == 0 ? 0 : Int(practiceEnds[index - 1]))..<Int(practiceEnds[index])].map {
      configuration.catalogue.all[Int($0)].id
    }
  }

  func title(_ declaration: DeclarationSyntax) -> String {
    declaration.title.map { $0.value(in: file) } ?? text(declaration.identifier) ?? ""
  }

  /// The checked stream; only called when no error remains.
  func makeStream() -> ValueStream? {
    guard let stream = streams.first, let demand = demands.first, let streamID = text(stream.identifier),
      let demandID = text(demand.identifier)
    else { return nil }
    var modelSteps: [Step] = []
    for (index, step) in steps.enumerated() {
      guard let id = text(step.identifier), let activity = activities[index] else { return nil }
      var roles: [String] = []
      if let attribute = syntax.attribute(.roles, of: step), case .strings(let span) = attribute.value {
        roles = syntax.strings(span).map { $0.value(in: file) }
      }
      modelSteps.append(
        Step(
          id: id, title: title(step), activity: activity, practices: practices(ofStep: index), roles: roles,
          processTime: processTimes[index], waitTime: waitTimes[index], completeAccurate: completeAccurate[index],
          note: stringValue(step, .note), range: step.range))
    }
    let modelValues = values.compactMap { value -> Value? in
      guard let id = text(value.identifier) else { return nil }
      return Value(
        id: id, title: title(value), beneficiary: stringValue(value, .for), note: stringValue(value, .note),
        range: value.range)
    }
    let edges = self.edges
    let metrics = FlowAnalysis.metrics(
      steps: modelSteps, valueCount: modelValues.count, edges: edges, catalogue: configuration.catalogue)
    var meta = metadata
    if meta.title == nil, stream.title != nil { meta.title = title(stream) }
    return ValueStream(
      id: streamID, title: metadata.title ?? title(stream), path: file.path, metadata: meta,
      demand: Demand(
        id: demandID, title: title(demand), from: stringValue(demand, .from), note: stringValue(demand, .note),
        range: demand.range),
      steps: modelSteps, values: modelValues, edges: edges, metrics: metrics, settings: configuration.durationSettings)
  }
}
