import VStreamModel
import VStreamSource

/// An activity written another way (`obtain/build`) is accepted, and written as its id by `fmt` (VS409).
enum ActivitiesAreWrittenAsIDs: CheckRule {
  static func findings(in context: CheckContext) -> Findings {
    var findings = context.findings()
    for alias in context.steps.activityAliases {
      findings.add(.activityAlias, at: alias.range) {
        .activityAlias(context.file.text(alias.range), alias.activity, at: alias.range)
      }
    }
    return findings
  }
}

extension Message {
  static func activityAlias(_ written: String, _ activity: Activity, at range: SourceRange) -> Message {
    Message(
      text: "`\(written)` is written `\(activity.id)`", label: "alternative spelling",
      help: "write `activity \(activity.id)`; `vstream fmt` does this",
      fixes: [.replace(range, with: activity.id, "write `\(activity.id)`", safety: .safe)])
  }
}
