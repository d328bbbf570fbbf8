import VStreamModel
import VStreamSource

/// A step's activity is one of its framework's activities or a spelling of one (VS308); another framework's activity
/// is VS350's (`ActivitiesMatchTheFramework`).
enum ActivitiesAreKnown: CheckRule {
  static func findings(in context: CheckContext) -> Findings {
    var findings = context.findings()
    for unknown in context.steps.unknownActivities {
      findings.add(.unknownActivity, at: unknown.range) {
        let written = context.file.text(unknown.range)
        if let several = unknown.several { return .severalActivities(written, several) }
        return .unknownActivity(
          written, suggestion: unknown.suggestion, framework: context.framework, at: unknown.range)
      }
    }
    return findings
  }
}

extension Message {
  static func severalActivities(_ written: String, _ names: [String]) -> Message {
    Message(
      text: "`\(written)` names \(names.count) activities, but a step has one", label: "one activity expected",
      help: "split it into \(names.count) steps, one for each of \(names.map { "`\($0)`" }.joined(separator: ", "))")
  }

  static func unknownActivity(
    _ written: String, suggestion: String?, framework: Framework?, at range: SourceRange
  ) -> Message {
    let framework = framework ?? .itil4
    return Message(
      text: "unknown activity `\(written)`", label: "not a \(framework.activityKind)",
      notes: ["the activities are \(framework.activities.map(\.id).joined(separator: ", "))"],
      help: suggestion.map { "did you mean `\($0)`?" },
      fixes: suggestion.map { [.replace(range, with: $0, "write `\($0)`", safety: .unsafe)] } ?? [])
  }
}
