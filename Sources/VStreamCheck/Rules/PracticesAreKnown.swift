import VStreamSource

/// A step's practices are in the catalogue: ITIL's 34, their older names, and the organisation's own (VS309).
enum PracticesAreKnown: CheckRule {
  static func findings(in context: CheckContext) -> Findings {
    var findings = context.findings()
    for unknown in context.steps.unknownPractices {
      findings.add(.unknownPractice, at: unknown.range) {
        let written = context.file.text(unknown.range)
        if let names = unknown.commasLeftOut { return .commasLeftOut(written, names, at: unknown.range) }
        return .unknownPractice(written, suggestions: unknown.suggestions, at: unknown.range)
      }
    }
    return findings
  }
}

extension Message {
  static func commasLeftOut(_ written: String, _ names: [String], at range: SourceRange) -> Message {
    let list = names.joined(separator: ", ")
    return Message(
      text: "`\(written)` names \(names.count) practices without the commas between them", label: "`,` expected",
      help: "separate the practices with commas: `\(list)`",
      fixes: [.replace(range, with: list, "write `\(list)`", safety: .safe)])
  }

  static func unknownPractice(_ written: String, suggestions: [String], at range: SourceRange) -> Message {
    Message(
      text: "unknown practice `\(written)`", label: "not in the catalogue",
      help: suggestions.isEmpty
        ? "`vstream practices` lists the practices; declare your own in vstream.yml"
        : "did you mean " + suggestions.map { "`\($0)`" }.joined(separator: " or ") + "?",
      fixes: suggestions.map { .replace(range, with: $0, "write `\($0)`", safety: .unsafe) })
  }
}
