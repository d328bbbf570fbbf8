import VStreamSource

/// An arrow of the flow.
public struct Edge: Sendable, Hashable {
  /// What an arrow means for the flow, as written.
  public enum Kind: String, Sendable, Hashable {
    /// A `flow` arrow: work goes on.
    case forward
    /// A `rework` arrow: work goes back upstream to be done again.
    case rework
    /// A `main` arrow: a forward arrow of the main path the file declares.
    case main
    /// A `parallel` arrow: a forward arrow that starts at the same time as the source's other `parallel` arrows
    /// (a fork, AND); the branches meet again at a join.
    case parallel
  }

  /// Where the arrow starts.
  public var from: NodeRef
  /// Where the arrow points.
  public var to: NodeRef
  /// The flow line's label; it labels every arrow of that line.
  public var label: String?
  /// Forward, rework, main or parallel, as written: never guessed from the shape of the graph.
  public var kind: Kind
  /// Where the arrow is written; nil for the implicit declaration-order flow.
  public var range: SourceRange?
  /// The share written after the arrow (`-> 30% b`): of its source's forward output for a forward arrow, of all its
  /// output for a rework arrow; nil when none is written.
  public var share: Percentage?

  public init(
    from: NodeRef, to: NodeRef, label: String? = nil, range: SourceRange? = nil, kind: Kind = .forward,
    share: Percentage? = nil
  ) {
    self.kind = kind
    self.share = share
    self.from = from
    self.to = to
    self.label = label
    self.range = range
  }
}
