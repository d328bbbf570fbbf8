import VStreamSource

/// Every step names the practices that support it (VS401): mapping what each practice contributes is the point of
/// the model.
enum StepsNamePractices: CheckRule {
  static func findings(in context: CheckContext) -> Findings {
    var findings = context.findings()
    for index in context.steps.stepsWithoutPractices {
      let step = context.declarations.steps[index]
      findings.add(.noPractices, at: step.anchor) { .noPractices(step: step.identifier?.text(in: context.file) ?? "?") }
    }
    return findings
  }
}

extension Message {
  static func noPractices(step: String) -> Message {
    Message(
      text: "step `\(step)` names no practices", label: "no `practices`",
      help: "add the practices that support it, e.g. `practices service-desk`")
  }
}
