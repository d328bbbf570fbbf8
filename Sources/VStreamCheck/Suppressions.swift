import VStreamSource
import VStreamSyntax

/// Applies `# vstream: allow` comments: a finding of a named rule inside the comment's target is marked suppressed
/// (kept, so that JSON and SARIF can show it), and a suppression that silenced nothing is reported.
enum Suppressions {
  static func apply(to diagnostics: [Diagnostic], syntax: FileSyntax, file: SourceFile) -> [Diagnostic] {
    guard !syntax.directives.isEmpty else { return diagnostics }
    var result = diagnostics
    var unused: [DirectiveSyntax] = []
    for directive in syntax.directives {
      guard let kind = directive.kind else { continue }
      let codes = Set(directive.rules.compactMap { RuleCatalog.rule(named: $0.text(in: file)) }.filter(\.isConfigurable).map(\.code))
      guard !codes.isEmpty else { continue }
      let lines = kind == .allowFile ? 1...Int.max : targetLines(of: directive, syntax: syntax, file: file)
      let reason = directive.reasonRange.map { file.text($0) } ?? "no reason given"
      var used = false
      for index in result.indices where codes.contains(result[index].code) && result[index].suppression == nil {
        if lines.contains(file.line(of: result[index].range.start)) {
          result[index].suppression = Diagnostic.Suppression(reason: reason, range: directive.range)
          used = true
        }
      }
      if !used { unused.append(directive) }
    }
    for directive in unused {
      result.append(
        Diagnostic(
          code: CheckMessages.unusedSuppression, severity: .warning, message: "this suppression silences nothing",
          range: directive.range, label: "no matching finding",
          help: "remove it, or check the rule name (`vstream explain --list`)"))
    }
    return result
  }

  /// The lines of the declaration or flow a directive applies to: the one it trails, or the next one below it.
  static func targetLines(of directive: DirectiveSyntax, syntax: FileSyntax, file: SourceFile) -> ClosedRange<Int> {
    let line = file.line(of: directive.range.start)
    for item in syntax.items {
      let first = file.line(of: item.range.start)
      let last = file.line(of: item.range.end)
      if directive.isTrailing, first <= line, line <= last { return first...last }
      if !directive.isTrailing, first > line { return first...last }
      if !directive.isTrailing, first <= line, line <= last { return line...last }  // a comment between attributes
    }
    return line...line
  }
}
