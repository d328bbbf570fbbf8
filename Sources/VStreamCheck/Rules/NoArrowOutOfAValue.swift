import VStreamSource

/// Nothing flows out of a value (VS313): a value ends the stream.
enum NoArrowOutOfAValue: CheckRule {
  static func findings(in context: CheckContext) -> Findings {
    var findings = context.findings()
    for arrow in context.flow.arrowsOutOfValue {
      findings.add(.arrowOutOfValue, at: arrow.arrow) {
        .arrowOutOfValue(context.text(context.declarations.declaration(ofNode: arrow.value).identifier))
      }
    }
    return findings
  }
}

extension Message {
  static func arrowOutOfValue(_ value: String) -> Message {
    Message(
      text: "an arrow leads out of the value `\(value)`", label: "out of a value",
      help: "a value ends the stream; new work is a new demand")
  }
}
