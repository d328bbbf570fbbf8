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

  /// The unified diff from `old` to `new` in the shape of `diff -u` (see ``UnifiedDiff``), or "" when they have the
  /// same bytes: what `vstream fmt --diff` prints.
  public static func diff(old: String, new: String, oldPath: String, newPath: String, context: Int = 3) -> String {
    UnifiedDiff.diff(old: old, new: new, oldPath: oldPath, newPath: newPath, context: context)
  }
}
