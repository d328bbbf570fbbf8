import VStreamModel
import VStreamSource

/// A step's own `target` (an OLA) is met by its lead time, its `wait` plus its `time` (VS429), and is at least its
/// `time` (VS336: a target shorter than the step's work cannot be met however short its wait). A range counts its
/// mean, as in the metrics. A step that runs another stream is not judged: its figures come from that stream when the
/// files are linked.
enum StepsMeetTheirTargets: CheckRule {
  static func findings(in context: CheckContext) -> Findings {
    var findings = context.findings()
    let settings = context.configuration.durationSettings
    let steps = context.steps
    for stated in steps.stepTargets
    where !context.syntax.hasAttribute(.runs, of: context.declarations.steps[stated.step]) {
      let work = steps.processTimes[stated.step] ?? .zero
      judge(
        context.text(context.declarations.steps[stated.step].identifier), target: stated.target, at: stated.range,
        work: work, lead: work + (steps.waitTimes[stated.step] ?? .zero), settings: settings, into: &findings)
    }
    return findings
  }

  /// The finding about one step's target once its figures are known, here and for a linked step (`LinkedTargets`).
  static func judge(
    _ id: String, target: Duration, at range: SourceRange, work: Duration, lead: Duration, settings: DurationSettings,
    into findings: inout Findings
  ) {
    if target < work {
      findings.add(.targetBelowProcessTime, at: range) {
        .stepTargetBelowWork(id, target.readable(settings), work: work.readable(settings, as: .effort))
      }
    } else if lead > target {
      findings.add(.stepOverTarget, at: range) {
        .stepOverTarget(
          id, lead.readable(settings), over: (lead - target).readable(settings), target: target.readable(settings))
      }
    }
  }
}

extension Message {
  static func stepTargetBelowWork(_ step: String, _ target: String, work: String) -> Message {
    Message(
      text: "step `\(step)`'s target \(target) is shorter than its process time \(work)", label: "cannot be met",
      help: "raise the target, or plan less work in the step")
  }

  static func stepOverTarget(_ step: String, _ lead: String, over: String, target: String) -> Message {
    Message(
      text: "step `\(step)` takes \(lead) (wait and work), \(over) over its target of \(target)",
      label: "target missed",
      help: "shorten the wait before the step or its work, or agree a target it can meet")
  }
}
