/// The three groups ITIL 4 sorts its management practices into, in ITIL's order.
public enum PracticeGroup: String, CaseIterable, Sendable, Hashable, Comparable {
  case general
  case service
  case technical

  /// The group's name for people.
  public var name: String {
    switch self {
    case .general: return "General management"
    case .service: return "Service management"
    case .technical: return "Technical management"
    }
  }

  public static func < (lhs: PracticeGroup, rhs: PracticeGroup) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }
}
