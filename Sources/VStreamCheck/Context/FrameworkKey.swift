import VStreamModel
import VStreamSource
import VStreamSyntax

/// Writing `framework:` into a file's front matter, for the checker's fix (VS350) and `vstream migrate`: one place
/// that knows where the key goes and which line break the file uses.
public enum FrameworkKey {
  /// The edit that adds `framework: ID` as the front matter's last line (before the closing fence), or a front
  /// matter holding only it when the file has none. Nil when the front matter is not a mapping to add to.
  public static func insertion(_ framework: Framework, syntax: FileSyntax, file: SourceFile) -> Diagnostic.Edit? {
    let firstBreak = file.bytes.firstIndex(of: 0x0A)
    let newline = firstBreak.map { $0 > 0 && file.bytes[$0 - 1] == 0x0D } == true ? "\r\n" : "\n"
    let line = "framework: \(framework.id)" + newline
    guard let frontMatter = syntax.frontMatter else {
      return Diagnostic.Edit(range: SourceRange.empty(at: 0), replacement: "---" + newline + line + "---" + newline)
    }
    guard frontMatter.root?.mapping != nil else { return nil }
    return Diagnostic.Edit(range: SourceRange.empty(at: frontMatter.contentRange.end), replacement: line)
  }
}
