import VStreamModel
import VStreamSource

/// A rework arrow from inside a branch of a fork goes back within that branch (VS334). Going back to the fork or
/// before it would start again work the other branches are still doing (into another branch is VS323): whether they stop
/// or finish first is not written, so the join's visits, the expected figures and the simulation would each count it
/// differently. A failure that sends the whole fork back is decided where the branches meet, and written from the
/// join. Judged on a complete flow whose forward arrows do not loop.
enum ReworkStaysInItsBranch: CheckRule {
  static func findings(in context: CheckContext) -> Findings {
    var findings = context.findings()
    guard context.flowIsJudged, !context.parallelSections.isEmpty else { return findings }
    // Each node's branch, innermost fork last: a node inside an inner fork is in a branch of each fork around it.
    var branchesOf: [Int: [(section: Int, slot: Int)]] = [:]
    for (number, section) in context.parallelSections.enumerated() where section.join != nil {
      for (slot, region) in section.regions.enumerated() {
        for node in region { branchesOf[node, default: []].append((number, slot)) }
      }
    }
    guard !branchesOf.isEmpty else { return findings }
    for arrow in context.flow.arrows where arrow.isRework {
      let (from, to) = (Int(arrow.from), Int(arrow.to))
      // Into another branch of the same fork is not back at all (VS323 says so): only a target outside the fork's
      // branches, at the fork or before it, is this.
      guard
        let left = branchesOf[from, default: []].first(where: { branch in
          !(branchesOf[to] ?? []).contains { $0.section == branch.section }
        })
      else { continue }
      let section = context.parallelSections[left.section]
      findings.add(.reworkLeavesItsBranch, at: arrow.range) {
        .reworkLeavesItsBranch(
          from: context.name(ofNode: from), to: context.name(ofNode: to), fork: context.name(ofNode: section.fork),
          branch: context.name(ofNode: section.branches[left.slot]), join: context.name(ofNode: section.join!))
      }
    }
    return findings
  }
}

extension Message {
  static func reworkLeavesItsBranch(from: String, to: String, fork: String, branch: String, join: String) -> Message {
    Message(
      text: "the rework `\(from) -> \(to)` leaves its branch `\(fork) -> \(branch)` of a parallel fork",
      label: "goes back out of the branch",
      notes: [
        "the other branches of `\(fork)` are still at work: whether they stop or finish is not written, so the"
          + " figures cannot count it"
      ],
      help: "send the work back within the branch, or decide where the branches meet: `rework \(join) -> \(to)`")
  }
}
