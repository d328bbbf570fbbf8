import VStreamModel

/// The comparison of one stream between a base and a head: what changed in meaning, and how its figures moved.
public struct StreamDiff: Sendable, Hashable {
  public enum Status: String, Sendable {
    /// Only on the head side.
    case added
    /// Only on the base side.
    case removed
    /// Both sides checked, and they differ in meaning.
    case changed
    /// Both sides checked, and they mean the same (formatting, comments or declaration order aside).
    case unchanged
    /// A side has errors, so the two cannot be compared in full: what parses is shown.
    case incomparable
  }

  /// The id shown: the head's, or the base's for a removed stream (or the path when no id could be read).
  public var id: String
  public var status: Status
  public var base: Side?
  public var head: Side?
  /// The stream's title on the head side (the base's for a removed stream).
  public var title: String
  /// The stream title, when it changed.
  public var titleChange: FieldChange?
  /// The target lead time (`target-lead-time`, readable), when it changed; nil when it did not.
  public var targetChange: FieldChange? = nil
  /// Nodes added, removed or changed: the demand, then steps, then values, each by id.
  public var nodes: [NodeChange]
  public var arrowsAdded: [ArrowChange]
  public var arrowsRemoved: [ArrowChange]
  /// Every figure along the main and worst-case paths; for an added or removed stream one side is nil. Empty for a
  /// file identical on both sides (`StreamSnapshot.isIdentical`), which is checked for its errors only.
  public var figures: [FigureChange]
  /// The step with the longest wait on the main path (its id), on each side; set only when it changed.
  public var longestWait: FieldChange?
  /// Whether every step has both a time and a wait, on each side; set only when it changed.
  public var completeness: (before: Bool, after: Bool)?
  /// The steps whose wait + time moved the main path's lead time most, largest first (at most three).
  public var contributors: [Contribution]

  /// One side of the comparison: the file and the errors found in it.
  public struct Side: Sendable, Hashable {
    public var path: String
    public var id: String?
    public var errors: [SnapshotError]
    /// How the side's streams print durations.
    public var settings: DurationSettings
    /// The checked stream on this side, for the before/after picture; nil when it has errors or the file is the
    /// same on both sides. Not part of the comparison's identity: a side is the same whether its stream was kept.
    public var stream: ValueStream?

    public static func == (lhs: Side, rhs: Side) -> Bool {
      lhs.path == rhs.path && lhs.id == rhs.id && lhs.errors == rhs.errors && lhs.settings == rhs.settings
    }

    public func hash(into hasher: inout Hasher) {
      hasher.combine(path)
      hasher.combine(id)
    }
  }

  /// Set when two files were given as the current and the future state of one stream: their paths differ by
  /// design, so the file is not reported as moved.
  public var comparesStates = false

  /// Whether the file moved or was renamed between the sides.
  public var moved: Bool {
    guard !comparesStates, let base, let head else { return false }
    return base.path != head.path
  }

  /// Whether the stream id changed (the same file, a different id).
  public var idChanged: Bool {
    guard let base, let head else { return false }
    return base.id != head.id
  }

  /// Whether there is anything to report: a change in meaning, a move, a new id, an added or removed stream, or
  /// errors on a side.
  public var isNoteworthy: Bool { status != .unchanged || moved || idChanged }

  public static func == (lhs: StreamDiff, rhs: StreamDiff) -> Bool {
    lhs.id == rhs.id && lhs.status == rhs.status && lhs.comparesStates == rhs.comparesStates && lhs.base == rhs.base
      && lhs.head == rhs.head
      && lhs.title == rhs.title && lhs.titleChange == rhs.titleChange && lhs.targetChange == rhs.targetChange
      && lhs.nodes == rhs.nodes
      && lhs.arrowsAdded == rhs.arrowsAdded && lhs.arrowsRemoved == rhs.arrowsRemoved && lhs.figures == rhs.figures
      && lhs.longestWait == rhs.longestWait && lhs.completeness?.before == rhs.completeness?.before
      && lhs.completeness?.after == rhs.completeness?.after && lhs.contributors == rhs.contributors
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(id)
    hasher.combine(status)
    hasher.combine(nodes)
  }
}

extension StreamDiff {
  /// Compares two snapshots of one stream (either may be missing: an added or a removed stream).
  public static func compare(base: StreamSnapshot?, head: StreamSnapshot?) -> StreamDiff {
    let baseStream = base?.stream
    let headStream = head?.stream
    let side: (StreamSnapshot?) -> Side? = { snapshot in
      snapshot.map {
        Side(
          path: $0.path, id: $0.id, errors: $0.errors, settings: $0.stream?.settings ?? .calendar, stream: $0.stream)
      }
    }
    let status: Status
    let identical = base?.isIdentical == true && head?.isIdentical == true && base?.path == head?.path
    if identical {
      status = head?.errors.isEmpty == true ? .unchanged : .incomparable
    } else if base == nil {
      status = headStream == nil ? .incomparable : .added
    } else if head == nil {
      status = baseStream == nil ? .incomparable : .removed
    } else if baseStream == nil || headStream == nil {
      status = .incomparable
    } else {
      status = .unchanged  // decided below
    }
    var diff = StreamDiff(
      id: head?.id ?? base?.id ?? head?.path ?? base?.path ?? "", status: status, base: side(base), head: side(head),
      title: headStream?.title ?? baseStream?.title ?? head?.id ?? base?.id ?? "", titleChange: nil, nodes: [],
      arrowsAdded: [],
      arrowsRemoved: [], figures: identical ? [] : FigureChange.all(base: baseStream, head: headStream),
      longestWait: nil,
      completeness: nil, contributors: [])
    guard let old = baseStream, let new = headStream else { return diff }
    // Most streams of a pull request are untouched: the same declarations (positions included) mean the same
    // flow and figures, and comparing arrays costs far less than matching every node by id.
    if old.title == new.title && old.settings == new.settings && old.demand == new.demand && old.steps == new.steps
      && old.values == new.values && old.edges == new.edges
    {
      return diff
    }
    if old.title != new.title { diff.titleChange = FieldChange(name: "title", before: old.title, after: new.title) }
    if old.metadata.target?.duration != new.metadata.target?.duration {
      diff.targetChange = FieldChange(
        name: "target lead time", before: old.metadata.target.map { $0.duration.readable(old.settings) },
        after: new.metadata.target.map { $0.duration.readable(new.settings) })
    }
    diff.nodes = NodeComparison.changes(base: old, head: new)
    let oldArrows = Set(arrows(of: old))
    let newArrows = Set(arrows(of: new))
    diff.arrowsAdded = newArrows.subtracting(oldArrows).sorted()
    diff.arrowsRemoved = oldArrows.subtracting(newArrows).sorted()
    // Every step tied for the longest wait, as one value: a tie that gains or loses a step is a change.
    let listed = { (stream: ValueStream) -> String? in
      let ids = stream.metrics.mainPath.longestWait.map { stream.steps[$0].id }
      return ids.isEmpty ? nil : ids.joined(separator: ", ")
    }
    let (oldWait, newWait) = (listed(old), listed(new))
    if oldWait != newWait { diff.longestWait = FieldChange(name: "longest wait", before: oldWait, after: newWait) }
    if old.metrics.isComplete != new.metrics.isComplete {
      diff.completeness = (old.metrics.isComplete, new.metrics.isComplete)
    }
    diff.contributors = contributions(base: old, head: new)
    let figuresMoved = diff.figures.contains { $0.before != $0.after }
    let changed =
      diff.titleChange != nil || diff.targetChange != nil || !diff.nodes.isEmpty || !diff.arrowsAdded.isEmpty
      || !diff.arrowsRemoved.isEmpty
      || figuresMoved || diff.longestWait != nil || diff.completeness != nil
    diff.status = changed ? .changed : .unchanged
    return diff
  }

  /// The arrows of a stream by the ids of their ends, each once.
  static func arrows(of stream: ValueStream) -> [ArrowChange] {
    stream.edges.map { ArrowChange(from: stream.id(of: $0.from), to: stream.id(of: $0.to), label: $0.label) }
  }

  /// Each step's wait + time on either side's main path, largest absolute change first, ties by id; the first three
  /// that changed.
  static func contributions(base: ValueStream, head: ValueStream) -> [Contribution] {
    var table: [String: Contribution] = [:]
    for case .step(let index) in base.metrics.mainPath.nodes {
      let step = base.steps[index]
      table[step.id, default: Contribution(stepID: step.id, title: step.title, before: 0, after: 0)].before +=
        step.leadTime.seconds
    }
    for case .step(let index) in head.metrics.mainPath.nodes {
      let step = head.steps[index]
      table[step.id, default: Contribution(stepID: step.id, title: step.title, before: 0, after: 0)].after +=
        step.leadTime.seconds
      table[step.id]?.title = step.title
    }
    let moved = table.values.filter { $0.delta != 0 }.sorted {
      ($0.delta.magnitude, $1.stepID) > ($1.delta.magnitude, $0.stepID)
    }
    return Array(moved.prefix(3))
  }
}
