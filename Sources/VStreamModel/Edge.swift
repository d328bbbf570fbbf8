import VStreamSource

/// An arrow of the flow.
public struct Edge: Sendable, Hashable {
  /// Where the arrow starts.
  public var from: NodeRef
  /// Where the arrow points.
  public var to: NodeRef
  /// The flow line's label; it labels every arrow of that line.
  public var label: String?
  /// Where the arrow is written; nil for the implicit declaration-order flow.
  public var range: SourceRange?

  public init(from: NodeRef, to: NodeRef, label: String? = nil, range: SourceRange? = nil) {
    self.from = from
    self.to = to
    self.label = label
    self.range = range
  }
}
