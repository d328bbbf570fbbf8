import VStreamFormat
import VStreamSource
import VStreamSyntax

/// The outcome of formatting one file.
public enum FormatResult: Sendable {
  case formatted(String)
  /// The file has syntax errors; it is not rewritten.
  case syntaxErrors([Diagnostic])
}

extension Compiler {
  /// Formats one file in the canonical layout, or refuses when it does not parse cleanly (with `parserOptions`, which
  /// carry the limits on its front matter).
  public static func format(
    _ file: SourceFile, options: FormatOptions = FormatOptions(), parserOptions: ParserOptions = ParserOptions()
  ) -> FormatResult {
    let parsed = parse(file, options: parserOptions)
    let errors = parsed.diagnostics.filter { $0.severity == .error }
    guard errors.isEmpty else { return .syntaxErrors(errors) }
    return .formatted(Formatter.format(file, syntax: parsed.syntax, options: options))
  }
}
