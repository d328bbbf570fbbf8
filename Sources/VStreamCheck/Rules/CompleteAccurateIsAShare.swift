import VStreamModel
import VStreamSource

/// A step's %complete/accurate is a share of its output, at most 100% (VS310).
enum CompleteAccurateIsAShare: CheckRule {
  static func findings(in context: CheckContext) -> Findings {
    var findings = context.findings()
    for above in context.steps.completeAccurateAboveWhole {
      findings.add(.percentageOutOfRange, at: above.range) { .completeAccurateAboveWhole(hundredths: above.hundredths) }
    }
    return findings
  }
}

extension Message {
  static func completeAccurateAboveWhole(hundredths: Int64) -> Message {
    Message(
      text: "%complete/accurate cannot be above 100%", label: "\(Percentage(hundredths: hundredths).formatted)",
      help: "`ca` is the share of the output the next step can use as is, from 0% to 100%")
  }
}
