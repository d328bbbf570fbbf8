import VStreamModel
import VStreamSource

/// A range is written from least to most (VS337: `4h..1h`), and a three-point estimate's most likely value lies
/// between them (VS338: `1h..5h..4h`). The fix writes the estimates in order: safe for two, which can only mean one
/// range; unsafe for three, where the order chooses which value is the most likely.
enum EstimatesAreInOrder: CheckRule {
  static func findings(in context: CheckContext) -> Findings {
    var findings = context.findings()
    for inverted in context.steps.invertedRanges {
      findings.add(.invertedRange, at: inverted.range) {
        .estimatesOutOfOrder(
          "the range `\(context.file.text(inverted.range))` runs from more to less", label: "least first",
          ordered: inverted.ordered,
          safety: inverted.ordered.components(separatedBy: "..").count == 2 ? .safe : .unsafe,
          at: inverted.range)
      }
    }
    for outside in context.steps.likelyOutsideRange {
      findings.add(.likelyOutsideRange, at: outside.range) {
        .estimatesOutOfOrder(
          "the most likely value of `\(context.file.text(outside.range))` is outside its range",
          label: "least..most likely..most", ordered: outside.ordered, safety: .unsafe, at: outside.range)
      }
    }
    return findings
  }
}

extension Message {
  static func estimatesOutOfOrder(
    _ text: String, label: String, ordered: String, safety: Diagnostic.Fix.Safety, at range: SourceRange
  ) -> Message {
    Message(
      text: text, label: label,
      help: "write a range as least..most and a three-point estimate as least..most likely..most: `\(ordered)`",
      fixes: [.replace(range, with: ordered, "write `\(ordered)`", safety: safety)])
  }
}
