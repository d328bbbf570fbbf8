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
      keys[rule.code.rawValue] = rule
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
/// Checking builds a read-only ``CheckContext`` in phases, runs every rule of ``CheckRules/all`` on it (each a pure
/// function from the context to its findings), and puts the findings together in one fixed way: sorted, the first
/// `ProblemLimit.perStage` kept. Nothing depends on the order the rules ran in, so a large stream runs them on every
/// core. The checker never repeats the parser: declarations that carry a syntax error are skipped by the rules that
/// their error would trigger again (one typo, one diagnostic). Severities come from the configuration; findings
/// silenced by `# vstream: allow` comments are kept, marked as suppressed.
public struct Checker: Sendable {
  public var configuration: Configuration
  /// From how many steps a file's context is built, and its rules run, on more than one core.
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
    let concurrently = Parallel.coreCount > 1 && Self.stepCount(syntax, atLeast: stepsForParallelCheck)
    let context = CheckContext(
      file: file, syntax: syntax, configuration: configuration, syntaxDiagnostics: syntaxDiagnostics,
      concurrently: concurrently)
    let rules = CheckRules.all
    let parts =
      concurrently
      ? Parallel.map(rules.count) { rules[$0].findings(in: context) } : rules.map { $0.findings(in: context) }
    let findings = Findings.merged(parts, limit: ProblemLimit.perStage, summaryCode: .tooManyProblems)
    // The findings already carry their configured severities (see `CheckContext.findings`).
    var diagnostics = applySeverities(syntaxDiagnostics, path: file.path) + findings
    diagnostics = Suppressions.apply(
      to: diagnostics, syntax: syntax, file: file,
      judgedLater: context.runsAnotherStream ? LinkedTargets.codes : [])
    diagnostics = Diagnostic.normalized(diagnostics)
    let failed = diagnostics.contains { $0.severity == .error && !$0.isSuppressed }
    if failed {
      // Advice about what a stream leaves unsaid waits until the file checks: while it has errors, they come first
      // (as a compiler's lints wait for its type check).
      diagnostics.removeAll { CheckRules.advice.contains($0.code) && $0.severity == .note }
    }
    return (failed || !buildingModel ? nil : StreamBuilder.stream(of: context), diagnostics)
  }

  /// Whether the file declares at least `count` steps, counted only as far as needed.
  static func stepCount(_ syntax: FileSyntax, atLeast count: Int) -> Bool {
    var steps = 0
    for item in syntax.items {
      if case .declaration(let declaration) = item, declaration.kind == .step {
        steps += 1
        if steps >= count { return true }
      }
    }
    return steps >= count
  }

  /// Applies the configured severity of each configurable rule; rules turned off are dropped.
  func applySeverities(_ diagnostics: [Diagnostic], path: String) -> [Diagnostic] {
    diagnostics.compactMap { diagnostic in
      guard let rule = RuleCatalog.rule(named: diagnostic.code.rawValue), rule.isConfigurable else { return diagnostic }
      guard let severity = configuration.severity(of: rule, path: path) else { return nil }
      var changed = diagnostic
      changed.severity = severity
      return changed
    }
  }
}

extension DiagnosticCode {
  /// The parser's VS004, which also closes the checker's list past the limit.
  static let tooManyProblems = SyntaxMessages.tooManyProblems
}
