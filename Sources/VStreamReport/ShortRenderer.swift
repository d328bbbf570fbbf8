import VStreamSource

/// Renders a diagnostic on one line, `file:line:col: severity: message [CODE]`: the form gcc, editors and CI
/// problem matchers read.
public enum ShortRenderer {
  public static func render(_ diagnostic: Diagnostic, in file: SourceFile) -> String {
    let location = file.location(of: diagnostic.range.start)
    let message = HumanRenderer.printable(diagnostic.message)
    return
      "\(file.path):\(location.line):\(location.column): \(diagnostic.severity.rawValue): \(message) [\(diagnostic.code)]"
  }
}
