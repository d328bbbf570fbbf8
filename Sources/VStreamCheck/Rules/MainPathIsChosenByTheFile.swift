import VStreamModel
import VStreamSource

/// The main path is chosen by the file, not by how ids sort (VS417): without `main` lines, a node on the main path
/// where two or more forward arrows lead on toward a value and none of them has a share is a choice vstream can
/// only make by the smallest id. One finding per such node, at its declaration. Judged only on a complete flow whose
/// forward arrows do not loop.
enum MainPathIsChosenByTheFile: CheckRule {
  static func findings(in context: CheckContext) -> Findings {
    var findings = context.findings()
    let flow = context.flow
    let declarations = context.declarations
    guard context.flowIsJudged, !flow.declaresMainPath else { return findings }
    let count = declarations.nodeCount
    let forward = Adjacency(nodeCount: count, arrows: flow.forEachForwardArrow)
    guard forward.topologicalOrder() != nil else { return findings }
    let backward = Adjacency(nodeCount: count) { arrow in flow.forEachForwardArrow { arrow($1, $0) } }
    let canFinish = backward.reachable(from: Array((1 + declarations.steps.count)..<count))
    let ranks = context.nodeRanks
    let path = FlowAnalysis.mainPath(
      stepCount: declarations.steps.count, valueCount: declarations.values.count, ranks: ranks,
      arrows: context.forEachMainPathArrow)
    guard path.count > 1 else { return findings }
    var shared = [Bool](repeating: false, count: count)
    for arrow in flow.arrows where !arrow.isRework && arrow.share >= 0 { shared[Int(arrow.from)] = true }
    // A fork is no choice: every branch is taken, and the main path follows the critical one.
    for arrow in flow.arrows where arrow.kind == .parallel { shared[Int(arrow.from)] = true }
    let name = { (node: Int) in context.text(declarations.declaration(ofNode: node).identifier) }
    for (ref, next) in zip(path, path.dropFirst()) {
      let node = declarations.nodeNumber(ref)
      guard !shared[node] else { continue }
      // Each arrow is written once (a repeat is VS411's and not kept), so the targets are distinct.
      let choices = forward[node].filter { canFinish[Int($0)] }
      guard choices.count > 1 else { continue }
      let chosen = name(declarations.nodeNumber(next))
      let others = choices.map { name(Int($0)) }.filter { $0 != chosen }.sorted { $0.precedesInByteOrder($1) }
      findings.add(.ambiguousMainPath, at: declarations.declaration(ofNode: node).anchor) {
        .ambiguousMainPath(at: name(node), chosen: chosen, others: others)
      }
    }
    return findings
  }
}

extension Message {
  static func ambiguousMainPath(at node: String, chosen: String, others: [String]) -> Message {
    Message(
      text: "the main path goes from `\(node)` to `\(chosen)` only because its id sorts first",
      label: "\(others.count + 1) ways on, none more likely",
      notes: [
        "the other \(others.count == 1 ? "way" : "ways") on: \(others.prefix(5).map { "`\($0)`" }.joined(separator: ", "))"
      ],
      help:
        "write shares on the arrows out of `\(node)` (`flow \(node) -> 70% \(chosen)`), or the main path as a `main` line"
    )
  }
}
