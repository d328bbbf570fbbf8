import VStreamSource

/// A stream reaches at least one value (VS305): a value stream always ends with value. A flow that ends in an
/// undeclared name has its finding already (VS311 offers to declare it as the value).
enum StreamHasAValue: CheckRule {
  static func findings(in context: CheckContext) -> Findings {
    var findings = context.findings()
    if context.declarations.values.isEmpty && context.hasBody && !context.endsInAnOpenBlock
      && !FlowNamesAreDeclared.endsInAnUndeclaredValue(context)
    {
      findings.add(.missingValue, at: context.declarations.streams.first?.anchor ?? context.bodyStart) { .missingValue }
    }
    return findings
  }
}

extension Message {
  static let missingValue = Message(
    text: "the stream has no value", label: "every value stream ends with value",
    help: "add `value some-id \"What the consumer gets\"`")
}
