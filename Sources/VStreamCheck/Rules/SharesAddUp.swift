import VStreamModel
import VStreamSource

/// The shares written after arrows (`-> 30% b`) describe where a step's output goes, so out of each node they add
/// up (VS326): the shares of its forward arrows are all written and sum to 100%, or all but one are written and
/// leave that one more than 0%, or none is written; the shares of its rework arrows sum to at most 100%. One finding
/// per node and kind of arrow, at its arrow to the smallest id. Judged only on a complete flow.
enum SharesAddUp: CheckRule {
  static func findings(in context: CheckContext) -> Findings {
    var findings = context.findings()
    let flow = context.flow
    guard context.flowIsJudged, flow.arrows.contains(where: { $0.share >= 0 }) else { return findings }
    let ranks = context.nodeRanks
    let name = { (node: Int32) in context.text(context.declarations.declaration(ofNode: Int(node)).identifier) }
    // The arrows out of each node that has a share written, grouped by node and kind, in a fixed order.
    var groups: [Int32: [FlowArrow]] = [:]
    let sharing = Set(flow.arrows.filter { $0.share >= 0 }.map(\.from))
    for arrow in flow.arrows where sharing.contains(arrow.from) { groups[arrow.from, default: []].append(arrow) }
    for from in groups.keys.sorted(by: { ranks[Int($0)] < ranks[Int($1)] }) {
      for isRework in [false, true] {
        // `parallel` arrows take no share (VS332 reports one): every branch takes all the work.
        let arrows = groups[from]!.filter { $0.isRework == isRework && $0.kind != .parallel }
          .sorted { ranks[Int($0.to)] < ranks[Int($1.to)] }
        guard let first = arrows.first, arrows.contains(where: { $0.share >= 0 }) else { continue }
        let written = arrows.filter { $0.share >= 0 }.reduce(0) { $0 + Int64($1.share) }
        let unwritten = arrows.filter { $0.share < 0 }.count
        let problem: String?
        if isRework {
          problem = written > 10_000 ? "add up to \(percent(written)), more than 100%" : nil
        } else if unwritten == 0 {
          problem = written == 10_000 ? nil : "add up to \(percent(written)), not 100%"
        } else if unwritten == 1 {
          problem = written >= 10_000 ? "leave nothing for the arrow without a share" : nil
        } else {
          problem = "are written for some arrows but not for \(unwritten) of them"
        }
        guard let problem else { continue }
        findings.add(.sharesDoNotAddUp, at: first.range) {
          .sharesDoNotAddUp(
            from: name(from), rework: isRework, problem: problem, others: arrows.dropFirst().map(\.range))
        }
      }
    }
    return findings
  }

  static func percent(_ hundredths: Int64) -> String {
    let fraction = hundredths % 100
    return fraction == 0 ? "\(hundredths / 100)%" : "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)%"
  }
}

extension Message {
  static func sharesDoNotAddUp(from: String, rework: Bool, problem: String, others: [SourceRange]) -> Message {
    Message(
      text: "the shares of the \(rework ? "rework" : "forward") arrows out of `\(from)` \(problem)",
      label: "out of `\(from)`",
      secondary: others.prefix(8).map { Diagnostic.Label(range: $0, message: "also out of `\(from)`") },
      help: rework
        ? "a rework share is the part of the step's output sent back: together at most 100%"
        : "write every share so they add up to 100%, or leave exactly one arrow without a share to take the rest")
  }
}
