import VStreamModel
import VStreamSource

/// A stream's `target-lead-time` is met by the lead time `vstream.yml` holds against it (VS428: the main path's by
/// default, `targets: measure: worst-case` for the longest route), and is at least the main path's process time
/// (VS336): a target shorter than the work itself cannot be met by removing waits, and is the one finding then.
enum LeadTimeMeetsItsTarget: CheckRule {
  static func findings(in context: CheckContext) -> Findings {
    var findings = context.findings()
    let declarations = context.declarations
    guard context.flowIsJudged, let target = context.frontMatter.metadata.target,
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
    let work = main.reduce(Duration.zero) { $0 + process($1) }
    if target.duration < work {
      findings.add(.targetBelowProcessTime, at: range) {
        .targetBelowProcessTime(
          target.duration.readable(settings), work: work.readable(settings, as: .effort),
          workElapsed: work.readable(settings))
      }
      return findings
    }
    let path =
      target.measure == .main
      ? main
      : steps(
        FlowAnalysis.worstCasePath(
          stepCount: declarations.steps.count, valueCount: declarations.values.count, ranks: context.nodeRanks,
          leadTime: { lead($0).seconds }, arrows: context.flow.forEachForwardArrow))
    let actual = path.reduce(Duration.zero) { $0 + lead($1) }
    guard actual > target.duration, let longest = path.max(by: { (wait($0), $1) < (wait($1), $0) }) else {
      return findings
    }
    findings.add(.leadTimeOverTarget, at: range) {
      .leadTimeOverTarget(
        actual: actual.readable(settings), target: target.duration.readable(settings),
        over: (actual - target.duration).readable(settings), measure: target.measure,
        longestWait: (declarations.steps[longest].anchor, wait(longest).readable(settings)))
    }
    return findings
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
    longestWait: (SourceRange, String)
  ) -> Message {
    Message(
      text: "the lead time of \(measure.phrase), \(actual), is \(over) over the target of \(target)",
      label: "target missed",
      secondary: [Diagnostic.Label(range: longestWait.0, message: "longest wait: \(longestWait.1)")],
      help: "shorten the longest waits, or agree a target the stream can meet")
  }
}
