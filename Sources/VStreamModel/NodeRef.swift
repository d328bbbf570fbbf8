/// A node of the flow graph, by index into the stream's steps or values. Ordered demand, steps, values.
public enum NodeRef: Hashable, Comparable, Sendable {
  case demand
  case step(Int)
  case value(Int)

  /// The step's index, or nil for the demand and values.
  public var stepIndex: Int? {
    if case .step(let index) = self { return index }
    return nil
  }

  /// The value's index, or nil for the demand and steps.
  public var valueIndex: Int? {
    if case .value(let index) = self { return index }
    return nil
  }

  private var order: (Int, Int) {
    switch self {
    case .demand: return (0, 0)
    case .step(let index): return (1, index)
    case .value(let index): return (2, index)
    }
  }

  public static func < (lhs: NodeRef, rhs: NodeRef) -> Bool { lhs.order < rhs.order }
}
