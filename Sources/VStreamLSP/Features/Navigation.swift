import VStreamSource

/// Ids across the file: `textDocument/definition` (the declaration), `textDocument/references` (every place the id
/// is written) and `textDocument/rename` (all of them at once, to a new valid id).
enum NavigationFeature {
  static func definition(at offset: UInt32, in context: FeatureContext) -> [String: Any]? {
    guard let occurrence = context.index.occurrence(at: offset),
      let declaration = context.index.declarations[occurrence.text], let identifier = declaration.identifier
    else { return nil }
    return context.location(identifier.range)
  }

  static func references(at offset: UInt32, includeDeclaration: Bool, in context: FeatureContext) -> [[String: Any]] {
    guard let occurrence = context.index.occurrence(at: offset) else { return [] }
    return context.index.occurrences(of: occurrence.text)
      .filter { includeDeclaration || !$0.isDeclaration }
      .map { context.location($0.range) }
  }

  /// The id under the cursor and its range, or nil where nothing can be renamed.
  static func prepareRename(at offset: UInt32, in context: FeatureContext) -> [String: Any]? {
    guard let occurrence = context.index.occurrence(at: offset) else { return nil }
    return ["range": context.range(occurrence.range), "placeholder": occurrence.text]
  }

  static func rename(at offset: UInt32, to newName: String, in context: FeatureContext) throws -> [String: Any]? {
    guard let occurrence = context.index.occurrence(at: offset) else { return nil }
    guard isIdentifier(newName) else {
      throw JSONRPC.Failure(
        .invalidParams, "`\(newName)` is not an id: a letter, then letters, digits, `-` or `_` (ASCII)")
    }
    guard newName == occurrence.text || context.index.declarations[newName] == nil else {
      throw JSONRPC.Failure(.invalidParams, "`\(newName)` is already declared in this file")
    }
    let edits = context.index.occurrences(of: occurrence.text).map { context.textEdit($0.range, newName) }
    return ["changes": [context.uri: edits]]
  }

  /// `identifier = letter { letter | digit | "-" | "_" }`, ASCII only (specs/language.md, 2.4).
  static func isIdentifier(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    guard let first = bytes.first, isLetter(first) else { return false }
    return bytes.dropFirst().allSatisfy {
      isLetter($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: "-")
        || $0 == UInt8(ascii: "_")
    }
  }

  private static func isLetter(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
  }
}
