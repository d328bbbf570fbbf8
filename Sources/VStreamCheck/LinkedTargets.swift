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
    let severities = CheckContext.severities(configuration, path: file.path)
    var findings = Findings(limit: ProblemLimit.perStage) { severities[$0] ?? .error }
    let settings = stream.settings
    let declarations = Declarations.collect(syntax)
    guard declarations.steps.count == stream.steps.count else { return [] }
    let frontMatter = FrontMatter.read(syntax, syntaxErrors: (false, false), configuration: configuration)
    if let target = stream.metadata.target, let range = frontMatter.targetRange {
      let path = target.measure == .worstCase ? stream.metrics.worstCasePath : stream.metrics.mainPath
      LeadTimeMeetsItsTarget.judge(
        target, at: range, work: stream.metrics.mainPath.processTime,
        path: { path.nodes.compactMap(\.stepIndex) }, wait: { stream.steps[$0].waitTime ?? .zero },
        isPlanned: { stream.steps[$0].waitIsPlanned },
        actual: {
          target.measure == .p85 ? LeadTimeSimulation.run(stream).map(\.p85) : target.actual(stream.metrics)
        },
        anchor: { declarations.steps[$0].anchor }, settings: settings, into: &findings)
    }
    for (index, step) in stream.steps.enumerated() where step.runs != nil {
      guard let target = step.target, let attribute = syntax.attribute(.target, of: declarations.steps[index]),
        case .duration(let written) = attribute.value
      else { continue }
      StepsMeetTheirTargets.judge(
        step.id, target: target, at: written.range, work: step.processTime ?? .zero, lead: step.leadTime,
        settings: settings, into: &findings)
    }
    // Marked where a `# vstream: allow` covers them; the directives' own use was judged with the file.
    return Suppressions.apply(
      to: Findings.merged([findings], limit: ProblemLimit.perStage, summaryCode: .tooManyProblems), syntax: syntax,
      file: file
    ).filter { $0.code != .unusedSuppression }
  }
}
