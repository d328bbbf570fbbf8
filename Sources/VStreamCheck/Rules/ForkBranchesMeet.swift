import VStreamModel
import VStreamSource
import VStreamSyntax

/// The branches of a fork meet again (VS330): some node is reached by every branch, where the work goes on once
/// all are done. One finding per fork, at its `parallel` arrow to the smallest id, the other branches as secondary
/// labels. A fork after a value is not judged: that work may end on each branch. Judged only on a complete flow
/// whose forward arrows do not loop.
enum ForkBranchesMeet: CheckRule {
  static func findings(in context: CheckContext) -> Findings {
    var findings = context.findings()
    guard context.flowIsJudged else { return findings }
    let byFork = context.parallelArrowsByFork()
    for section in context.parallelSections where section.join == nil && !context.isAfterTheValues(section.fork) {
      let arrows = byFork[section.fork] ?? []
      guard let first = arrows.first else { continue }
      findings.add(.parallelNeverJoins, at: first.range) {
        .parallelNeverJoins(
          fork: context.name(ofNode: section.fork), others: arrows.dropFirst().map(\.range))
      }
    }
    return findings
  }
}

extension CheckContext {
  /// The `parallel` arrows out of each fork, one per branch, ordered by their targets' ids: one pass over the
  /// arrows, however many forks a rule reports.
  func parallelArrowsByFork() -> [Int: [FlowArrow]] {
    var byFork: [Int: [FlowArrow]] = [:]
    var seen = Set<[Int32]>()
    for arrow in flow.arrows where arrow.kind == .parallel && seen.insert([arrow.from, arrow.to]).inserted {
      byFork[Int(arrow.from), default: []].append(arrow)
    }
    return byFork.mapValues { $0.sorted { nodeRanks[Int($0.to)] < nodeRanks[Int($1.to)] } }
  }

  /// Whether a node is a value or comes only after one: work after the value (feedback beside closing the record)
  /// may fork into branches that each end on their own, outside every lead time.
  func isAfterTheValues(_ node: Int) -> Bool { node > declarations.steps.count || flow.isAfterValue(node) }

  /// The id of a node (demand 0, steps 1...n, values n+1...).
  func name(ofNode node: Int) -> String { text(declarations.declaration(ofNode: node).identifier) }
}

extension Message {
  static func parallelNeverJoins(fork: String, others: [SourceRange]) -> Message {
    Message(
      text: "the branches out of `\(fork)` never meet again", label: "a branch out of `\(fork)`",
      secondary: others.prefix(8).map { Diagnostic.Label(range: $0, message: "another branch out of `\(fork)`") },
      notes: ["parallel branches meet at a join, the first node every branch reaches; the work goes on from there"],
      help: "lead every branch to the step where the work comes together")
  }
}
