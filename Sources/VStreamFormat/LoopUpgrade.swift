import VStreamSource
import VStreamSyntax

/// Which arrows of an older file closed a loop: the arrows that `vstream fmt` moves onto `rework` lines.
///
/// Before `rework` lines existed, a loop of `flow` arrows was rework, and the arrow that closed it was the back edge
/// of a depth-first walk from the demand that follows arrows in the order written. That is what such a file meant,
/// so the upgrade uses the same rule, over the forward arrows only. Only a file with no `rework` line at all is such
/// an older file: one written with `rework` lines whose `flow` arrows loop is a mistake of today's language (VS322,
/// or VS339 when the arrow is also written as rework), which formatting must not change into something else.
enum LoopUpgrade {
  /// For each item of the tree (by position), the indices within its flow of the arrows that close a loop; items
  /// without one are absent.
  static func backEdges(_ syntax: FileSyntax, file: SourceFile) -> [Int: Set<Int>] {
    let hasReworkLines = syntax.items.contains { item in
      if case .flow(let flow) = item { return flow.kind == .rework } else { return false }
    }
    guard !hasReworkLines else { return [:] }
    // Node numbers by id: the first declaration of an id wins, as in the checker.
    var numbers: [String: Int] = [:]
    var isValue: [Bool] = []
    var demand: Int?
    for case .declaration(let declaration) in syntax.items {
      guard declaration.kind != .stream, let id = declaration.identifier?.text(in: file), numbers[id] == nil else {
        continue
      }
      numbers[id] = isValue.count
      if declaration.kind == .demand && demand == nil { demand = isValue.count }
      isValue.append(declaration.kind == .value)
    }
    guard let demand else { return [:] }
    // Arrows in written order, as (target, item, index within the flow), per source node.
    var arrows = [[(to: Int, item: Int, index: Int)]](repeating: [], count: isValue.count)
    for (item, entry) in syntax.items.enumerated() {
      guard case .flow(let flow) = entry, flow.kind != .rework else { continue }
      var previous: Int?
      for (index, node) in syntax.nodes(of: flow).enumerated() {
        let number = numbers[node.text(in: file)]
        if let from = previous, let to = number, to != demand, !isValue[from] {
          arrows[from].append((to, item, index - 1))
        }
        previous = number
      }
    }
    var result: [Int: Set<Int>] = [:]
    var state = [UInt8](repeating: 0, count: isValue.count)  // 0 new, 1 on the stack, 2 done
    var stack: [(node: Int, next: Int)] = [(demand, 0)]
    state[demand] = 1
    while let top = stack.last {
      guard top.next < arrows[top.node].count else {
        state[top.node] = 2
        stack.removeLast()
        continue
      }
      stack[stack.count - 1].next += 1
      let arrow = arrows[top.node][top.next]
      if state[arrow.to] == 1 {
        result[arrow.item, default: []].insert(arrow.index)
      } else if state[arrow.to] == 0 {
        state[arrow.to] = 1
        stack.append((arrow.to, 0))
      }
    }
    return result
  }
}
