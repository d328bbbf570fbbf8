import VStreamModel
import VStreamSource
import VStreamSyntax

/// Everything a rule may read about one file: built in phases, each a value returned by a function, and never
/// changed afterwards. Rules are pure functions of it (see ``CheckRule``).
///
/// The phases: the front matter and the declarations (``FrontMatter``, ``Declarations``); then, independently of
/// each other, the steps resolved (``ResolvedSteps``) and the ids with the flow built from them (``Names``,
/// ``FlowGraph``).
struct CheckContext {
  let file: SourceFile
  let syntax: FileSyntax
  let configuration: Configuration
  /// Whether the parser reported an error anywhere in the file.
  let hasSyntaxErrors: Bool
  let frontMatter: FrontMatter
  /// The framework in force: the front matter's, else the repository's. Nil when the front matter names one vstream
  /// does not know (VS351): then a step may name any framework's activity, so that one mistake is one diagnostic.
  let framework: Framework?
  let declarations: Declarations
  let steps: ResolvedSteps
  let names: Names
  let flow: FlowGraph
  /// Each node's rank by id in byte order (demand 0, steps 1...n, values n+1...): how ties between paths are broken.
  /// Sorted once here for the several rules that break ties (a sort of 100,000 ids is tens of milliseconds).
  let nodeRanks: [Int32]
  /// The forks of `parallel` arrows with their branches and joins, found once for the rules about them and the
  /// metrics; empty when no `parallel` arrow is written or the flow is not complete.
  let parallelSections: [ParallelSection]
  /// Whether a `"""` block is never closed: it runs to the end of the file, so what should follow it (a value, the
  /// flow) is inside it, and missing it is that one mistake (VS103), not another.
  let endsInAnOpenBlock: Bool
  /// The severity of each of the checker's codes in this file (nil: turned off), looked up once per file.
  private let severities: [DiagnosticCode: Severity?]

  /// Builds the context of one file. With `concurrently`, the steps are resolved on one core while the ids and the
  /// flow are read on another; the result is the same either way.
  init(
    file: SourceFile, syntax: FileSyntax, configuration: Configuration, syntaxDiagnostics: [Diagnostic],
    concurrently: Bool
  ) {
    self.file = file
    self.syntax = syntax
    self.configuration = configuration
    let errors = syntaxDiagnostics.filter { $0.severity == .error }
    hasSyntaxErrors = !errors.isEmpty
    endsInAnOpenBlock = errors.contains {
      $0.code == SyntaxMessages.unterminatedString && $0.range.end - $0.range.start == 3
        && file.text($0.range) == "\"\"\""
    }
    frontMatter = FrontMatter.read(
      syntax,
      syntaxErrors: (hasSyntaxErrors, errors.contains { $0.code.stage == .frontMatter }), configuration: configuration)
    let framework: Framework? =
      frontMatter.problems.contains { if case .unknownFramework = $0 { true } else { false } }
      ? nil : frontMatter.metadata.framework ?? configuration.framework
    self.framework = framework
    let declarations = Declarations.collect(syntax)
    self.declarations = declarations
    let resolveSteps = {
      ResolvedSteps.resolve(
        declarations.steps, syntax: syntax, file: file, configuration: configuration, framework: framework)
    }
    let buildFlow = { () -> (Names, FlowGraph) in
      let names = Names.collect(declarations, syntax: syntax, file: file)
      return (names, FlowGraph.build(declarations, names: names, syntax: syntax, file: file))
    }
    if concurrently {
      (steps, (names, flow)) = Parallel.both(resolveSteps, buildFlow)
    } else {
      (steps, (names, flow)) = (resolveSteps(), buildFlow())
    }
    // Node 0 is the first demand; a file without one has no flow to judge, and its ranks start from "".
    nodeRanks = FlowAnalysis.ranks(
      ids: (0..<declarations.nodeCount).map { node in
        guard node > 0 || !declarations.demands.isEmpty else { return "" }
        return declarations.declaration(ofNode: node).identifier.map { $0.text(in: file) } ?? ""
      })
    parallelSections =
      flow.isComplete && flow.arrows.contains { $0.kind == .parallel }
      ? flow.parallelSections(declarations, ranks: nodeRanks) : []
    severities = Self.severities(configuration, path: file.path)
  }

  /// The severity of each of the checker's codes for a file at `path` (nil: turned off): the configured one for a
  /// lint, the default for the rest.
  static func severities(_ configuration: Configuration, path: String) -> [DiagnosticCode: Severity?] {
    var severities: [DiagnosticCode: Severity?] = [:]
    for rule in CheckMessages.rules {
      severities[rule.code] = rule.isConfigurable ? configuration.severity(of: rule, path: path) : rule.defaultSeverity
    }
    return severities
  }

  /// An empty list of findings for a rule to fill, with this file's severities.
  func findings() -> Findings {
    let severities = self.severities
    return Findings(limit: ProblemLimit.perStage) { code in severities[code] ?? .error }
  }

  // MARK: - What rules ask of the file

  /// The text of an identifier, or "" where it is missing.
  func text(_ identifier: IdentifierSyntax?) -> String { identifier.map { $0.text(in: file) } ?? "" }

  /// Where a finding about the whole stream points: the `stream` line's id, or the first step's.
  var streamAnchor: SourceRange? {
    declarations.streams.first.map(\.anchor) ?? declarations.steps.first.map(\.anchor)
  }

  /// Whether every step's activity is known (the rules about activities judge only then).
  var everyActivityIsKnown: Bool { !steps.activities.contains { $0 == nil } }

  /// The arrows the main path follows (see ``FlowGraph/forEachMainPathArrow(_:)``); with `main` lines, also an arrow
  /// from each fork to its join, which the main path passes through.
  func forEachMainPathArrow(_ body: (Int, Int, Int64) -> Void) {
    flow.forEachMainPathArrow(body)
    guard flow.declaresMainPath else { return }
    for section in parallelSections { if let join = section.join { body(section.fork, join, -1) } }
  }

  /// Whether a step runs another stream (`runs`): its figures are not in this file, so the rules about the whole
  /// stream's lead time wait for the files to be linked rather than count them as zero.
  var runsAnotherStream: Bool {
    declarations.steps.contains { syntax.hasAttribute(.runs, of: $0) }
  }

  /// Whether the flow can be judged as paths: complete, from exactly one demand, with a value to reach.
  var flowIsJudged: Bool {
    flow.isComplete && declarations.demands.count == 1 && !declarations.values.isEmpty
  }

  /// Whether the flow's figures mean something to judge against thresholds and targets: a judged flow whose forks
  /// all join and whose branches all pass their joins (else VS330 or VS331 is the finding, and a lead time that
  /// waits for a branch that never arrives is not a figure to hold against a target).
  var figuresAreJudged: Bool {
    flowIsJudged && parallelSections.allSatisfy { $0.join != nil && $0.skipping.isEmpty }
  }
}
