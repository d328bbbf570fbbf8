import VStreamModel
import VStreamSource

/// The stream engages the consumer somewhere (VS402): a typical shape, not a law, so a lint.
enum StreamEngagesTheConsumer: CheckRule {
  static func findings(in context: CheckContext) -> Findings {
    var findings = context.findings()
    let activities = context.steps.activities
    guard let anchor = context.streamAnchor, !activities.isEmpty, context.everyActivityIsKnown,
      !activities.contains(.engage)
    else { return findings }
    findings.add(.noEngage, at: anchor) { .neverEngages }
    return findings
  }
}

extension Message {
  static let neverEngages = Message(
    text: "the stream never engages the consumer", label: "no `engage` step",
    help: "add a step with `activity engage` where the consumer raises the demand or confirms the value")
}
