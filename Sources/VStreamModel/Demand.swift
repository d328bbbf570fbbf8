import VStreamSource

/// The demand that starts the stream (`demand`).
public struct Demand: Sendable, Hashable {
  public var id: String
  /// The title as written, or the id when there is none.
  public var title: String
  /// Who raises the demand (`from`).
  public var from: String?
  public var note: String?
  /// The stream whose hand-over raises this demand (`from-stream`).
  public var fromStream: StreamLink? = nil
  /// The whole declaration.
  public var range: SourceRange

  public init(id: String, title: String, from: String?, note: String?, range: SourceRange) {
    self.id = id
    self.title = title
    self.from = from
    self.note = note
    self.range = range
  }
}
