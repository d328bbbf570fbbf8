import VStreamModel

/// One file on one side of a comparison: where it is, the stream id it declares, and the checked stream, or the
/// errors that kept the checker from building one.
public struct StreamSnapshot: Sendable, Hashable {
  /// The file's path as shown to people (repository-relative for a git revision).
  public var path: String
  /// The id after `stream`, read from the syntax even when the file has errors; nil when it has none.
  public var id: String?
  /// The checked stream; nil when an error remains.
  public var stream: ValueStream?
  /// The errors that kept the stream from being built, in report order.
  public var errors: [SnapshotError]
  /// Set on both sides of a file with the same path, bytes and configuration on each: it means the same by
  /// construction, so it is checked for its errors only and carries no stream (and its comparison no figures).
  public var isIdentical: Bool

  public init(
    path: String, id: String?, stream: ValueStream?, errors: [SnapshotError] = [], isIdentical: Bool = false
  ) {
    self.path = path
    self.id = id ?? stream?.id
    self.stream = stream
    self.errors = errors
    self.isIdentical = isIdentical
  }
}

/// An error found in a snapshot's file, with its place already worked out (the comparison keeps no source).
public struct SnapshotError: Sendable, Hashable {
  public var line: Int
  public var column: Int
  public var code: String
  public var message: String

  public init(line: Int, column: Int, code: String, message: String) {
    self.line = line
    self.column = column
    self.code = code
    self.message = message
  }
}
