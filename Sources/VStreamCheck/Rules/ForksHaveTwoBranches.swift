import VStreamModel
import VStreamSource
import VStreamSyntax

/// A fork has at least two branches (VS329): one `parallel` arrow out of a node has nothing running beside it. One
/// finding per node, at its `parallel` arrow; when the arrow's line holds it alone, the unsafe fix writes it as
/// `flow`. Judged only on a complete flow.
enum ForksHaveTwoBranches: CheckRule {
  static func findings(in context: CheckContext) -> Findings {
    var findings = context.findings()
    guard context.flowIsJudged, context.flow.arrows.contains(where: { $0.kind == .parallel }) else { return findings }
    var branches: [Int32: [FlowArrow]] = [:]
    for arrow in context.flow.arrows where arrow.kind == .parallel { branches[arrow.from, default: []].append(arrow) }
    for (from, arrows) in branches.sorted(by: { $0.key < $1.key }) where Set(arrows.map(\.to)).count == 1 {
      let arrow = arrows[0]
      let name = { (node: Int32) in context.name(ofNode: Int(node)) }
      findings.add(.loneParallelBranch, at: arrow.range) {
        .loneParallelBranch(
          from: name(from), to: name(arrow.to), fixes: MainArrowsFormOnePath.asFlow(arrow, context))
      }
    }
    return findings
  }
}

extension Message {
  /// A fork of one branch: the branch that would run beside it, or an ordinary arrow.
  static func loneParallelBranch(from: String, to: String, fixes: [Diagnostic.Fix]) -> Message {
    let help = "add the branch that runs beside it (`parallel \(from) -> ...`), or write `flow \(from) -> \(to)`"
    let why = "`parallel` arrows out of a node start at the same time: a fork needs two branches or more"
    return Message(
      text: "`\(from)` forks into one branch only", label: "the only `parallel` arrow out of `\(from)`", notes: [why],
      help: help, fixes: fixes)
  }
}
