import VStreamSource

/// A practice written by an older or regional name is accepted, and written as its id by `fmt` (VS408).
enum PracticesAreWrittenAsIDs: CheckRule {
  static func findings(in context: CheckContext) -> Findings {
    var findings = context.findings()
    let practices = context.configuration.catalogue.all
    for alias in context.steps.practiceAliases {
      findings.add(.practiceAlias, at: alias.range) {
        .practiceAlias(context.file.text(alias.range), id: practices[alias.practice].id)
      }
    }
    return findings
  }
}

extension Message {
  static func practiceAlias(_ written: String, id: String) -> Message {
    Message(
      text: "`\(written)` is an older name for `\(id)`", label: "older name", help: "write `\(id)`; `vstream fmt` does this")
  }
}
