import VStreamSource

/// A checked value stream. One exists only for a file that checked without errors, so every field is complete:
/// back ends take this and never the syntax tree.
public struct ValueStream: Sendable, Hashable {
  /// The id after `stream`.
  public var id: String
  /// The title after the id, or the front matter's title, or the id.
  public var title: String
  /// The display path of the file it came from (as given, never made absolute).
  public var path: String
  public var metadata: Metadata
  public var demand: Demand
  public var steps: [Step]
  public var values: [Value]
  /// The arrows in the order written, or the declaration-order flow when the file has no `flow` line.
  public var edges: [Edge] {
    didSet { outgoing = Self.outgoing(edges) }
  }
  public var metrics: FlowMetrics
  /// How long days and weeks were when the file was read; back ends print durations with the same settings.
  public var settings: DurationSettings
  /// The framework the stream follows (its front matter's, else the repository's): its steps' activities are this
  /// framework's, and back ends name and order activities by it.
  public var framework: Framework
  /// Indices into `edges` by the node they leave, in written order; derived from `edges`, kept in step with it.
  private var outgoing: [NodeRef: [Int]]

  public init(
    id: String, title: String, path: String, metadata: Metadata, demand: Demand, steps: [Step], values: [Value],
    edges: [Edge], metrics: FlowMetrics, settings: DurationSettings = .calendar, framework: Framework? = nil
  ) {
    self.framework = framework ?? steps.first?.activity.framework ?? .itil4
    self.id = id
    self.title = title
    self.path = path
    self.metadata = metadata
    self.demand = demand
    self.steps = steps
    self.values = values
    self.edges = edges
    self.metrics = metrics
    self.settings = settings
    outgoing = Self.outgoing(edges)
  }

  private static func outgoing(_ edges: [Edge]) -> [NodeRef: [Int]] {
    var result: [NodeRef: [Int]] = [:]
    for (index, edge) in edges.enumerated() { result[edge.from, default: []].append(index) }
    return result
  }

  /// Id and title of a node.
  public func node(_ ref: NodeRef) -> (id: String, title: String) {
    switch ref {
    case .demand: return (demand.id, demand.title)
    case .step(let index): return (steps[index].id, steps[index].title)
    case .value(let index): return (values[index].id, values[index].title)
    }
  }

  /// The id of a node.
  public func id(of ref: NodeRef) -> String { node(ref).id }

  /// The title of a node (its id when none was written).
  public func title(of ref: NodeRef) -> String { node(ref).title }

  /// Σ `time` over the steps after a value: real work, outside every lead time, reported apart.
  public var afterValueProcessTime: Duration {
    metrics.stepsAfterValue.reduce(Duration.zero) { $0 + (steps[$1].processTime ?? .zero) }
  }

  /// Every node: the demand, the steps, the values, in that order.
  public var nodes: [NodeRef] {
    [.demand] + steps.indices.map { .step($0) } + values.indices.map { .value($0) }
  }

  /// The arrows that leave `ref`, in the order written.
  public func outgoingEdges(of ref: NodeRef) -> [Edge] {
    (outgoing[ref] ?? []).map { edges[$0] }
  }

  /// The nodes `ref` has arrows to, in the order first written, each once.
  public func successors(of ref: NodeRef) -> [NodeRef] {
    var result: [NodeRef] = []
    for edge in outgoingEdges(of: ref) where !result.contains(edge.to) { result.append(edge.to) }
    return result
  }
}
