import VStreamModel
import VStreamSource
import VStreamSyntax

/// How much a rework arrow sends back is known (VS419): from its written share, or from its step's `ca`. A rework
/// arrow with neither, out of a step that also passes work on, counts no rework in the expected figures, which then
/// understate the lead time. One finding per step, at its such arrow whose target has the smallest id.
enum ReworkShareIsKnown: CheckRule {
  /// The placeholder the fix writes: obviously a guess to replace, and a share a loop can leave.
  static let placeholder = "ca 90%"

  static func findings(in context: CheckContext) -> Findings {
    var findings = context.findings()
    let stepCount = context.declarations.steps.count
    // Only a step that also passes work on has an unknown share: with no forward arrow everything goes back.
    var passesOn = [Bool](repeating: false, count: context.declarations.nodeCount)
    for arrow in context.flow.arrows where !arrow.isRework { passesOn[Int(arrow.from)] = true }
    let candidates = context.flow.arrows.filter { arrow in
      let from = Int(arrow.from)
      return arrow.isRework && arrow.share < 0 && from >= 1 && from <= stepCount && passesOn[from]
        && context.steps.completeAccurate[from - 1] == nil
    }
    guard !candidates.isEmpty else { return findings }
    // Only an arrow that closes a loop: one that does not go back is VS323's.
    let all = Adjacency(nodeCount: context.declarations.nodeCount, arrows: context.flow.forEachArrow)
    var component = [Int](repeating: -1, count: all.nodeCount)
    for (number, members) in all.stronglyConnectedComponents().enumerated() {
      for node in members { component[node] = number }
    }
    let ranks = context.nodeRanks
    var first = [Int: FlowArrow]()
    for arrow in candidates where component[Int(arrow.from)] == component[Int(arrow.to)] {
      let from = Int(arrow.from)
      if let earlier = first[from], ranks[Int(earlier.to)] <= ranks[Int(arrow.to)] { continue }
      first[from] = arrow
    }
    for from in first.keys.sorted() {
      let step = context.declarations.steps[from - 1]
      // A `ca` that is written but cannot be read (`ca 0.9`, `ca 190%`) is its own finding, not an unknown share.
      guard !step.hasErrors, context.syntax.attribute(.ca, of: step) == nil, let arrow = first[from] else { continue }
      let name = { (node: Int32) in context.text(context.declarations.declaration(ofNode: Int(node)).identifier) }
      let end = context.file.lineRange(context.file.line(of: step.range.end)).end
      let fix = Diagnostic.Fix.replace(
        SourceRange(start: end, end: end), with: "\n  \(placeholder)",
        "add `\(placeholder)` to `\(name(arrow.from))` (a placeholder: write the share it passes on as is)",
        safety: .unsafe)
      findings.add(.reworkShareUnknown, at: arrow.range) {
        .reworkShareUnknown(from: name(arrow.from), to: name(arrow.to), fix: fix)
      }
    }
    return findings
  }
}

extension Message {
  static func reworkShareUnknown(from: String, to: String, fix: Diagnostic.Fix) -> Message {
    Message(
      text: "how much `rework \(from) -> \(to)` sends back is unknown", label: "no share, and `\(from)` has no `ca`",
      notes: ["the expected figures count no rework on this arrow, so they understate the lead time"],
      help:
        "give `\(from)` its `ca` (the share it passes on as is), or write the share on the arrow: `rework \(from) -> 20% \(to)`",
      fixes: [fix])
  }
}
