import VStreamModel
import VStreamSource

/// The stream works with the consumer somewhere (VS402): a typical shape, not a law, so a lint. In ITIL 4 that is
/// an `engage` step; in ITIL (Version 5), which has no engage, a `discover`, `deliver` or `support` step
/// (`Framework.consumerActivities`).
enum StreamEngagesTheConsumer: CheckRule {
  static func findings(in context: CheckContext) -> Findings {
    var findings = context.findings()
    let activities = context.steps.activities
    guard let framework = context.framework, let anchor = context.streamAnchor, !activities.isEmpty,
      context.everyActivityIsKnown,
      !activities.contains(where: { $0.map(framework.consumerActivities.contains) ?? false })
    else { return findings }
    findings.add(.noEngage, at: anchor) { framework == .itil4 ? .neverEngages : .neverMeetsTheConsumer(framework) }
    return findings
  }
}

extension Message {
  static let neverEngages = Message(
    text: "the stream never engages the consumer", label: "no `engage` step",
    help: "add a step with `activity engage` where the consumer raises the demand or confirms the value")

  static func neverMeetsTheConsumer(_ framework: Framework) -> Message {
    let ids = framework.consumerActivities.map { "`\($0.id)`" }
    return Message(
      text: "the stream never works with the consumer",
      label: "no \(ids.dropLast().joined(separator: ", ")) or \(ids.last ?? "") step",
      help: "add a `discover` step where the consumer's need is understood, or a `deliver` or `support` step where "
        + "the consumer receives the service or its help")
  }
}
