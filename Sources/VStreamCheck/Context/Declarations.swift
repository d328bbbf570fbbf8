import VStreamModel
import VStreamSyntax

/// The first phase of checking: the file's declarations by kind, in source order.
struct Declarations {
  var streams: DeclarationList
  var demands: DeclarationList
  var steps: DeclarationList
  var values: DeclarationList

  /// Sorts the file's declarations by kind, in one pass over its items.
  static func collect(_ syntax: FileSyntax) -> Declarations {
    var lists = Declarations(
      streams: DeclarationList(items: syntax.items), demands: DeclarationList(items: syntax.items),
      steps: DeclarationList(items: syntax.items), values: DeclarationList(items: syntax.items))
    // Count first so that the list of steps is allocated once at its size (a large stream has 100,000s of steps).
    var stepCount = 0
    for item in syntax.items {
      if case .declaration(let declaration) = item, declaration.kind == .step { stepCount += 1 }
    }
    lists.steps.reserveCapacity(stepCount)
    for (position, item) in syntax.items.enumerated() {
      guard case .declaration(let declaration) = item else { continue }
      switch declaration.kind {
      case .stream: lists.streams.append(position: position)
      case .demand: lists.demands.append(position: position)
      case .step: lists.steps.append(position: position)
      case .value: lists.values.append(position: position)
      }
    }
    return lists
  }

  /// How many nodes the flow can join: the demand, the steps and the values.
  var nodeCount: Int { 1 + steps.count + values.count }

  /// The node a number stands for: the demand is 0, steps 1...n, values n+1... (the numbering of `FlowArrow`).
  func nodeRef(_ number: Int) -> NodeRef {
    number == 0 ? .demand : number <= steps.count ? .step(number - 1) : .value(number - 1 - steps.count)
  }

  /// A node's number (see `nodeRef`).
  func nodeNumber(_ ref: NodeRef) -> Int {
    switch ref {
    case .demand: return 0
    case .step(let index): return 1 + index
    case .value(let index): return 1 + steps.count + index
    }
  }

  /// The declaration of a step or value by its node number.
  func declaration(ofNode number: Int) -> DeclarationSyntax {
    number == 0 ? demands[0] : number <= steps.count ? steps[number - 1] : values[number - 1 - steps.count]
  }
}
