import VStream
import VStreamSource

/// What every feature reads for one request: the document's current text and tree, the session's position encoding,
/// and the configuration that applies to the document (its practices, its duration settings).
struct FeatureContext {
  let uri: String
  let file: SourceFile
  let index: DocumentIndex
  let encoding: PositionEncoding
  let configuration: Configuration
  /// The stream ids of the workspace (open documents and files on disk), sorted: asked only by the completion after
  /// `runs`, `hands-over-to` and `from-stream`, so made only then.
  var streamIDs: () -> [String] = { [] }

  func offset(_ position: PositionEncoding.Position) -> UInt32 { encoding.offset(of: position, in: file) }

  func range(_ range: SourceRange) -> [String: Any] { LSPRange.json(range, in: file, encoding: encoding) }

  func location(_ range: SourceRange) -> [String: Any] { ["uri": uri, "range": self.range(range)] }

  func textEdit(_ range: SourceRange, _ newText: String) -> [String: Any] {
    ["range": self.range(range), "newText": newText]
  }
}
