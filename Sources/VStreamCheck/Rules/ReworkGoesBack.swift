import VStreamModel
import VStreamSource
import VStreamSyntax

/// A `rework` arrow goes back upstream (VS323): its target is its source, or leads to its source by forward arrows.
/// A rework arrow that goes forward or across is ordinary flow, and counting it as rework would hide work from the
/// worst case. Judged only on a complete flow whose forward arrows do not loop (otherwise VS322 speaks first).
enum ReworkGoesBack: CheckRule {
  static func findings(in context: CheckContext) -> Findings {
    var findings = context.findings()
    guard context.flowIsJudged, context.flow.arrows.contains(where: \.isRework) else { return findings }
    let count = context.declarations.nodeCount
    let forward = Adjacency(nodeCount: count, arrows: context.flow.forEachForwardArrow)
    guard let order = forward.topologicalOrder() else { return findings }
    var position = [Int](repeating: 0, count: count)
    for (slot, node) in order.enumerated() { position[node] = slot }
    let backward = Adjacency(nodeCount: count) { arrow in context.flow.forEachForwardArrow { arrow($1, $0) } }
    // Whether `target` is an ancestor of `source`: a search back from the source that never visits a node placed
    // before the target in the topological order (no path from the target passes there). Rework loops are short,
    // so each search is too.
    var seen = [Int32](repeating: -1, count: count)
    func isUpstream(_ target: Int, of source: Int, search: Int32) -> Bool {
      if target == source { return true }
      guard position[target] < position[source] else { return false }
      var queue = [source]
      seen[source] = search
      while let node = queue.popLast() {
        for previous in backward[node] {
          let previous = Int(previous)
          if previous == target { return true }
          guard seen[previous] != search, position[previous] > position[target] else { continue }
          seen[previous] = search
          queue.append(previous)
        }
      }
      return false
    }
    for (number, arrow) in context.flow.arrows.enumerated() where arrow.isRework {
      guard !isUpstream(Int(arrow.to), of: Int(arrow.from), search: Int32(number)) else { continue }
      let name = { (node: Int32) in context.text(context.declarations.declaration(ofNode: Int(node)).identifier) }
      var fixes: [Diagnostic.Fix] = []
      // Only a line of one arrow: the keyword speaks for every arrow of a chain.
      if arrow.flow >= 0, case .flow(let line) = context.syntax.items[Int(arrow.flow)], line.nodeSpan.count == 2 {
        fixes = [.replace(line.keywordRange, with: "flow", "write the arrow as flow", safety: .unsafe)]
      }
      findings.add(.reworkGoesForward, at: arrow.range) {
        .reworkGoesForward(from: name(arrow.from), to: name(arrow.to), fixes: fixes)
      }
    }
    return findings
  }
}

extension Message {
  static func reworkGoesForward(from: String, to: String, fixes: [Diagnostic.Fix]) -> Message {
    Message(
      text: "rework arrow `\(from) -> \(to)` does not go back", label: "`\(to)` is not upstream of `\(from)`",
      notes: ["a rework arrow sends work back to a step it already passed through"],
      help: "write it as a forward arrow: `flow \(from) -> \(to)`", fixes: fixes)
  }
}
