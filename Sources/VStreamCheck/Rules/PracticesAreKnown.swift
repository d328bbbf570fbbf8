import VStreamSource

/// A step's practices are in the catalogue: ITIL's 34, their older names, and the organisation's own (VS309).
enum PracticesAreKnown: CheckRule {
  static func findings(in context: CheckContext) -> Findings {
    var findings = context.findings()
    for unknown in context.steps.unknownPractices {
      findings.add(.unknownPractice, at: unknown.range) {
        .unknownPractice(context.file.text(unknown.range), suggestions: unknown.suggestions, at: unknown.range)
      }
    }
    return findings
  }
}

extension Message {
  static func unknownPractice(_ written: String, suggestions: [String], at range: SourceRange) -> Message {
    Message(
      text: "unknown practice `\(written)`", label: "not in the catalogue",
      help: suggestions.isEmpty
        ? "`vstream practices` lists the practices; declare your own in vstream.yml"
        : "did you mean " + suggestions.map { "`\($0)`" }.joined(separator: " or ") + "?",
      fixes: suggestions.map { .replace(range, with: $0, "write `\($0)`", safety: .unsafe) })
  }
}
