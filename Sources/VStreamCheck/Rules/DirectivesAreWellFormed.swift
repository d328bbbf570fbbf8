import VStreamSource
import VStreamSyntax

/// `# vstream:` comments are well formed (VS413-VS415): a known verb, rules that exist and can be silenced, and a
/// reason. Whether they silence anything (VS412) is decided after all findings are in, by ``Suppressions``.
enum DirectivesAreWellFormed: CheckRule {
  static func findings(in context: CheckContext) -> Findings {
    var findings = context.findings()
    let file = context.file
    for directive in context.syntax.directives {
      guard let kind = directive.kind else {
        let verb = file.text(directive.verbRange)
        findings.add(.unknownDirective, at: directive.verbRange.isEmpty ? directive.range : directive.verbRange) {
          .unknownDirective(verb)
        }
        continue
      }
      if directive.rules.isEmpty {
        findings.add(.unknownSuppressedRule, at: directive.range) { .directiveNamesNoRule }
      }
      for rule in directive.rules {
        let name = rule.text(in: file)
        let descriptor = RuleCatalog.rule(named: name)
        guard descriptor?.isConfigurable != true else { continue }
        findings.add(.unknownSuppressedRule, at: rule.range) { .cannotSilence(name, isError: descriptor != nil) }
      }
      if directive.reasonRange == nil {
        findings.add(.suppressionWithoutReason, at: directive.range) {
          .suppressionWithoutReason(kind.rawValue, rules: directive.rules.map { $0.text(in: file) })
        }
      }
    }
    return findings
  }
}

extension Message {
  static func unknownDirective(_ verb: String) -> Message {
    Message(
      text: "unknown directive `vstream: \(verb)`", label: "not a directive",
      help: Spelling.closest(to: verb, among: ["allow", "allow-file"]).map { "did you mean `\($0)`?" }
        ?? "directives are `allow` and `allow-file`")
  }

  static let directiveNamesNoRule = Message(
    text: "the directive names no rule", label: "rule expected", help: "write `# vstream: allow no-practices -- reason`"
  )

  static func cannotSilence(_ name: String, isError: Bool) -> Message {
    let names = RuleCatalog.all.filter(\.isConfigurable).map(\.name)
    return Message(
      text: isError ? "`\(name)` is an error and cannot be silenced" : "unknown rule `\(name)`",
      label: isError ? "errors must be fixed" : "no such rule",
      help: isError
        ? "fix what it reports"
        : Spelling.closest(to: name, among: names).map { "did you mean `\($0)`?" }
          ?? "`vstream explain --list` lists the rules")
  }

  static func suppressionWithoutReason(_ verb: String, rules: [String]) -> Message {
    Message(
      text: "the suppression gives no reason", label: "reason expected after `--`",
      help: "say why: `# vstream: \(verb) \(rules.joined(separator: ", ")) -- reason`")
  }
}
