import VStreamModel
import VStreamSource
import VStreamSyntax

extension CheckRun {
  /// The typical shape: the consumer is engaged somewhere (VS402) and first (VS403).
  mutating func checkTypicalShape() {
    guard !steps.isEmpty, !activities.contains(where: { $0 == nil }) else { return }
    if !activities.contains(.engage) {
      report(
        CheckMessages.noEngage, "the stream never engages the consumer", at: streams.first.map(anchor) ?? anchor(steps[0]),
        label: "no `engage` step", help: "add a step with `activity engage` where the consumer raises the demand or confirms the value")
      return
    }
    guard flowIsComplete, demands.count == 1 else { return }
    let firstSteps = arrows.compactMap { arrow -> Int? in
      arrow.from == 0 && arrow.to >= 1 && Int(arrow.to) <= steps.count ? Int(arrow.to) - 1 : nil
    }
    for index in firstSteps where activities[index] != .engage {
      report(
        CheckMessages.engageFirst, "the first step after the demand, `\(text(steps[index].identifier) ?? "")`, is not an `engage` step",
        at: anchor(steps[index]), label: "\(activities[index]!.id), not engage",
        help: "value streams usually begin by engaging the consumer; allow this with a reason if it is intended")
    }
  }

  /// Metrics for every step or none (VS406), and flow efficiency above the threshold (VS407).
  mutating func checkMetricsCoverage() {
    let measured = steps.map { syntax.hasAttribute(.time, of: $0) || syntax.hasAttribute(.wait, of: $0) }
    guard measured.contains(true) else { return }
    for (index, step) in steps.enumerated() where !measured[index] && !syntax.hasErrorsInside(step) {
      report(
        CheckMessages.partialMetrics, "step `\(text(step.identifier) ?? "")` has no `time` or `wait`, but other steps do",
        at: anchor(step), label: "no metrics", help: "add `time` and `wait` so that the totals are not understated")
    }
    guard flowIsComplete, demands.count == 1, !values.isEmpty, !activities.contains(where: { $0 == nil }) else { return }
    let path = FlowAnalysis.mainPath(stepCount: steps.count, valueCount: values.count, arrows: forEachArrow)
    let onPath = path.compactMap { ref -> Int? in
      if case .step(let index) = ref { return index }
      return nil
    }
    guard !onPath.isEmpty, onPath.allSatisfy({ processTimes[$0] != nil && waitTimes[$0] != nil }) else { return }
    let process = onPath.reduce(Duration.zero) { $0 + processTimes[$1]! }
    let lead = onPath.reduce(Duration.zero) { $0 + processTimes[$1]! + waitTimes[$1]! }
    guard lead.seconds > 0 else { return }
    let efficiency = Double(process.seconds) / Double(lead.seconds)
    if efficiency < configuration.flowEfficiencyThreshold {
      let bottleneck = onPath.max { (waitTimes[$0]!, $1) < (waitTimes[$1]!, $0) }!
      report(
        CheckMessages.lowFlowEfficiency,
        "flow efficiency is \(percentText(efficiency)), below the threshold of \(percentText(configuration.flowEfficiencyThreshold))",
        at: streams.first.map(anchor) ?? anchor(steps[0]), label: "items mostly wait",
        secondary: [Diagnostic.Label(range: anchor(steps[bottleneck]), message: "longest wait: \(waitTimes[bottleneck]!.formatted(configuration.durationSettings))")],
        notes: ["process time \(process.formatted(configuration.durationSettings)) of lead time \(lead.formatted(configuration.durationSettings)) on the main path"],
        help: "shorten the wait before the bottleneck step, or change the threshold in vstream.yml")
    }
  }
}
