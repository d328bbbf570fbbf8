import VStreamModel
import VStreamSource

/// A practice named by an ITIL v3 name that no single ITIL 4 practice replaces (`release-and-deployment-management`)
/// is reported with the practices that took its work over (VS416): a person must choose, so `fmt` cannot, and the
/// step counts none of them until then.
enum PracticesHaveOneITIL4Name: CheckRule {
  static func findings(in context: CheckContext) -> Findings {
    var findings = context.findings()
    for retired in context.steps.retiredPractices {
      findings.add(.retiredPractice, at: retired.range) {
        .retiredPractice(context.file.text(retired.range), retired.retired, at: retired.range)
      }
    }
    return findings
  }
}

extension Message {
  static func retiredPractice(_ written: String, _ retired: RetiredPractice, at range: SourceRange) -> Message {
    let choices = retired.candidates.map { "`\($0)`" }
    let help =
      choices.count == 1
      ? "write \(choices[0]) if that is the work meant"
      : "write the one meant: \(choices.dropLast().joined(separator: ", ")) or \(choices.last!) (or \(choices.count == 2 ? "both" : "several"))"
    return Message(
      text: "`\(written)` is an ITIL v3 name with no single ITIL 4 practice", label: "ITIL v3 name",
      notes: [retired.note], help: help,
      fixes: retired.candidates.map { .replace(range, with: $0, "write `\($0)`", safety: .unsafe) })
  }
}
