import VStreamSource

/// The demand, the steps and the values have distinct ids (VS306): they share one namespace, because flows name
/// them.
enum IdentifiersAreUnique: CheckRule {
  static func findings(in context: CheckContext) -> Findings {
    var findings = context.findings()
    for repeated in context.names.repeats {
      findings.add(.duplicateIdentifier, at: repeated.identifier) {
        .declaredTwice(context.file.text(repeated.identifier), first: repeated.first)
      }
    }
    return findings
  }
}

extension Message {
  static func declaredTwice(_ id: String, first: SourceRange) -> Message {
    Message(
      text: "`\(id)` is declared twice", label: "declared again here",
      secondary: [Diagnostic.Label(range: first, message: "first declared here")],
      help: "rename one; flows refer to declarations by id")
  }
}
