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

  /// A repeated practice with the `,` before it and the blanks around that comma, line breaks of a wrapped list
  /// included: what removing it takes, so that no trailing comma or blank line is left. A repeat is never first in
  /// its list.
  static func withSeparator(_ range: SourceRange, _ file: SourceFile) -> SourceRange {
    let bytes = file.bytes
    let blank = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
    var start = Int(range.start)
    while start > 0, blank(bytes[start - 1]) || bytes[start - 1] == UInt8(ascii: "\n") || bytes[start - 1] == 0x0D {
      start -= 1
    }
    guard start > 0, bytes[start - 1] == UInt8(ascii: ",") else { return range }
    start -= 1
    while start > 0, blank(bytes[start - 1]) { start -= 1 }
    return SourceRange(start: UInt32(start), end: range.end)
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
