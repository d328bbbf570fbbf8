import VStreamModel
import VStreamSource

/// Every rework loop lets work out (VS325): some arrow leaves the loop with a positive probability. A step sends
/// 100% − %C/A of its output back along its `rework` arrows and the rest on (all of it back when it has no forward
/// arrow), so a loop whose steps pass nothing on (a rework share of 100%) keeps an item forever and has no expected
/// figures; one made endless by `ca 0%` is VS418's. One
/// finding per loop, at its rework arrow with the smallest ids. A loop no arrow leaves at all is VS316's, rework
/// shares over 100% are VS326's; judged only on a complete flow whose forward arrows do not loop.
enum ReworkLoopsEnd: CheckRule {
  static func findings(in context: CheckContext) -> Findings {
    var findings = context.findings()
    let flow = context.flow
    guard context.flowIsJudged, flow.arrows.contains(where: \.isRework) else { return findings }
    let count = context.declarations.nodeCount
    guard Adjacency(nodeCount: count, arrows: flow.forEachForwardArrow).topologicalOrder() != nil else {
      return findings
    }
    // Rework shares over 100% are VS326's; judged with them, every loop would look endless.
    var sentBack = [Int64](repeating: 0, count: count)
    for arrow in flow.arrows where arrow.isRework && arrow.share > 0 { sentBack[Int(arrow.from)] += Int64(arrow.share) }
    guard !sentBack.contains(where: { $0 > 10_000 }) else { return findings }
    let loops = FlowAnalysis.endlessLoops(
      stepCount: context.declarations.steps.count, valueCount: context.declarations.values.count,
      completeAccurate: { context.steps.completeAccurate[$0]?.fraction },
      arrows: flow.arrows.map { (Int($0.from), Int($0.to), $0.isRework, $0.share < 0 ? nil : Int64($0.share)) })
    guard !loops.isEmpty else { return findings }
    let ranks = context.nodeRanks
    let name = { (node: Int32) in context.text(context.declarations.declaration(ofNode: Int(node)).identifier) }
    // A loop endless because a step in it has `ca 0%` is VS418's: that line is the cause, and its fix.
    let stepCount = context.declarations.steps.count
    for loop in loops
    where !loop.contains(where: {
      $0 >= 1 && $0 <= stepCount && CompleteAccurateIsNotZero.passesNothingOn(context, step: $0 - 1)
    }) {
      let members = Set(loop)
      let inside = flow.arrows.filter { $0.isRework && members.contains(Int($0.from)) && members.contains(Int($0.to)) }
      guard
        let arrow = inside.min(by: {
          (ranks[Int($0.from)], ranks[Int($0.to)]) < (ranks[Int($1.from)], ranks[Int($1.to)])
        })
      else { continue }
      findings.add(.reworkNeverEnds, at: arrow.range) { .reworkNeverEnds(from: name(arrow.from), to: name(arrow.to)) }
    }
    return findings
  }
}

extension Message {
  static func reworkNeverEnds(from: String, to: String) -> Message {
    Message(
      text: "work sent back by `rework \(from) -> \(to)` never leaves its loop",
      label: "every item comes back here",
      notes: [
        "a step sends back its rework shares (or 100% − %C/A) and passes on the rest: here nothing passes on"
      ],
      help: "send back less than everything (a lower share), or add an arrow from the loop toward a value")
  }
}
