import VStreamSource

/// A practice written by an older or regional name is accepted, and written as its id by `fmt` (VS408).
enum PracticesAreWrittenAsIDs: CheckRule {
  static func findings(in context: CheckContext) -> Findings {
    var findings = context.findings()
    let catalogue = context.configuration.catalogue
    for alias in context.steps.practiceAliases {
      findings.add(.practiceAlias, at: alias.range) {
        let written = context.file.text(alias.range)
        return .practiceAlias(
          written, id: catalogue.all[alias.practice].id, note: catalogue.aliasNote(written), at: alias.range)
      }
    }
    return findings
  }
}

extension Message {
  static func practiceAlias(_ written: String, id: String, note: String?, at range: SourceRange) -> Message {
    Message(
      text: "`\(written)` is an older name for `\(id)`", label: "older name", notes: note.map { [$0] } ?? [],
      help: "write `\(id)`; `vstream fmt` does this", fixes: [.replace(range, with: id, "write `\(id)`", safety: .safe)]
    )
  }
}
