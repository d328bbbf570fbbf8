import VStreamSource
import VStreamSyntax

/// Work after a value (feedback, improvement, a hand-over) does not lead back to a step before the values (VS327):
/// the item already reached its value, so an arrow back would make it reach it again. New work that feedback
/// starts is a new demand. Arrows out of a value are otherwise allowed: VS313, which forbade them, is retired.
enum NothingAfterAValueLeadsBack: CheckRule {
  static func findings(in context: CheckContext) -> Findings {
    var findings = context.findings()
    let stepCount = context.declarations.steps.count
    for arrow in context.flow.arrowsBackFromAfterValue {
      let name = { (node: Int32) in context.text(context.declarations.declaration(ofNode: Int(node)).identifier) }
      // A line of this one arrow can go as a whole; from a longer chain the author chooses what to keep.
      var fixes: [Diagnostic.Fix] = []
      if arrow.flow >= 0, case .flow(let line) = context.syntax.items[Int(arrow.flow)], line.nodeSpan.count == 2 {
        fixes = [.replace(line.range, with: "", "remove the arrow", safety: .unsafe)]
      }
      findings.add(.afterValueLeadsBack, at: arrow.range) {
        .afterValueLeadsBack(
          from: name(arrow.from), isValue: Int(arrow.from) > stepCount, to: name(arrow.to),
          toValue: Int(arrow.to) > stepCount, kind: arrow.kind, fixes: fixes)
      }
    }
    return findings
  }
}

extension Message {
  static func afterValueLeadsBack(
    from: String, isValue: Bool, to: String, toValue: Bool = false, kind: FlowKind, fixes: [Diagnostic.Fix]
  ) -> Message {
    let subject = "\(isValue ? "the value" : "step") `\(from)`\(isValue ? "" : ", after a value,")"
    return Message(
      text: toValue
        ? (from == to ? "\(subject) leads back to itself" : "\(subject) leads back to the value `\(to)`")
        : "\(subject) leads back to `\(to)`, before the value",
      label: toValue ? "reaches the value again" : "back to before the value",
      notes: [
        "steps after a value (feedback, improvement, a hand-over) end there or reach another value; an item does not reach its value twice"
      ],
      help:
        "remove the arrow `\(kind.rawValue) \(from) -> \(to)`; if the feedback starts new work, that is a new demand (another stream)",
      fixes: fixes)
  }
}
