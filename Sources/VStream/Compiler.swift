import VStreamSource
import VStreamSyntax

/// The library's front door: everything the `vstream` command does, without any file or terminal I/O, so that other
/// Swift code (an editor plug-in, a language server) can compile streams the same way.
public enum Compiler {
  /// The result of reading one file.
  public struct Parsed: Sendable {
    public var file: SourceFile
    public var syntax: FileSyntax
    public var diagnostics: [Diagnostic]
  }

  /// Parses one file: never fails, always returns a tree and every syntax diagnostic.
  public static func parse(_ file: SourceFile, options: ParserOptions = ParserOptions()) -> Parsed {
    let (syntax, diagnostics) = Parser.parse(file, options: options)
    return Parsed(file: file, syntax: syntax, diagnostics: diagnostics)
  }

  /// Every diagnostic code of every stage, sorted by code: for `vstream explain`, SARIF and the specification.
  public static var rules: [RuleDescriptor] {
    SyntaxMessages.rules.sorted { $0.code < $1.code }
  }

  /// The full diagnosis of one file: what `vstream check` reports for it.
  public static func diagnose(_ file: SourceFile) -> Parsed {
    parse(file)
  }
}
