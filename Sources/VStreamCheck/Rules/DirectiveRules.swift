import VStreamSource
import VStreamSyntax

extension CheckRun {
  /// `# vstream:` comments are well formed (VS413-VS415). Whether they silence anything (VS412) is decided after
  /// all findings are in, by ``Suppressions``.
  mutating func checkDirectives() {
    for directive in syntax.directives {
      guard directive.kind != nil else {
        let verb = file.text(directive.verbRange)
        report(
          CheckMessages.unknownDirective, "unknown directive `vstream: \(verb)`", at: directive.verbRange.isEmpty ? directive.range : directive.verbRange,
          label: "not a directive",
          help: Spelling.closest(to: verb, among: ["allow", "allow-file"]).map { "did you mean `\($0)`?" } ?? "directives are `allow` and `allow-file`")
        continue
      }
      if directive.rules.isEmpty {
        report(
          CheckMessages.unknownSuppressedRule, "the directive names no rule", at: directive.range, label: "rule expected",
          help: "write `# vstream: allow no-practices -- reason`")
      }
      for rule in directive.rules {
        let name = rule.text(in: file)
        guard let descriptor = RuleCatalog.rule(named: name), descriptor.isConfigurable else {
          let isError = RuleCatalog.rule(named: name) != nil
          let names = RuleCatalog.all.filter(\.isConfigurable).map(\.name)
          report(
            CheckMessages.unknownSuppressedRule,
            isError ? "`\(name)` is an error and cannot be silenced" : "unknown rule `\(name)`", at: rule.range,
            label: isError ? "errors must be fixed" : "no such rule",
            help: isError ? "fix what it reports" : Spelling.closest(to: name, among: names).map { "did you mean `\($0)`?" } ?? "`vstream explain --list` lists the rules")
          continue
        }
      }
      if directive.reasonRange == nil {
        report(
          CheckMessages.suppressionWithoutReason, "the suppression gives no reason", at: directive.range, label: "reason expected after `--`",
          help: "say why: `# vstream: \(directive.kind!.rawValue) \(directive.rules.map { $0.text(in: file) }.joined(separator: ", ")) -- reason`")
      }
    }
  }
}
