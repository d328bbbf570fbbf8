import VStreamModel
import VStreamSource

/// The main path's flow efficiency (process time over lead time) is at least the threshold in vstream.yml (VS407).
/// Judged only when every step on the main path has its `time` and `wait`.
enum FlowEfficiencyMeetsTheThreshold: CheckRule {
  static func findings(in context: CheckContext) -> Findings {
    var findings = context.findings()
    let (steps, declarations) = (context.steps, context.declarations)
    guard context.figuresAreJudged, context.everyActivityIsKnown, let anchor = context.streamAnchor else {
      return findings
    }
    var path = FlowAnalysis.mainPath(
      stepCount: declarations.steps.count, valueCount: declarations.values.count, ranks: context.nodeRanks,
      arrows: context.forEachMainPathArrow)
    if !context.parallelSections.isEmpty {
      // The lead time across a fork runs along its critical branch, as the model's main path does.
      let lead = (0..<declarations.nodeCount).map { node -> Int64 in
        guard node >= 1, node <= declarations.steps.count else { return 0 }
        return (steps.processTimes[node - 1]?.seconds ?? 0) + (steps.waitTimes[node - 1]?.seconds ?? 0)
      }
      path = FlowAnalysis.throughCriticalBranches(
        path, stepCount: declarations.steps.count, valueCount: declarations.values.count, ranks: context.nodeRanks,
        lead: lead,
        forward: context.flow.arrows.filter { !$0.isRework }.map { (Int($0.from), Int($0.to), $0.kind == .parallel) })
    }
    let onPath = path.compactMap { ref -> Int? in
      if case .step(let index) = ref { return index }
      return nil
    }
    guard !onPath.isEmpty, onPath.allSatisfy({ steps.processTimes[$0] != nil && steps.waitTimes[$0] != nil }) else {
      return findings
    }
    let process = onPath.reduce(Duration.zero) { $0 + steps.processTimes[$1]! }
    let lead = onPath.reduce(Duration.zero) { $0 + steps.processTimes[$1]! + steps.waitTimes[$1]! }
    guard lead.seconds > 0 else { return findings }
    let efficiency = Double(process.seconds) / Double(lead.seconds)
    let threshold = context.configuration.flowEfficiencyThreshold
    guard efficiency < threshold else { return findings }
    let longest = PathMetrics.longestWaits(
      among: onPath, wait: { steps.waitTimes[$0] }, isPlanned: { steps.plannedWaits[$0] })
    let settings = context.configuration.durationSettings
    findings.add(.lowFlowEfficiency, at: anchor) {
      .lowFlowEfficiency(
        efficiency, threshold: threshold, process: process.readable(settings, as: .effort),
        lead: lead.readable(settings),
        longestWaits: longest.map { (declarations.steps[$0].anchor, steps.waitTimes[$0]!.readable(settings)) })
    }
    return findings
  }
}

extension Message {
  static func lowFlowEfficiency(
    _ efficiency: Double, threshold: Double, process: String, lead: String, longestWaits: [(SourceRange, String)]
  ) -> Message {
    Message(
      text: "flow efficiency is \(percentText(efficiency)), below the threshold of \(percentText(threshold))",
      label: "items mostly wait",
      secondary: longestWaits.map { Diagnostic.Label(range: $0.0, message: "longest wait: \($0.1)") },
      notes: ["process time \(process) of lead time \(lead) on the main path"],
      help: "shorten the longest wait, or change the threshold in vstream.yml")
  }
}
