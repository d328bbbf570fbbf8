import VStreamSource
import VStreamSyntax

/// What the features need to find in a document's tree: the declarations, every place an id is written (its
/// declaration and the flow lines), and the word under a position.
struct DocumentIndex {
  /// One place an identifier is written.
  struct Occurrence {
    var text: String
    var range: SourceRange
    /// Whether this is the declaration (the definition) rather than a use in a flow.
    var isDeclaration: Bool
  }

  let file: SourceFile
  let syntax: FileSyntax
  private(set) var occurrences: [Occurrence] = []
  /// The declarations that have an identifier, by their id (the first declaration of an id wins, as in the checker).
  private(set) var declarations: [String: DeclarationSyntax] = [:]

  init(file: SourceFile, syntax: FileSyntax) {
    self.file = file
    self.syntax = syntax
    for item in syntax.items {
      switch item {
      case .declaration(let declaration):
        guard let identifier = declaration.identifier else { continue }
        let text = file.text(identifier.range)
        occurrences.append(Occurrence(text: text, range: identifier.range, isDeclaration: true))
        if declarations[text] == nil { declarations[text] = declaration }
      case .flow(let flow):
        for node in syntax.nodes(of: flow) {
          occurrences.append(Occurrence(text: file.text(node.range), range: node.range, isDeclaration: false))
        }
      }
    }
  }

  /// The id written at `offset` (touching its start or end counts, so that a cursor just after a word finds it).
  func occurrence(at offset: UInt32) -> Occurrence? {
    occurrences.first { $0.range.start <= offset && offset <= $0.range.end }
  }

  /// Every place `id` is written, in source order.
  func occurrences(of id: String) -> [Occurrence] {
    occurrences.filter { $0.text == id }
  }

  /// The attribute whose line holds `offset`, and the declaration it belongs to.
  func attribute(at offset: UInt32) -> (declaration: DeclarationSyntax, attribute: AttributeSyntax)? {
    guard let declaration = declaration(containing: offset) else { return nil }
    for attribute in syntax.attributes(of: declaration)
    where attribute.range.start <= offset && offset <= attribute.range.end {
      return (declaration, attribute)
    }
    return nil
  }

  /// The declaration whose lines hold `offset`.
  func declaration(containing offset: UInt32) -> DeclarationSyntax? {
    for item in syntax.items {
      if case .declaration(let declaration) = item, declaration.range.start <= offset, offset <= declaration.range.end {
        return declaration
      }
    }
    return nil
  }

  /// The last declaration that starts before `offset`: the one an indented line being typed belongs to.
  func declaration(before offset: UInt32) -> DeclarationSyntax? {
    var found: DeclarationSyntax?
    for item in syntax.items {
      guard item.range.start < offset else { break }
      if case .declaration(let declaration) = item { found = declaration } else { found = nil }
    }
    return found
  }

  /// The words of a list value (`practices`) with their ranges.
  func words(of attribute: AttributeSyntax) -> [(text: String, range: SourceRange)] {
    switch attribute.value {
    case .word(let word): return [(file.text(word.range), word.range)]
    case .words(let span): return syntax.words(span).map { (file.text($0.range), $0.range) }
    default: return []
    }
  }
}
