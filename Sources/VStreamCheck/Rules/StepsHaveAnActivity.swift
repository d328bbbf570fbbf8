import VStreamSource

/// Every step maps to one value chain activity (VS307).
enum StepsHaveAnActivity: CheckRule {
  static func findings(in context: CheckContext) -> Findings {
    var findings = context.findings()
    for index in context.steps.stepsWithoutActivity {
      let step = context.declarations.steps[index]
      findings.add(.missingActivity, at: step.anchor) {
        .noActivity(step: step.identifier?.text(in: context.file) ?? "?")
      }
    }
    return findings
  }
}

extension Message {
  static func noActivity(step: String) -> Message {
    Message(
      text: "step `\(step)` has no activity", label: "no `activity`",
      help: "add `activity engage` (or plan, improve, design-and-transition, obtain-build, deliver-and-support)")
  }
}
