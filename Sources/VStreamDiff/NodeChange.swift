/// What became of one node (the demand, a step, a value) between the two sides, matched by id.
public struct NodeChange: Sendable, Hashable {
  public enum Kind: String, Sendable, Comparable {
    case demand, step, value

    var order: Int { self == .demand ? 0 : self == .step ? 1 : 2 }
    public static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.order < rhs.order }
  }

  public enum Change: String, Sendable {
    case added, removed, changed
  }

  public var kind: Kind
  public var id: String
  public var change: Change
  /// The title on the head side, or on the base side for a removed node.
  public var title: String
  /// The properties that differ (`title`, `activity`, `practices`, `roles`, `time`, `wait`, `ca`, `note`), in that
  /// order; empty for an added or removed node.
  public var fields: [FieldChange]
  /// The ids of the nodes with arrows into it, before and after, sorted; set only when they differ.
  public var predecessors: (before: [String], after: [String])?
  /// The ids of the nodes its arrows point to, before and after, sorted; set only when they differ.
  public var successors: (before: [String], after: [String])?

  public init(
    kind: Kind, id: String, change: Change, title: String, fields: [FieldChange] = [],
    predecessors: (before: [String], after: [String])? = nil, successors: (before: [String], after: [String])? = nil
  ) {
    self.kind = kind
    self.id = id
    self.change = change
    self.title = title
    self.fields = fields
    self.predecessors = predecessors
    self.successors = successors
  }

  /// Whether the node's place in the flow changed: its predecessors or its successors differ.
  public var moved: Bool { predecessors != nil || successors != nil }

  /// Whether only its title changed.
  public var retitled: Bool { fields.contains { $0.name == "title" } }

  public static func == (lhs: NodeChange, rhs: NodeChange) -> Bool {
    lhs.kind == rhs.kind && lhs.id == rhs.id && lhs.change == rhs.change && lhs.title == rhs.title
      && lhs.fields == rhs.fields && lhs.predecessors?.before == rhs.predecessors?.before
      && lhs.predecessors?.after == rhs.predecessors?.after && lhs.successors?.before == rhs.successors?.before
      && lhs.successors?.after == rhs.successors?.after
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(kind)
    hasher.combine(id)
    hasher.combine(change)
    hasher.combine(fields)
  }
}

/// One property of a node, as text on each side (durations in the side's own units); nil where it is not written.
public struct FieldChange: Sendable, Hashable {
  public var name: String
  public var before: String?
  public var after: String?

  public init(name: String, before: String?, after: String?) {
    self.name = name
    self.before = before
    self.after = after
  }
}

/// An arrow of the flow, by the ids of its ends and its label.
public struct ArrowChange: Sendable, Hashable, Comparable {
  public var from: String
  public var to: String
  public var label: String?

  public init(from: String, to: String, label: String? = nil) {
    self.from = from
    self.to = to
    self.label = label
  }

  public static func < (lhs: ArrowChange, rhs: ArrowChange) -> Bool {
    (lhs.from, lhs.to, lhs.label ?? "") < (rhs.from, rhs.to, rhs.label ?? "")
  }
}
