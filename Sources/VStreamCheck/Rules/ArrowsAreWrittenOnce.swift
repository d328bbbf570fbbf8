import VStreamSource

/// Each arrow is written once (VS411); a label does not make an arrow new.
enum ArrowsAreWrittenOnce: CheckRule {
  static func findings(in context: CheckContext) -> Findings {
    var findings = context.findings()
    let file = context.file
    for arrow in context.flow.repeatedArrows {
      findings.add(.duplicateArrow, at: arrow.from.union(arrow.to)) {
        .arrowWrittenTwice(from: file.text(arrow.from), to: file.text(arrow.to), first: arrow.first)
      }
    }
    return findings
  }
}

extension Message {
  static func arrowWrittenTwice(from: String, to: String, first: SourceRange) -> Message {
    Message(
      text: "the arrow `\(from) -> \(to)` is written twice", label: "again",
      secondary: [Diagnostic.Label(range: first, message: "first written here")], help: "remove the repeat")
  }
}
