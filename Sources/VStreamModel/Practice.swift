/// A management practice: one of ITIL 4's 34, or one an organisation declares in `vstream.yml`.
public struct Practice: Sendable, Hashable {
  /// The stable kebab-case id written in `.vstream` files.
  public var id: String
  /// The practice's name for people ("Change enablement").
  public var name: String
  /// ITIL's group; nil for a custom practice, which belongs to none.
  public var group: PracticeGroup?
  /// What the practice is for, in one line.
  public var purpose: String
  /// Older or regional names, normalised, accepted in files and rewritten to `id` by the formatter.
  public var aliases: [String]
  /// Whether the organisation declared it (not one of ITIL's 34).
  public var isCustom: Bool

  public init(
    id: String, name: String, group: PracticeGroup?, purpose: String, aliases: [String] = [], isCustom: Bool = false
  ) {
    self.id = id
    self.name = name
    self.group = group
    self.purpose = purpose
    self.aliases = aliases
    self.isCustom = isCustom
  }
}
