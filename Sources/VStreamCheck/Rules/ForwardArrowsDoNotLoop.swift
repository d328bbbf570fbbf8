import VStreamModel
import VStreamSource
import VStreamSyntax

/// The forward arrows (`flow` and `main` lines) never loop (VS322): work that goes back is written on a `rework`
/// line, so that which arrow closes a loop is said, not guessed from the order lines are written in. One finding per
/// loop (a strongly connected component), at the arrow whose target is nearest the demand (by arrows from the demand,
/// ties by id), which is the arrow that most likely sends work back. A loop with no way out toward a value is left to
/// VS316. Judged only on a complete flow.
enum ForwardArrowsDoNotLoop: CheckRule {
  static func findings(in context: CheckContext) -> Findings {
    var findings = context.findings()
    guard context.flowIsJudged else { return findings }
    let count = context.declarations.nodeCount
    let forward = Adjacency(nodeCount: count, arrows: context.flow.forEachForwardArrow)
    let components = forward.loopingComponents()
    guard !components.isEmpty else { return findings }
    let canFinish = context.flow.canFinish(stepCount: context.declarations.steps.count, nodeCount: count)
    let distance = forward.distances(from: 0)
    let ranks = context.nodeRanks
    var component = [Int32](repeating: -1, count: count)
    for (number, members) in components.enumerated() { for node in members { component[node] = Int32(number) } }
    // The arrow to report in each loop: the nearest target, then the smallest target id, then the smallest source id.
    var chosen = [Int](repeating: -1, count: components.count)
    let arrows = context.flow.arrows
    func key(_ arrow: FlowArrow) -> (Int, Int32, Int32) {
      (distance[Int(arrow.to)], ranks[Int(arrow.to)], ranks[Int(arrow.from)])
    }
    for (position, arrow) in arrows.enumerated() where !arrow.isRework {
      let loop = component[Int(arrow.from)]
      guard loop >= 0, component[Int(arrow.to)] == loop else { continue }
      if chosen[Int(loop)] < 0 || key(arrow) < key(arrows[chosen[Int(loop)]]) { chosen[Int(loop)] = position }
    }
    for (number, members) in components.enumerated() where members.allSatisfy({ canFinish[$0] }) {
      let arrow = arrows[chosen[number]]
      let name = { (node: Int) in context.text(context.declarations.declaration(ofNode: node).identifier) }
      let ids = members.map(name).sorted { $0.precedesInByteOrder($1) }
      let (from, to) = (name(Int(arrow.from)), name(Int(arrow.to)))
      var fixes: [Diagnostic.Fix] = []
      // A line of one arrow becomes a `rework` line by its keyword alone; an arrow inside a chain needs the chain
      // split, which `vstream fmt` does for a whole file.
      if arrow.flow >= 0, case .flow(let line) = context.syntax.items[Int(arrow.flow)], line.nodeSpan.count == 2 {
        fixes = [.replace(line.keywordRange, with: "rework", "write the arrow as rework", safety: .unsafe)]
      }
      findings.add(.forwardLoop, at: arrow.range) { .forwardLoop(ids, from: from, to: to, fixes: fixes) }
    }
    return findings
  }
}

extension Adjacency {
  /// The number of arrows on a shortest path from `start` to each node; `Int.max` where none leads.
  func distances(from start: Int) -> [Int] {
    var distance = [Int](repeating: Int.max, count: nodeCount)
    distance[start] = 0
    var queue = [start]
    var head = 0
    while head < queue.count {
      let node = queue[head]
      head += 1
      for target in self[node] where distance[Int(target)] == Int.max {
        distance[Int(target)] = distance[node] + 1
        queue.append(Int(target))
      }
    }
    return distance
  }
}

extension Message {
  static func forwardLoop(_ ids: [String], from: String, to: String, fixes: [Diagnostic.Fix]) -> Message {
    Message(
      text:
        "the flow loops through \(ids.prefix(5).map { "`\($0)`" }.joined(separator: ", "))\(ids.count > 5 ? ", ..." : "") without a `rework` arrow",
      label: "this arrow goes back",
      notes: ["forward arrows must not loop: which arrow sends work back is written, not guessed from line order"],
      help: "write the arrow that goes back as rework: `rework \(from) -> \(to)`", fixes: fixes)
  }
}
