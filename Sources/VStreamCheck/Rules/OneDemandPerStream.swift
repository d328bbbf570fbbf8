import VStreamSource

/// A stream answers exactly one demand (VS303, VS304): a value stream always starts with demand, and two kinds of
/// demand are two streams.
enum OneDemandPerStream: CheckRule {
  static func findings(in context: CheckContext) -> Findings {
    var findings = context.findings()
    let demands = context.declarations.demands
    // A flow that starts from an undeclared name has its finding already (VS311 offers to declare it as the demand).
    if demands.isEmpty && context.hasBody && !context.endsInAnOpenBlock
      && !FlowNamesAreDeclared.startsFromAnUndeclaredDemand(context)
    {
      findings.add(.missingDemand, at: context.declarations.streams.first?.anchor ?? context.bodyStart) {
        .missingDemand
      }
    }
    for extra in demands.dropFirst() {
      findings.add(.multipleDemands, at: extra.anchor) { .secondDemand(first: demands[0].anchor) }
    }
    return findings
  }
}

extension Message {
  static let missingDemand = Message(
    text: "the stream has no demand", label: "every value stream starts with demand",
    help: "add `demand some-id \"What the consumer asks for\"`")

  static func secondDemand(first: SourceRange) -> Message {
    Message(
      text: "a stream answers one demand, but this is the second", label: "second demand",
      secondary: [Diagnostic.Label(range: first, message: "first demand")],
      help: "split the file into one stream per demand")
  }
}
