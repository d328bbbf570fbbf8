import VStreamSource

/// Nothing flows into the demand (VS312): it is where the stream starts.
enum NoArrowIntoTheDemand: CheckRule {
  static func findings(in context: CheckContext) -> Findings {
    var findings = context.findings()
    for arrow in context.flow.arrowsIntoDemand {
      findings.add(.arrowIntoDemand, at: arrow.arrow) { .arrowIntoDemand(context.file.text(arrow.name)) }
    }
    return findings
  }
}

extension Message {
  static func arrowIntoDemand(_ demand: String) -> Message {
    Message(
      text: "an arrow leads back into the demand `\(demand)`", label: "into the demand",
      help: "rework goes back to a step, not to the demand")
  }
}
