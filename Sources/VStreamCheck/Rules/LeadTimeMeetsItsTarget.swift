import VStreamModel
import VStreamSource

/// A stream's `target-lead-time` is met by the lead time `vstream.yml` holds against it (VS428: the main path's by
/// default, `targets: measure: worst-case` for the longest route), and is at least the main path's process time
/// (VS336): a target shorter than the work itself cannot be met by removing waits, and is the one finding then. Not
/// judged in a stream with a step that runs another stream: one file does not hold that step's figures, which come
/// only when the files are linked, and judging without them would count them as zero.
enum LeadTimeMeetsItsTarget: CheckRule {
  static func findings(in context: CheckContext) -> Findings {
    var findings = context.findings()
    let declarations = context.declarations
    guard context.figuresAreJudged, !context.runsAnotherStream, let target = context.frontMatter.metadata.target,
      let range = context.frontMatter.targetRange
    else { return findings }
    let settings = context.configuration.durationSettings
    let (processTimes, waitTimes) = (context.steps.processTimes, context.steps.waitTimes)
    // A missing time counts as zero, as in the metrics (VS406 says the totals understate).
    func process(_ step: Int) -> Duration { processTimes[step] ?? .zero }
    func wait(_ step: Int) -> Duration { waitTimes[step] ?? .zero }
    func lead(_ step: Int) -> Duration { process(step) + wait(step) }
    func steps(_ path: [NodeRef]) -> [Int] {
      path.compactMap { ref in
        if case .step(let index) = ref { return index }
        return nil
      }
    }
    let main = steps(
      FlowAnalysis.mainPath(
        stepCount: declarations.steps.count, valueCount: declarations.values.count, ranks: context.nodeRanks,
        arrows: context.flow.forEachMainPathArrow))
    let path = {
      target.measure == .worstCase
        ? steps(
          FlowAnalysis.worstCasePath(
            stepCount: declarations.steps.count, valueCount: declarations.values.count, ranks: context.nodeRanks,
            leadTime: { lead($0).seconds }, arrows: context.flow.forEachForwardArrow))
        : main
    }
    judge(
      target, at: range, work: main.reduce(Duration.zero) { $0 + process($1) }, path: path, wait: wait,
      isPlanned: { context.steps.plannedWaits[$0] },
      actual: { target.measure == .p85 ? simulatedP85(context) : path().reduce(Duration.zero) { $0 + lead($1) } },
      anchor: { declarations.steps[$0].anchor }, settings: settings, into: &findings)
    return findings
  }

  /// The finding about a stream's `target-lead-time` once its figures are known, here and for a linked stream
  /// (`LinkedTargets`): VS336 when the target is below the main path's `work` (the one finding then), else VS428 when
  /// `actual` (asked only then: the P85 is a simulation) is over it, pointing at the longest wait on `path`.
  static func judge(
    _ target: LeadTimeTarget, at range: SourceRange, work: Duration, path: () -> [Int], wait: (Int) -> Duration,
    isPlanned: (Int) -> Bool, actual: () -> Duration?, anchor: (Int) -> SourceRange, settings: DurationSettings,
    into findings: inout Findings
  ) {
    if target.duration < work {
      findings.add(.targetBelowProcessTime, at: range) {
        .targetBelowProcessTime(
          target.duration.readable(settings), work: work.readable(settings, as: .effort),
          workElapsed: work.readable(settings))
      }
      return
    }
    guard let actual = actual(), actual > target.duration else { return }
    let longest = PathMetrics.longestWaits(among: path(), wait: wait, isPlanned: isPlanned)
    findings.add(.leadTimeOverTarget, at: range) {
      .leadTimeOverTarget(
        actual: actual.readable(settings), target: target.duration.readable(settings),
        over: (actual - target.duration).readable(settings), measure: target.measure,
        longestWaits: longest.map { (anchor($0), wait($0).readable(settings)) })
    }
  }
}

extension LeadTimeMeetsItsTarget {
  /// The P85 of the same simulation `build` runs (same steps, arrows, seed and samples), so that the finding and the
  /// page agree. Only for a stream held to P85: the one place `check` simulates. Nil when an activity is unknown (the
  /// steps cannot be made) or items could circle forever.
  static func simulatedP85(_ context: CheckContext) -> Duration? {
    guard context.everyActivityIsKnown, let stream = context.declarations.streams.first?.identifier else { return nil }
    let resolved = context.steps
    let steps = context.declarations.steps.indices.map { index in
      Step(
        id: context.text(context.declarations.steps[index].identifier), title: "",
        activity: resolved.activities[index]!, practices: [], roles: [],
        processTime: resolved.processTimes[index], waitTime: resolved.waitTimes[index],
        completeAccurate: resolved.completeAccurate[index], note: nil, range: SourceRange(start: 0, end: 0),
        processEstimate: resolved.estimate(ofStep: index, isWait: false),
        waitEstimate: resolved.estimate(ofStep: index, isWait: true))
    }
    let edges = context.flow.edges(context.declarations, syntax: context.syntax, file: context.file)
    return LeadTimeSimulation.run(
      steps: steps, valueIDs: context.declarations.values.map { context.text($0.identifier) }, edges: edges,
      seed: SplitMix64.seed(stream.text(in: context.file)), samples: LeadTimeSimulation.defaultSamples)?.p85
  }
}

extension Message {
  static func targetBelowProcessTime(_ target: String, work: String, workElapsed: String) -> Message {
    Message(
      text: "the target lead time \(target) is shorter than the main path's process time \(work)",
      label: "cannot be met",
      notes: ["the work alone takes \(workElapsed), before any wait"],
      help: "raise the target, or plan less work on the main path")
  }

  static func leadTimeOverTarget(
    actual: String, target: String, over: String, measure: LeadTimeTarget.Measure,
    longestWaits: [(SourceRange, String)]
  ) -> Message {
    Message(
      text: (measure == .p85 ? "the P85 lead time" : "the lead time of \(measure.phrase)")
        + ", \(actual), is \(over) over the target of \(target)",
      label: "target missed",
      secondary: longestWaits.map { Diagnostic.Label(range: $0.0, message: "longest wait: \($0.1)") },
      help: "shorten the longest waits, or agree a target the stream can meet")
  }
}
