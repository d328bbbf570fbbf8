import VStreamModel
import VStreamSource

/// The steps the demand leads to are where the framework's streams usually begin (VS403): ITIL 4's `engage`;
/// ITIL (Version 5)'s `discover` (a need) or `support` (an issue or a request), as `Framework.typicalFirstActivities`
/// says. Judged only in a stream that works with the consumer somewhere (else VS402 says it once).
///
/// Demand is not always a person: an incident raised by a monitoring tool starts in deliver and support (detect,
/// correlate), as ITIL's Create, Deliver and Support describes, or in Version 5's operate. Such a first step is the
/// typical shape for event-driven demand: one that names the monitoring-and-event-management practice, or whose
/// demand says it comes `from` monitoring (see `isEventDriven`).
enum FirstStepEngages: CheckRule {
  static func findings(in context: CheckContext) -> Findings {
    var findings = context.findings()
    let (activities, declarations) = (context.steps.activities, context.declarations)
    guard let framework = context.framework, !activities.isEmpty, context.everyActivityIsKnown,
      activities.contains(where: { $0.map(framework.consumerActivities.contains) ?? false }),
      context.flow.isComplete, declarations.demands.count == 1
    else { return findings }
    let typical = framework.typicalFirstActivities
    for arrow in context.flow.arrows where arrow.from == 0 && arrow.to >= 1 && Int(arrow.to) <= declarations.steps.count
    {
      let index = Int(arrow.to) - 1
      guard let activity = activities[index], !typical.contains(activity) else { continue }
      if framework.eventDrivenFirstActivities.contains(activity) && isEventDriven(step: index, context) { continue }
      let step = declarations.steps[index]
      findings.add(.engageFirst, at: step.anchor) {
        framework == .itil4
          ? .firstStepDoesNotEngage(context.text(step.identifier), activity)
          : .firstStepIsNotTypical(context.text(step.identifier), activity, framework)
      }
    }
    return findings
  }

  /// Words in a demand's `from` that say an event, not a person, raised it.
  private static let eventSourceWords = ["monitor", "alert", "alarm", "event", "sensor", "tool", "probe"]

  /// Whether the demand that leads to step `index` is raised by an event rather than a person: the step names the
  /// monitoring-and-event-management practice, or the demand's `from` names monitoring, an alert, an alarm, an event, a
  /// sensor, a tool or a probe.
  private static func isEventDriven(step index: Int, _ context: CheckContext) -> Bool {
    let monitoring = context.configuration.catalogue.index(of: "monitoring-and-event-management")
    if context.steps.practices(ofStep: index).contains(Int32(monitoring)) { return true }
    let demand = context.declarations.demands[0]
    guard let attribute = context.syntax.attribute(.from, of: demand), case .string(let from) = attribute.value else {
      return false
    }
    let source = from.value(in: context.file).lowercased()
    return eventSourceWords.contains { source.contains($0) }
  }
}

extension Message {
  static func firstStepDoesNotEngage(_ step: String, _ activity: Activity) -> Message {
    Message(
      text: "the first step after the demand, `\(step)`, is not an `engage` step", label: "\(activity.id), not engage",
      help:
        "value streams usually begin by engaging the consumer; for demand raised by monitoring, name "
        + "`monitoring-and-event-management` or say `from \"Monitoring\"` on the demand")
  }

  static func firstStepIsNotTypical(_ step: String, _ activity: Activity, _ framework: Framework) -> Message {
    let typical = framework.typicalFirstActivities.map { "`\($0.id)`" }.joined(separator: " or ")
    let event = framework.eventDrivenFirstActivities.map { "`\($0.id)`" }.joined(separator: " or ")
    return Message(
      text: "the first step after the demand, `\(step)`, is not a \(typical) step",
      label: "\(activity.id), not \(framework.typicalFirstActivities.map(\.id).joined(separator: " or "))",
      help:
        "\(framework.name) streams usually begin by discovering a need or supporting a request; for demand raised "
        + "by monitoring, start in \(event) and name `monitoring-and-event-management` or say "
        + "`from \"Monitoring\"` on the demand")
  }
}
