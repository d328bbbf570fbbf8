import VStreamSource

/// A step names each practice once (VS410).
enum PracticesAreNamedOnce: CheckRule {
  static func findings(in context: CheckContext) -> Findings {
    var findings = context.findings()
    let practices = context.configuration.catalogue.all
    for repeated in context.steps.repeatedPractices {
      findings.add(.duplicatePractice, at: repeated.range) {
        .practiceNamedTwice(
          practices[repeated.practice].id, first: repeated.first, repeat: withSeparator(repeated.range, context.file))
      }
    }
    return findings
  }

  /// A repeated practice with the `,` and blanks before it: what removing it takes. A repeat is never first in its list.
  private static func withSeparator(_ range: SourceRange, _ file: SourceFile) -> SourceRange {
    var start = Int(range.start)
    while start > 0, file.bytes[start - 1] == UInt8(ascii: " ") || file.bytes[start - 1] == UInt8(ascii: "\t") {
      start -= 1
    }
    guard start > 0, file.bytes[start - 1] == UInt8(ascii: ",") else { return range }
    return SourceRange(start: UInt32(start - 1), end: range.end)
  }
}

extension Message {
  static func practiceNamedTwice(_ id: String, first: SourceRange, repeat again: SourceRange) -> Message {
    Message(
      text: "`\(id)` is named twice in this step", label: "again",
      secondary: [Diagnostic.Label(range: first, message: "first named here")], help: "remove the repeat",
      fixes: [
        Diagnostic.Fix("remove the repeat", edits: [Diagnostic.Edit(range: again, replacement: "")], safety: .safe)
      ])
  }
}
