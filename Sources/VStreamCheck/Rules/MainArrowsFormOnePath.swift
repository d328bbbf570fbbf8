import VStreamModel
import VStreamSource
import VStreamSyntax

/// The `main` arrows, when a file has any, form one path from the demand to a value (VS324): exactly one leaves the
/// demand and each node they reach, the last reaches a value, and none lies off that path. One finding per file, at
/// the first place the path breaks, so that one mistake is one diagnostic. A fork on the path needs no `main` arrow:
/// the path goes through its branches (the critical one, for the figures) on to its join. Judged only on a complete flow whose
/// forward arrows do not loop (otherwise VS322 speaks first).
enum MainArrowsFormOnePath: CheckRule {
  static func findings(in context: CheckContext) -> Findings {
    var findings = context.findings()
    let flow = context.flow
    guard context.flowIsJudged, flow.declaresMainPath else { return findings }
    let count = context.declarations.nodeCount
    guard Adjacency(nodeCount: count, arrows: flow.forEachForwardArrow).topologicalOrder() != nil else {
      return findings
    }
    let ranks = context.nodeRanks
    let name = { (node: Int) in context.text(context.declarations.declaration(ofNode: node).identifier) }
    // The main arrows by source, each sorted by its target's id.
    var leaving = [[FlowArrow]](repeating: [], count: count)
    for arrow in flow.arrows where arrow.kind == .main { leaving[Int(arrow.from)].append(arrow) }
    for node in leaving.indices where leaving[node].count > 1 {
      leaving[node].sort { ranks[Int($0.to)] < ranks[Int($1.to)] }
    }
    var onPath = [Bool](repeating: false, count: count)
    var node = 0
    var last: FlowArrow?
    while true {
      onPath[node] = true
      if node > context.declarations.steps.count { break }
      // A fork on the main path: its `parallel` arrows are all taken, and the path goes on from its join.
      if leaving[node].isEmpty, let join = context.parallelSections.first(where: { $0.fork == node })?.join {
        node = join
        continue
      }
      guard let next = leaving[node].first else {
        let anchor = last?.range ?? context.declarations.demands[0].anchor
        findings.add(.mainPathBroken, at: anchor) { .mainPathStops(at: name(node), fromDemand: node == 0) }
        return findings
      }
      if leaving[node].count > 1 {
        let other = leaving[node][1]
        findings.add(.mainPathBroken, at: other.range) {
          .mainPathForks(at: name(node), to: name(Int(other.to)), fixes: asFlow(other, context))
        }
        return findings
      }
      last = next
      node = Int(next.to)
    }
    let offPath = flow.arrows.filter { $0.kind == .main && !onPath[Int($0.from)] }
    if let stray = offPath.min(by: {
      (ranks[Int($0.from)], ranks[Int($0.to)]) < (ranks[Int($1.from)], ranks[Int($1.to)])
    }) {
      findings.add(.mainPathBroken, at: stray.range) {
        .mainArrowOffPath(from: name(Int(stray.from)), to: name(Int(stray.to)), fixes: asFlow(stray, context))
      }
    }
    return findings
  }

  /// Writing an arrow on a `flow` line: a change of keyword for a line of one arrow (a chain's keyword speaks for
  /// every arrow of it, so none is offered there).
  static func asFlow(_ arrow: FlowArrow, _ context: CheckContext) -> [Diagnostic.Fix] {
    guard arrow.flow >= 0, case .flow(let line) = context.syntax.items[Int(arrow.flow)], line.nodeSpan.count == 2 else {
      return []
    }
    return [.replace(line.keywordRange, with: "flow", "write the arrow on a `flow` line", safety: .unsafe)]
  }
}

extension Message {
  static func mainPathStops(at node: String, fromDemand: Bool) -> Message {
    Message(
      text: fromDemand ? "no `main` arrow leaves the demand `\(node)`" : "the main path stops at `\(node)`",
      label: fromDemand ? "the main path must start here" : "no `main` arrow leaves `\(node)`",
      help: "the `main` arrows must lead from the demand to a value: continue it with `main \(node) -> ...`")
  }

  static func mainPathForks(at node: String, to target: String, fixes: [Diagnostic.Fix]) -> Message {
    Message(
      text: "two `main` arrows leave `\(node)`", label: "a second main arrow",
      notes: ["the main path is one path; other branches are written on `flow` lines"],
      help: "write this arrow on a `flow` line: `flow \(node) -> \(target)`", fixes: fixes)
  }

  static func mainArrowOffPath(from: String, to: String, fixes: [Diagnostic.Fix]) -> Message {
    Message(
      text: "`main` arrow `\(from) -> \(to)` is not on the main path from the demand", label: "off the main path",
      help: "write it on a `flow` line: `flow \(from) -> \(to)`", fixes: fixes)
  }
}
