import VStreamSource

/// A reference to another stream by its id: a step or value that hands over to it (`hands-over-to`), the stream
/// a demand comes from (`from-stream`), or the stream a step runs (`runs`). Checked across the repository (the stream
/// exists, is not this one, and the hand-overs, or the runs, form no cycle); drawn as a link.
public struct StreamLink: Sendable, Hashable {
  /// The other stream's id.
  public var stream: String
  /// Where the id is written, for diagnostics.
  public var range: SourceRange

  public init(stream: String, range: SourceRange) {
    self.stream = stream
    self.range = range
  }
}
