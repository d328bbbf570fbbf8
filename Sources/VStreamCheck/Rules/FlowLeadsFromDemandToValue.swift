import VStreamModel
import VStreamSource
import VStreamSyntax

/// The arrows lead from the demand to a value: an arrow leaves the demand (VS320) and one reaches a value (VS321);
/// every step and value can be reached from the demand (VS314); from every step before the values an arrow leads on
/// (VS315), and no loop is closed off from every value (VS316) or, after a value, from every value and end (VS328). Judged only on a complete flow (see ``FlowGraph/isComplete``).
enum FlowLeadsFromDemandToValue: CheckRule {
  static func findings(in context: CheckContext) -> Findings {
    var findings = context.findings()
    guard context.flowIsJudged else { return findings }
    let declarations = context.declarations
    let (demand, firstValue) = (declarations.demands[0], declarations.values[0])
    let count = declarations.nodeCount
    let forward = Adjacency(nodeCount: count, arrows: context.flow.forEachArrow)
    let backward = Adjacency(nodeCount: count) { arrow in context.flow.forEachArrow { arrow($1, $0) } }
    let stepNumbers = declarations.steps.isEmpty ? [] : Array(1...declarations.steps.count)
    if forward[0].isEmpty {
      // The help names the step the flow most likely starts at: the first one declared that no arrow reaches.
      let first = stepNumbers.first { backward[$0].isEmpty }.map { context.name(ofNode: $0) }
      findings.add(.flowDoesNotStart, at: demand.anchor) {
        .flowDoesNotStart(demand: demand.identifier?.text(in: context.file), firstStep: first)
      }
      return findings
    }
    let valueNumbers = Array((1 + declarations.steps.count)..<count)
    if valueNumbers.allSatisfy({ backward[$0].isEmpty }) {
      // The help names where the flow stops: the first step declared that the demand reaches and no arrow leaves.
      let reached = forward.reachable(from: [0])
      let last = stepNumbers.first { reached[$0] && forward[$0].isEmpty }.map { context.name(ofNode: $0) }
      findings.add(.flowNeverEnds, at: firstValue.anchor) {
        .flowNeverEnds(value: firstValue.identifier?.text(in: context.file), lastStep: last)
      }
      return findings
    }
    let reachable = forward.reachable(from: [0])
    let canFinish = context.flow.canFinish(stepCount: declarations.steps.count, nodeCount: count)
    // A second declaration of an id is unreachable by definition: VS306 is its finding.
    for node in 1..<count where !reachable[node] && !context.names.repeatedNodes.contains(node) {
      let declaration = declarations.declaration(ofNode: node)
      findings.add(.unreachable, at: declaration.anchor) {
        .unreachable(declaration, context.text(declaration.identifier))
      }
    }
    // Steps that are reachable but cannot finish: a true dead end has no arrow out; the rest are stuck in loops.
    let stuck =
      declarations.steps.isEmpty ? [] : (1...declarations.steps.count).filter { reachable[$0] && !canFinish[$0] }
    let deadEnds = stuck.filter { forward[$0].isEmpty }
    for node in deadEnds {
      let step = declarations.declaration(ofNode: node)
      findings.add(.deadEnd, at: step.anchor) { .deadEnd(step: step.identifier?.text(in: context.file)) }
    }
    let leadsToDeadEnd = backward.reachable(from: deadEnds)
    let stuckSet = Set(stuck)
    var assigned = Set<Int>()
    for node in stuck where !leadsToDeadEnd[node] && !assigned.contains(node) {
      // Group the loop this step is in (and what it leads into) into one finding.
      var group: [Int] = []
      var queue = [node]
      assigned.insert(node)
      while let current = queue.popLast() {
        group.append(current)
        for target in forward[current] where !assigned.contains(Int(target)) && stuckSet.contains(Int(target)) {
          assigned.insert(Int(target))
          queue.append(Int(target))
        }
      }
      // By id, so that the message (and the step it points at) does not depend on the order of declarations.
      let loop = group.map { declarations.declaration(ofNode: $0) }
        .sorted { context.text($0.identifier).precedesInByteOrder(context.text($1.identifier)) }
      let ids = loop.map { context.text($0.identifier) }
      let others = loop.dropFirst().prefix(8).map(\.anchor)
      // After a value the work may simply end, so a loop there is stuck only when it neither ends nor reaches one.
      if context.flow.isAfterValue(node) {
        findings.add(.afterValueNeverEnds, at: loop[0].anchor) { .afterValueNeverEnds(ids, others: others) }
      } else {
        findings.add(.closedLoop, at: loop[0].anchor) { .closedLoop(ids, others: others) }
      }
    }
    return findings
  }
}

extension Message {
  static func flowDoesNotStart(demand: String?, firstStep: String?) -> Message {
    Message(
      text: "no arrow leaves the demand `\(demand ?? "")`", label: "the flow must start here",
      help: "add `flow \(demand ?? "demand") -> \(firstStep ?? "first-step")`")
  }

  static func flowNeverEnds(value: String?, lastStep: String?) -> Message {
    Message(
      text: "no arrow reaches a value", label: "the flow must end here",
      help: "add an arrow from the last step: `flow \(lastStep ?? "last-step") -> \(value ?? "value")`")
  }

  static func unreachable(_ declaration: DeclarationSyntax, _ id: String) -> Message {
    Message(
      text: "\(declaration.kind.rawValue) `\(id)` cannot be reached from the demand", label: "no arrow path leads here",
      help: "add an arrow into it, e.g. `flow some-step -> \(declaration.identifier == nil ? "it" : id)`")
  }

  static func deadEnd(step: String?) -> Message {
    Message(
      text: "no arrow leads on from step `\(step ?? "")`", label: "work stops here",
      help: "add an arrow toward a value, e.g. `flow \(step ?? "step") -> next-step`")
  }

  static func closedLoop(_ steps: [String], others: [SourceRange]) -> Message {
    Message(
      text: "steps \(listed(steps)) loop with no way out toward a value",
      label: "the loop never reaches a value", secondary: loopLabels(others),
      help: "add an arrow from one of these steps toward a value")
  }
}

extension Message {
  static func afterValueNeverEnds(_ steps: [String], others: [SourceRange]) -> Message {
    Message(
      text: "steps \(listed(steps)) after a value loop and never end", label: "the work after the value never ends",
      secondary: loopLabels(others),
      notes: ["work after a value ends at a step with no arrow out, or reaches another value"],
      help: "let one of these steps end (remove its arrow back), or add an arrow from it to a value")
  }
}

extension Message {
  /// Up to five ids in backticks, then an ellipsis.
  fileprivate static func listed(_ ids: [String]) -> String {
    ids.prefix(5).map { "`\($0)`" }.joined(separator: ", ") + (ids.count > 5 ? ", ..." : "")
  }

  fileprivate static func loopLabels(_ others: [SourceRange]) -> [Diagnostic.Label] {
    others.map { Diagnostic.Label(range: $0, message: "in the loop") }
  }
}
