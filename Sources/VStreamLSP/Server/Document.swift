import VStream
import VStreamSource
import VStreamSyntax

/// One open text document: its latest text and version, and what the compiler made of that version, computed when
/// first asked for and kept until the next edit.
final class Document {
  let uri: String
  /// The path the compiler sees (for configuration overrides and messages): the URI's file path.
  let path: String
  private(set) var version: Int
  private(set) var file: SourceFile
  private var syntaxCache: FileSyntax?
  private var checkedCache: [Diagnostic]?

  init(uri: String, path: String, version: Int, text: [UInt8]) {
    self.uri = uri
    self.path = path
    self.version = version
    self.file = SourceFile(path: path, bytes: text)
  }

  /// Replaces the whole text (full synchronisation, or a file restored from disk).
  func replace(with text: [UInt8], version: Int) {
    self.version = version
    file = SourceFile(path: path, bytes: text)
    syntaxCache = nil
    checkedCache = nil
  }

  /// Applies one incremental change: `range` in the current text, in the session's encoding.
  func apply(
    range: (start: PositionEncoding.Position, end: PositionEncoding.Position), text: String,
    encoding: PositionEncoding
  ) -> [UInt8] {
    let start = Int(encoding.offset(of: range.start, in: file))
    let end = max(start, Int(encoding.offset(of: range.end, in: file)))
    var bytes = Array(file.bytes)
    bytes.replaceSubrange(start..<end, with: Array(text.utf8))
    file = SourceFile(path: path, bytes: bytes)
    syntaxCache = nil
    checkedCache = nil
    return bytes
  }

  func setVersion(_ version: Int) { self.version = version }

  /// The syntax tree of the current text (the one the check made, when it ran first: a text is parsed once).
  var syntax: FileSyntax {
    if let syntaxCache { return syntaxCache }
    let syntax = Compiler.parse(file).syntax
    syntaxCache = syntax
    return syntax
  }

  /// What `vstream check` reports on the current text with `configuration`, before the workspace's findings.
  func diagnostics(configuration: Configuration) -> [Diagnostic] {
    if let checkedCache { return checkedCache }
    let result = Compiler.check(file, configuration: configuration, buildingModel: false)
    syntaxCache = result.syntax
    checkedCache = result.diagnostics
    return result.diagnostics
  }

  /// Forgets the findings (the configuration changed) but keeps the tree.
  func invalidateDiagnostics() { checkedCache = nil }
}
