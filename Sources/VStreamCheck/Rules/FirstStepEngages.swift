import VStreamModel
import VStreamSource

/// The steps the demand leads to are `engage` steps (VS403): value streams usually begin by engaging the consumer.
/// Judged only in a stream that engages somewhere (else VS402 says it once).
enum FirstStepEngages: CheckRule {
  static func findings(in context: CheckContext) -> Findings {
    var findings = context.findings()
    let (activities, declarations) = (context.steps.activities, context.declarations)
    guard !activities.isEmpty, context.everyActivityIsKnown, activities.contains(.engage), context.flow.isComplete,
      declarations.demands.count == 1
    else { return findings }
    for arrow in context.flow.arrows where arrow.from == 0 && arrow.to >= 1 && Int(arrow.to) <= declarations.steps.count {
      let index = Int(arrow.to) - 1
      guard let activity = activities[index], activity != .engage else { continue }
      let step = declarations.steps[index]
      findings.add(.engageFirst, at: step.anchor) { .firstStepDoesNotEngage(context.text(step.identifier), activity) }
    }
    return findings
  }
}

extension Message {
  static func firstStepDoesNotEngage(_ step: String, _ activity: Activity) -> Message {
    Message(
      text: "the first step after the demand, `\(step)`, is not an `engage` step", label: "\(activity.id), not engage",
      help: "value streams usually begin by engaging the consumer; allow this with a reason if it is intended")
  }
}
