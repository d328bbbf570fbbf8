/// The three groups of ITIL 4 management practices.
public enum PracticeGroup: String, CaseIterable, Sendable, Hashable {
  case general
  case service
  case technical

  public var name: String {
    switch self {
    case .general: return "General management"
    case .service: return "Service management"
    case .technical: return "Technical management"
    }
  }
}

/// A management practice: one of ITIL 4's 34, or one an organisation declares in `vstream.yml`.
public struct Practice: Sendable, Hashable {
  public var id: String
  public var name: String
  public var group: PracticeGroup?
  public var purpose: String
  public var aliases: [String]
  public var isCustom: Bool

  public init(id: String, name: String, group: PracticeGroup?, purpose: String, aliases: [String] = [], isCustom: Bool = false) {
    self.id = id
    self.name = name
    self.group = group
    self.purpose = purpose
    self.aliases = aliases
    self.isCustom = isCustom
  }
}
