import VStreamModel
import VStreamSource
import VStreamSyntax

/// The forward arrows out of a node are either all `parallel` (a fork) or none (VS333): a node cannot send every
/// item down each branch and also one item down one alternative. One finding per node, at its alternative arrow to
/// the smallest id, the others as secondary labels; a node with one `parallel` arrow is left to VS329. Judged only
/// on a complete flow.
enum ForksAreNotAlternatives: CheckRule {
  static func findings(in context: CheckContext) -> Findings {
    var findings = context.findings()
    guard context.flowIsJudged, context.flow.arrows.contains(where: { $0.kind == .parallel }) else { return findings }
    // A node with one `parallel` arrow is VS329's alone: its fix (a `flow` arrow) settles this too.
    var branches: [Int32: Set<Int32>] = [:]
    for arrow in context.flow.arrows where arrow.kind == .parallel {
      branches[arrow.from, default: []].insert(arrow.to)
    }
    let forks = Set(branches.filter { $0.value.count >= 2 }.keys)
    var alternatives: [Int32: [FlowArrow]] = [:]
    for arrow in context.flow.arrows where forks.contains(arrow.from) && !arrow.isRework && arrow.kind != .parallel {
      alternatives[arrow.from, default: []].append(arrow)
    }
    let ranks = context.nodeRanks
    for (from, arrows) in alternatives.sorted(by: { ranks[Int($0.key)] < ranks[Int($1.key)] }) {
      let sorted = arrows.sorted { ranks[Int($0.to)] < ranks[Int($1.to)] }
      findings.add(.forkMixesAlternatives, at: sorted[0].range) {
        .forkMixesAlternatives(fork: context.name(ofNode: Int(from)), others: sorted.dropFirst().map(\.range))
      }
    }
    return findings
  }
}

extension Message {
  static func forkMixesAlternatives(fork: String, others: [SourceRange]) -> Message {
    Message(
      text: "`\(fork)` has both `parallel` arrows and alternatives",
      label: "an alternative out of the fork `\(fork)`",
      secondary: others.prefix(8).map { Diagnostic.Label(range: $0, message: "another alternative out of `\(fork)`") },
      notes: ["every item takes every `parallel` arrow, but only one of the alternatives"],
      help:
        "put the alternatives on a step of their own before or after the fork, or write every arrow out of `\(fork)` on `parallel` lines"
    )
  }
}
