import VStreamSource
import VStreamSyntax

/// Writes a parsed file in the canonical layout described in `specs/formatting.md`.
///
/// Values are re-emitted from their decoded form, so formatting cannot change what a file says; activity and
/// practice names are normalised to their canonical ids; every comment is kept where it was attached; the front
/// matter is kept byte for byte. The result is a fixed point: formatting it again gives the same text.
public enum Formatter {
  /// The canonical text of `file`. The caller guarantees that `syntax` is the parse of `file` and that the parse
  /// reported no error (`Compiler.format` in the `VStream` module checks that); lines that failed to parse would be
  /// written in an unspecified way.
  public static func format(_ file: SourceFile, syntax: FileSyntax, options: FormatOptions = FormatOptions()) -> String
  {
    var writer = FormatWriter(file: file, syntax: syntax, options: options)
    writer.writeFile()
    return writer.output
  }
}
