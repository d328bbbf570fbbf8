import VStreamSource

/// A checked value stream. One exists only for a file that checked without errors, so every field is complete:
/// back ends take this and never the syntax tree.
public struct ValueStream: Sendable {
  public var id: String
  public var title: String
  /// The display path of the file it came from.
  public var path: String
  public var metadata: Metadata
  public var demand: Demand
  public var steps: [Step]
  public var values: [Value]
  /// In the order written (or declaration order for the implicit flow).
  public var edges: [Edge]
  public var metrics: FlowMetrics
  public var settings: DurationSettings

  public init(
    id: String, title: String, path: String, metadata: Metadata, demand: Demand, steps: [Step], values: [Value],
    edges: [Edge], metrics: FlowMetrics, settings: DurationSettings
  ) {
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
  }

  /// Id and title of a node.
  public func node(_ ref: NodeRef) -> (id: String, title: String) {
    switch ref {
    case .demand: return (demand.id, demand.title)
    case .step(let index): return (steps[index].id, steps[index].title)
    case .value(let index): return (values[index].id, values[index].title)
    }
  }

  /// Every node: the demand, the steps, the values, in that order.
  public var nodes: [NodeRef] {
    [.demand] + steps.indices.map { .step($0) } + values.indices.map { .value($0) }
  }
}

/// Front matter, typed.
public struct Metadata: Sendable, Hashable {
  public enum Status: String, CaseIterable, Sendable {
    case draft, review, live, retired
  }

  public var title: String?
  public var owner: String?
  public var version: String?
  public var status: Status?
  public var consumer: String?
  public var description: String?
  public var tags: [String]
  public var languageVersion: Int

  public init(
    title: String? = nil, owner: String? = nil, version: String? = nil, status: Status? = nil, consumer: String? = nil,
    description: String? = nil, tags: [String] = [], languageVersion: Int = 1
  ) {
    self.title = title
    self.owner = owner
    self.version = version
    self.status = status
    self.consumer = consumer
    self.description = description
    self.tags = tags
    self.languageVersion = languageVersion
  }
}

public struct Demand: Sendable, Hashable {
  public var id: String
  /// The title as written, or the id when there is none.
  public var title: String
  public var from: String?
  public var note: String?
  public var range: SourceRange

  public init(id: String, title: String, from: String?, note: String?, range: SourceRange) {
    self.id = id
    self.title = title
    self.from = from
    self.note = note
    self.range = range
  }
}

public struct Step: Sendable, Hashable {
  public var id: String
  public var title: String
  public var activity: Activity
  /// Canonical practice ids, in the order written, without repeats.
  public var practices: [String]
  public var roles: [String]
  public var processTime: Duration?
  public var waitTime: Duration?
  public var completeAccurate: Percentage?
  public var note: String?
  public var range: SourceRange

  public init(
    id: String, title: String, activity: Activity, practices: [String], roles: [String], processTime: Duration?,
    waitTime: Duration?, completeAccurate: Percentage?, note: String?, range: SourceRange
  ) {
    self.id = id
    self.title = title
    self.activity = activity
    self.practices = practices
    self.roles = roles
    self.processTime = processTime
    self.waitTime = waitTime
    self.completeAccurate = completeAccurate
    self.note = note
    self.range = range
  }

  public var leadTime: Duration { (processTime ?? .zero) + (waitTime ?? .zero) }
}

public struct Value: Sendable, Hashable {
  public var id: String
  public var title: String
  /// Who receives the value (`for`).
  public var beneficiary: String?
  public var note: String?
  public var range: SourceRange

  public init(id: String, title: String, beneficiary: String?, note: String?, range: SourceRange) {
    self.id = id
    self.title = title
    self.beneficiary = beneficiary
    self.note = note
    self.range = range
  }
}

/// A node of the flow graph.
public enum NodeRef: Hashable, Comparable, Sendable {
  case demand
  case step(Int)
  case value(Int)

  private var order: (Int, Int) {
    switch self {
    case .demand: return (0, 0)
    case .step(let index): return (1, index)
    case .value(let index): return (2, index)
    }
  }

  public static func < (lhs: NodeRef, rhs: NodeRef) -> Bool { lhs.order < rhs.order }
}

/// An arrow of the flow.
public struct Edge: Sendable, Hashable {
  public var from: NodeRef
  public var to: NodeRef
  public var label: String?
  /// Where the arrow is written; nil for the implicit declaration-order flow.
  public var range: SourceRange?

  public init(from: NodeRef, to: NodeRef, label: String?, range: SourceRange?) {
    self.from = from
    self.to = to
    self.label = label
    self.range = range
  }
}
