import VStreamSource

/// When some steps have `time` or `wait`, every step has (VS406): a step without them would understate the totals. A
/// step that runs another stream (`runs`) is measured: its figures come from that stream.
enum StepsAreMeasuredAlike: CheckRule {
  static func findings(in context: CheckContext) -> Findings {
    var findings = context.findings()
    let (syntax, steps) = (context.syntax, context.declarations.steps)
    let measured = steps.map {
      syntax.hasAttribute(.time, of: $0) || syntax.hasAttribute(.wait, of: $0) || syntax.hasAttribute(.runs, of: $0)
    }
    guard measured.contains(true) else { return findings }
    // A second declaration of an id is VS306's alone.
    for (index, step) in steps.enumerated()
    where !measured[index] && !syntax.hasErrorsInside(step) && !context.names.repeatedNodes.contains(1 + index) {
      findings.add(.partialMetrics, at: step.anchor) { .unmeasuredStep(context.text(step.identifier)) }
    }
    return findings
  }
}

extension Message {
  static func unmeasuredStep(_ step: String) -> Message {
    Message(
      text: "step `\(step)` has no `time` or `wait`, but other steps do", label: "no metrics",
      help: "add `time` and `wait` so that the totals are not understated")
  }
}
