import VStreamModel
import VStreamSource
import VStreamSyntax

/// A step passes something on as is (VS418): `ca 0%` says every item needs correction, so through a rework arrow it
/// comes back forever (the expected figures are infinite) and without one the figures contradict it. It is rarely
/// meant: usually an unknown share written as 0. The one finding for such a step; the loop it makes endless is not
/// also VS325.
enum CompleteAccurateIsNotZero: CheckRule {
  static func findings(in context: CheckContext) -> Findings {
    var findings = context.findings()
    for (index, ca) in context.steps.completeAccurate.enumerated() where ca?.hundredths == 0 {
      let step = context.declarations.steps[index]
      guard let attribute = context.syntax.attribute(.ca, of: step) else { continue }
      // The whole line and its line break go: without `ca` the share is unknown, which is what 0 usually meant.
      let line = context.file.lineRange(context.file.line(of: attribute.range.start))
      let end = Swift.min(line.end + 1, UInt32(context.file.bytes.count))
      let fix = Diagnostic.Fix.replace(
        SourceRange(start: line.start, end: end), with: "", "remove `ca 0%`", safety: .unsafe)
      findings.add(.completeAccurateZero, at: attribute.range) {
        .completeAccurateZero(step: context.text(step.identifier), fix: fix)
      }
    }
    return findings
  }

  /// Whether a step (by index) is VS418's: its `ca` is 0%.
  static func passesNothingOn(_ context: CheckContext, step index: Int) -> Bool {
    context.steps.completeAccurate[index]?.hundredths == 0
  }
}

extension Message {
  static func completeAccurateZero(step: String, fix: Diagnostic.Fix) -> Message {
    Message(
      text: "step `\(step)` passes nothing on as is (`ca 0%`)", label: "every item needs correction",
      notes: [
        "through a rework arrow every item comes back forever, so the expected figures are infinite; without one they pass everything on anyway"
      ],
      help: "write the share of the output that goes on without correction, or remove the line if it is not known",
      fixes: [fix])
  }
}
