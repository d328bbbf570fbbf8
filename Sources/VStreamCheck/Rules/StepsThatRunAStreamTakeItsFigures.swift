import VStreamSource
import VStreamSyntax

/// A step that runs another stream (`runs`) takes its process time and its %C/A from that stream (VS346): a `time`
/// or `ca` of its own beside `runs` would say something else, so each is reported at its line, and the fix removes
/// the line. The fix is not applied without asking: one file cannot tell whether `runs` names a stream at all (a
/// misspelt name is VS341 across the repository), and removing the figures of a step whose `runs` is the slip would
/// lose them. Its own `wait` stays: the queue before the called stream starts.
enum StepsThatRunAStreamTakeItsFigures: CheckRule {
  static func findings(in context: CheckContext) -> Findings {
    var findings = context.findings()
    let (syntax, file) = (context.syntax, context.file)
    for step in context.declarations.steps {
      guard let runs = syntax.attribute(.runs, of: step), case .word(let called) = runs.value else { continue }
      for attribute in syntax.attributes(of: step) where attribute.kind == .time || attribute.kind == .ca {
        let written = file.text(attribute.range)
        let fix = Diagnostic.Fix.replace(
          wholeLine(of: attribute.range, in: file), with: "", "remove `\(written)`", safety: .unsafe)
        findings.add(.figureBesideRuns, at: attribute.range) {
          .figureBesideRuns(
            attribute.kind, step: context.text(step.identifier), stream: called.text(in: file), fix: fix)
        }
      }
    }
    return findings
  }

  /// The line that holds `range`, with its line break: what removing the attribute takes.
  static func wholeLine(of range: SourceRange, in file: SourceFile) -> SourceRange {
    let line = file.line(of: range.start)
    let start = file.lineRange(line).start
    let end = line < file.lineCount ? file.lineRange(line + 1).start : UInt32(file.bytes.count)
    return SourceRange(start: start, end: end)
  }
}

extension Message {
  static func figureBesideRuns(_ kind: AttributeKind, step: String, stream: String, fix: Diagnostic.Fix) -> Message {
    let what = kind == .time ? "process time" : "%C/A"
    return Message(
      text: "step `\(step)` runs `\(stream)` and also states its own `\(kind.rawValue)`",
      label: "comes from `\(stream)`",
      notes: ["a step that runs another stream takes its \(what) from that stream's main path"],
      help: "remove the line, or change the figures in `\(stream)`", fixes: [fix])
  }
}
