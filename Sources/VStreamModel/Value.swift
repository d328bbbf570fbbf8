import VStreamSource

/// An outcome the stream ends in (`value`).
public struct Value: Sendable, Hashable {
  public var id: String
  /// The title as written, or the id when there is none.
  public var title: String
  /// Who receives the value (`for`).
  public var beneficiary: String?
  public var note: String?
  /// The stream this value is the demand of (`hands-over-to`).
  public var handsOverTo: StreamLink? = nil
  /// The whole declaration.
  public var range: SourceRange

  public init(id: String, title: String, beneficiary: String?, note: String?, range: SourceRange) {
    self.id = id
    self.title = title
    self.beneficiary = beneficiary
    self.note = note
    self.range = range
  }
}
