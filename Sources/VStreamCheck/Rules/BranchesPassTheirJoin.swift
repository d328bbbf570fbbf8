import VStreamModel
import VStreamSource
import VStreamSyntax

/// Every route of a fork's branch passes the join (VS331): a branch that can reach a value or an end without it
/// would leave the join waiting for ever. One finding per such branch, at its `parallel` arrow, with the join named.
/// Branches that never meet at all are VS330's alone; a fork after a value is not judged (that work may end on
/// each branch). Judged only on a complete flow whose forward arrows do not
/// loop.
enum BranchesPassTheirJoin: CheckRule {
  static func findings(in context: CheckContext) -> Findings {
    var findings = context.findings()
    guard context.flowIsJudged else { return findings }
    let byFork = context.parallelArrowsByFork()
    for section in context.parallelSections where !section.skipping.isEmpty && !context.isAfterTheValues(section.fork) {
      guard let join = section.join else { continue }
      let arrows = byFork[section.fork] ?? []
      for slot in section.skipping {
        guard let arrow = arrows.first(where: { Int($0.to) == section.branches[slot] }) else { continue }
        findings.add(.branchSkipsJoin, at: arrow.range) {
          .branchSkipsJoin(
            fork: context.name(ofNode: section.fork), branch: context.name(ofNode: section.branches[slot]),
            join: context.name(ofNode: join))
        }
      }
    }
    return findings
  }
}

extension Message {
  static func branchSkipsJoin(fork: String, branch: String, join: String) -> Message {
    Message(
      text: "the branch `\(fork) -> \(branch)` can end without reaching its join `\(join)`",
      label: "a route from `\(branch)` reaches a value or an end before `\(join)`",
      notes: ["`\(join)` waits for every branch out of `\(fork)`: one that never arrives would keep it waiting"],
      help: "lead every route of the branch into `\(join)`, or take the branch out of the fork")
  }
}
