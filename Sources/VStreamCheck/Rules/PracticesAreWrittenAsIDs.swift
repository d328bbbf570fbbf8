import VStreamSource

/// A practice written by an older or regional name is accepted, and written as its id by `fmt` (VS408); a name that
/// repeats a practice of its step is VS410's alone.
enum PracticesAreWrittenAsIDs: CheckRule {
  static func findings(in context: CheckContext) -> Findings {
    var findings = context.findings()
    let catalogue = context.configuration.catalogue
    // A name that repeats a practice of its step is VS410's alone: its fix removes it, so rewriting it would be a
    // second finding and a second edit for one word.
    let repeats = Set(context.steps.repeatedPractices.map(\.range.start))
    for alias in context.steps.practiceAliases where !repeats.contains(alias.range.start) {
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
