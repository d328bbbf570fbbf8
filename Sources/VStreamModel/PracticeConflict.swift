/// A custom practice that `PracticeCatalogue.make(custom:)` left out because one of its names was taken.
public struct PracticeConflict: Sendable, Hashable {
  /// Position of the practice in the list given to `make(custom:)`.
  public var index: Int
  /// The practice as normalised.
  public var practice: Practice
  /// The id or alias that was taken.
  public var key: String
  /// The id of the practice that already holds `key`.
  public var existing: String
  /// Whether `existing` is one of ITIL's 34 (otherwise an earlier custom practice).
  public var isBuiltIn: Bool

  /// The id of the practice left out.
  public var id: String { practice.id }

  public init(index: Int, practice: Practice, key: String, existing: String, isBuiltIn: Bool) {
    self.index = index
    self.practice = practice
    self.key = key
    self.existing = existing
    self.isBuiltIn = isBuiltIn
  }
}
