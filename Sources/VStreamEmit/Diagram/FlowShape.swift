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
  /// other step right after the last placed step that leads to it (arrows taken in the order of their ends' ids);
  /// what is still unplaced (only reachable from itself) by id. Nothing here depends on the order lines are written.
  public let stepOrder: [Int]
  /// The values (indices into `stream.values`) in the order they are drawn: by id.
  public let valueOrder: [Int]
  /// The arrows (indices into `stream.edges`) in the order they are drawn: the main path first, then by the drawing
  /// positions of their ends, so that a diagram's statements do not depend on the order lines are written.
  public let edgeOrder: [Int]
  /// The kind of each arrow, by index into `stream.edges`.
  public let kinds: [Kind]
  /// Each step's position in `stepOrder`.
  public let position: [Int]
  /// Each value's position in `valueOrder`.
  public let valuePosition: [Int]
  /// Whether each step (by index) comes after a value (``FlowMetrics/stepsAfterValue``).
  public let isAfterValue: [Bool]
  /// Each arrow's share of its source's forward output, as a fraction, where the source has two or more forward
  /// arrows (alternatives, before or after a value): as written, or an equal part of what the written shares leave.
  /// Nil elsewhere.
  public let alternativeShare: [Double?]
  /// Whether each arrow (by index into `stream.edges`) is a branch of a fork (`parallel`): every picture marks it,
  /// so that work done at the same time is told from alternatives.
  public let isParallel: [Bool]

  public init(_ stream: ValueStream) {
    let id = { (ref: NodeRef) in stream.id(of: ref) }
    // Arrows by the ids of their ends (then kind): the order the side steps are placed in.
    let byIDs = stream.edges.indices.sorted { a, b in
      let (x, y) = (stream.edges[a], stream.edges[b])
      if id(x.from) != id(y.from) { return id(x.from).precedesInByteOrder(id(y.from)) }
      if id(x.to) != id(y.to) { return id(x.to).precedesInByteOrder(id(y.to)) }
      return x.kind.rawValue < y.kind.rawValue
    }
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
      for edge in byIDs.map({ stream.edges[$0] }) {
        guard case .step(let to) = edge.to, !placed[to] else { continue }
        let after: Int?
        switch edge.from {
        case .demand: after = -1
        case .step(let from): after = placed[from] ? order.firstIndex(of: from) : nil
        case .value: after = order.count - 1
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
    order += stream.steps.indices.filter { !placed[$0] }.sorted {
      stream.steps[$0].id.precedesInByteOrder(stream.steps[$1].id)
    }
    var position = [Int](repeating: 0, count: stream.steps.count)
    for (slot, index) in order.enumerated() { position[index] = slot }
    let values = stream.values.indices.sorted { stream.values[$0].id.precedesInByteOrder(stream.values[$1].id) }
    var valuePosition = [Int](repeating: 0, count: stream.values.count)
    for (slot, index) in values.enumerated() { valuePosition[index] = slot }

    let main = stream.metrics.mainPath.nodes
    var mainPairs = Set<String>()
    for (from, to) in zip(main, main.dropFirst()) { mainPairs.insert("\(from)>\(to)") }
    var afterValue = [Bool](repeating: false, count: stream.steps.count)
    for index in stream.metrics.stepsAfterValue { afterValue[index] = true }
    // Rework is what the file says it is (the model's `Edge.Kind`), never guessed from where steps are drawn.
    let kinds = stream.edges.map { edge -> Kind in
      switch edge.from {
      case .value: return .afterValue
      case .step(let index) where afterValue[index]: return .afterValue
      default: break
      }
      if edge.kind == .rework { return .rework }
      return mainPairs.contains("\(edge.from)>\(edge.to)") ? .main : .forward
    }
    let drawn = { (ref: NodeRef) -> Int in
      switch ref {
      case .demand: return -1
      case .step(let index): return position[index]
      case .value(let index): return stream.steps.count + valuePosition[index]
      }
    }
    let rank = { (kind: Kind) -> Int in [Kind.main, .forward, .rework, .afterValue].firstIndex(of: kind)! }
    edgeOrder = stream.edges.indices.sorted { a, b in
      let (x, y) = (stream.edges[a], stream.edges[b])
      let left = (rank(kinds[a]), drawn(x.from), drawn(x.to), x.kind.rawValue)
      let right = (rank(kinds[b]), drawn(y.from), drawn(y.to), y.kind.rawValue)
      return left < right
    }
    self.kinds = kinds
    stepOrder = order
    valueOrder = values
    self.position = position
    self.valuePosition = valuePosition
    isAfterValue = afterValue
    alternativeShare = Self.alternativeShares(stream, kinds: kinds)
    isParallel = stream.edges.map { $0.kind == .parallel }
  }

  /// See ``alternativeShare``: over the forward arrows out of each node (after a value too), rework left out.
  static func alternativeShares(_ stream: ValueStream, kinds: [Kind]) -> [Double?] {
    var result = [Double?](repeating: nil, count: stream.edges.count)
    var arrows: [NodeRef: [Int]] = [:]
    // The branches of a fork are not alternatives: each takes all the work, so none has a share.
    for (index, edge) in stream.edges.enumerated()
    where kinds[index] != .rework && edge.kind != .rework && edge.kind != .parallel {
      arrows[edge.from, default: []].append(index)
    }
    // Each group writes only its own arrows, so the order the groups are visited in does not matter.
    for group in arrows.values where group.count > 1 {
      let written = group.compactMap { stream.edges[$0].share?.fraction }
      let unwritten = group.count - written.count
      let rest = unwritten > 0 ? max(0, 1 - written.reduce(0, +)) / Double(unwritten) : 0
      for index in group { result[index] = stream.edges[index].share?.fraction ?? rest }
    }
    return result
  }

  /// What an arrow is labelled with in every picture: "parallel" for a branch of a fork, its share among
  /// alternatives (or a rework arrow's written share) as a percentage, then the flow's label; nil when it has none.
  public func label(_ stream: ValueStream, _ index: Int) -> String? {
    let edge = stream.edges[index]
    let share = alternativeShare[index] ?? (kinds[index] == .rework ? edge.share?.fraction : nil)
    let parts = [edge.kind == .parallel ? "parallel" : nil, share.map { percentText($0) }, edge.label].compactMap { $0 }
    return parts.isEmpty ? nil : parts.joined(separator: " · ")
  }

  /// A node's number in the drawing: its position in ``stepOrder`` or ``valueOrder``, so that names in a diagram's
  /// text do not depend on the order declarations are written; nil for the demand.
  public func drawnNumber(_ ref: NodeRef) -> Int? {
    switch ref {
    case .demand: return nil
    case .step(let index): return position[index]
    case .value(let index): return valuePosition[index]
    }
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
