import VStreamSource

/// A step names each practice once (VS410).
enum PracticesAreNamedOnce: CheckRule {
  static func findings(in context: CheckContext) -> Findings {
    var findings = context.findings()
    let practices = context.configuration.catalogue.all
    for repeated in context.steps.repeatedPractices {
      findings.add(.duplicatePractice, at: repeated.range) {
        .practiceNamedTwice(practices[repeated.practice].id, first: repeated.first)
      }
    }
    return findings
  }
}

extension Message {
  static func practiceNamedTwice(_ id: String, first: SourceRange) -> Message {
    Message(
      text: "`\(id)` is named twice in this step", label: "again",
      secondary: [Diagnostic.Label(range: first, message: "first named here")], help: "remove the repeat")
  }
}
