/// What a before/after picture marks on one side of a comparison: nodes and arrows that were added, removed or
/// changed, by the ids written in the file. The emitters stay ignorant of how the comparison was made (`vstream diff`
/// fills this in from its report); they only draw what is marked.
public struct DiagramMarks: Sendable, Equatable {
  public enum Mark: String, Sendable, Equatable {
    case added, removed, changed
    /// The node is the same, but its arrows in or out changed.
    case moved

    /// The badge on a marked card. The word carries the meaning, so nothing depends on colour alone.
    public var badge: String {
      switch self {
      case .added: return "NEW"
      case .removed: return "REMOVED"
      case .changed: return "CHANGED"
      case .moved: return "MOVED"
      }
    }
  }

  /// An arrow by the ids of its two ends.
  public struct Arrow: Sendable, Hashable {
    public var from: String
    public var to: String

    public init(from: String, to: String) {
      self.from = from
      self.to = to
    }
  }

  /// Marked demand, steps and values, by id.
  public var nodes: [String: Mark]
  public var arrows: [Arrow: Mark]

  public init(nodes: [String: Mark] = [:], arrows: [Arrow: Mark] = [:]) {
    self.nodes = nodes
    self.arrows = arrows
  }

  public var isEmpty: Bool { nodes.isEmpty && arrows.isEmpty }
}
