import VStreamModel
import VStreamSource
import VStreamSyntax

/// The targets of a stream with a step that runs another stream, judged on its linked model: one file does not hold
/// that step's figures, so `LeadTimeMeetsItsTarget` and `StepsMeetTheirTargets` leave such a stream (and such a step)
/// to this, once the repository is linked. The same findings with the same words and severities: VS336 when a target
/// is below the work, VS428 when the stream's lead time misses its target, VS429 when a step's wait and work miss its.
public enum LinkedTargets {
  /// The codes judged here rather than in the one-file check of a stream with a `runs` step.
  static let codes: Set<DiagnosticCode> = [.targetBelowProcessTime, .leadTimeOverTarget, .stepOverTarget]

  public static func findings(
    _ stream: ValueStream, syntax: FileSyntax, file: SourceFile, configuration: Configuration
  ) -> [Diagnostic] {
    var severities: [DiagnosticCode: Severity?] = [:]
    for rule in CheckMessages.rules {
      severities[rule.code] =
        rule.isConfigurable ? configuration.severity(of: rule, path: file.path) : rule.defaultSeverity
    }
    var findings = Findings(limit: ProblemLimit.perStage) { severities[$0] ?? .error }
    let settings = stream.settings
    let declarations = Declarations.collect(syntax)
    guard declarations.steps.count == stream.steps.count else { return [] }
    let anchor = { (step: Int) in declarations.steps[step].anchor }

    let frontMatter = FrontMatter.read(syntax, syntaxErrors: (false, false), configuration: configuration)
    if let target = stream.metadata.target, let range = frontMatter.targetRange {
      let main = stream.metrics.mainPath
      let path = target.measure == .worstCase ? stream.metrics.worstCasePath : main
      let actual =
        target.measure == .p85 ? LeadTimeSimulation.run(stream).map(\.p85) : target.actual(stream.metrics)
      let onPath = path.nodes.compactMap { ref -> Int? in
        if case .step(let index) = ref { return index }
        return nil
      }
      let wait = { (step: Int) in stream.steps[step].waitTime ?? .zero }
      if target.duration < main.processTime {
        findings.add(.targetBelowProcessTime, at: range) {
          .targetBelowProcessTime(
            target.duration.readable(settings), work: main.processTime.readable(settings, as: .effort),
            workElapsed: main.processTime.readable(settings))
        }
      } else if let actual, actual > target.duration,
        let longest = onPath.max(by: { (wait($0), $1) < (wait($1), $0) })
      {
        findings.add(.leadTimeOverTarget, at: range) {
          .leadTimeOverTarget(
            actual: actual.readable(settings), target: target.duration.readable(settings),
            over: (actual - target.duration).readable(settings), measure: target.measure,
            longestWait: (anchor(longest), wait(longest).readable(settings)))
        }
      }
    }

    for (index, step) in stream.steps.enumerated() where step.runs != nil {
      guard let target = step.target, let attribute = syntax.attribute(.target, of: declarations.steps[index]),
        case .duration(let written) = attribute.value
      else { continue }
      let work = step.processTime ?? .zero
      if target < work {
        findings.add(.targetBelowProcessTime, at: written.range) {
          .stepTargetBelowWork(step.id, target.readable(settings), work: work.readable(settings, as: .effort))
        }
      } else if step.leadTime > target {
        findings.add(.stepOverTarget, at: written.range) {
          .stepOverTarget(
            step.id, step.leadTime.readable(settings), over: (step.leadTime - target).readable(settings),
            target: target.readable(settings))
        }
      }
    }
    // Marked where a `# vstream: allow` covers them; the directives' own use was judged with the file.
    return Suppressions.apply(
      to: Findings.merged([findings], limit: ProblemLimit.perStage, summaryCode: .tooManyProblems), syntax: syntax,
      file: file
    ).filter { $0.code != .unusedSuppression }
  }
}
