import VStreamModel

/// How every view reads the shape of a flow: the order steps are drawn in, and which arrows are the main path,
/// which are other forward arrows (alternatives, parallel work) and which are rework. DOT, Mermaid, the HTML pages
/// and the value-stream map all ask this one type, which reads the model's classification (`Edge.Kind` and the main
/// path), so that a later one (probabilities, parallel branches) changes one file.
public struct FlowShape: Sendable {
  /// What an arrow is, for drawing.
  public enum Kind: Sendable, Equatable {
    /// An arrow of the main path: drawn bold.
    case main
    /// Any other arrow that goes forward in flow order.
    case forward
    /// A `rework` arrow: drawn dashed.
    case rework
    /// An arrow out of a value or between steps after one (feedback, improvement): outside every lead time, drawn
    /// dotted.
    case afterValue
  }

  /// The steps (indices into `stream.steps`) in the order they are drawn: the main path first, in path order; each
  /// other step right after the last placed step that leads to it; what is still unplaced (only reachable from
  /// itself) in declaration order.
  public let stepOrder: [Int]
  /// The kind of each arrow, by index into `stream.edges`.
  public let kinds: [Kind]
  /// Each step's position in `stepOrder`.
  public let position: [Int]
  /// Whether each step (by index) comes after a value (``FlowMetrics/stepsAfterValue``).
  public let isAfterValue: [Bool]

  public init(_ stream: ValueStream) {
    var order: [Int] = []
    var placed = [Bool](repeating: false, count: stream.steps.count)
    var onMain = [Bool](repeating: false, count: stream.steps.count)
    for case .step(let index) in stream.metrics.mainPath.nodes { onMain[index] = true }
    for case .step(let index) in stream.metrics.mainPath.nodes where !placed[index] {
      placed[index] = true
      order.append(index)
    }
    // Insert the steps off the main path after a placed predecessor, repeating while that places something; the
    // number of rounds is the length of the longest side branch, small in practice.
    var progress = true
    while progress && order.count < stream.steps.count {
      progress = false
      for edge in stream.edges {
        guard case .step(let to) = edge.to, !placed[to] else { continue }
        let after: Int?
        switch edge.from {
        case .demand: after = -1
        case .step(let from): after = placed[from] ? order.firstIndex(of: from) : nil
        case .value: after = nil
        }
        guard let after else { continue }
        var slot = after + 1
        // Keep side steps already placed after the same predecessor in the order they were found.
        while slot < order.count, !onMain[order[slot]] { slot += 1 }
        order.insert(to, at: slot)
        placed[to] = true
        progress = true
      }
    }
    for index in stream.steps.indices where !placed[index] { order.append(index) }
    var position = [Int](repeating: 0, count: stream.steps.count)
    for (slot, index) in order.enumerated() { position[index] = slot }

    let main = stream.metrics.mainPath.nodes
    var mainPairs = Set<String>()
    for (from, to) in zip(main, main.dropFirst()) { mainPairs.insert("\(from)>\(to)") }
    // Rework is what the file says it is (the model's `Edge.Kind`), never guessed from where steps are drawn.
    var afterValue = [Bool](repeating: false, count: stream.steps.count)
    for index in stream.metrics.stepsAfterValue { afterValue[index] = true }
    kinds = stream.edges.map { edge in
      switch edge.from {
      case .value: return .afterValue
      case .step(let index) where afterValue[index]: return .afterValue
      default: break
      }
      if edge.kind == .rework { return .rework }
      return mainPairs.contains("\(edge.from)>\(edge.to)") ? .main : .forward
    }
    stepOrder = order
    self.position = position
    isAfterValue = afterValue
  }

  /// Whether the arrow at `index` in `stream.edges` is rework.
  public func isRework(_ index: Int) -> Bool { kinds[index] == .rework }
}

extension ValueStream {
  /// The titles of every step tied for the longest queueing wait on `path`, in path order, joined; nil when no step
  /// on it queues. Every view names all of them: a tie is not broken by which step is written first.
  public func longestWaitTitles(_ path: PathMetrics) -> String? {
    path.longestWait.isEmpty ? nil : path.longestWait.map { steps[$0].title }.joined(separator: "; ")
  }
}
