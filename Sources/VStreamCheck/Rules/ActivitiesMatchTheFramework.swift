import VStreamModel
import VStreamSource

/// A step's activity is one of the stream's framework's (VS350): an ITIL 4 stream does not name `discover`, and an
/// ITIL (Version 5) stream does not name `deliver-and-support`.
///
/// One root cause, one diagnostic: when the front matter names no framework and no step names an activity of the
/// framework in force, the missing `framework:` is what is wrong (a Version 5 stream without `framework: itil5`),
/// and one finding on the first step says so, with the front matter fix. Otherwise (and always when the front
/// matter names the framework, as after `vstream migrate`) each stray step is reported with its counterparts in the framework in force
/// (`ActivityCorrespondence`, vstream's table, not ITIL's) as unsafe fixes: choosing among them is a person's call.
enum ActivitiesMatchTheFramework: CheckRule {
  static func findings(in context: CheckContext) -> Findings {
    var findings = context.findings()
    let strays = context.steps.otherFrameworkActivities
    guard let framework = context.framework, let first = strays.first else { return findings }
    let source = source(of: framework, context)
    let noneInForce = !context.steps.activities.contains { $0 != nil } && context.steps.unknownActivities.isEmpty
    if noneInForce, context.frontMatter.metadata.framework == nil, Set(strays.map(\.activity.framework)).count == 1 {
      let theirs = first.activity.framework
      findings.add(.activityOfAnotherFramework, at: first.range) {
        .streamUsesAnotherFramework(
          framework, source: source, theirs: theirs, steps: strays.count, fix: frameworkFix(theirs, context))
      }
      return findings
    }
    let catalogue = context.configuration.catalogue.all
    for stray in strays {
      findings.add(.activityOfAnotherFramework, at: stray.range) {
        // The likelier counterparts first, by the step's practices, as `vstream migrate` orders them.
        let (candidates, because) = ActivityCorrespondence.ranked(
          ActivityCorrespondence.counterparts(of: stray.activity, in: framework),
          practices: context.steps.practices(ofStep: stray.step).map { catalogue[Int($0)].id })
        return .activityOfAnotherFramework(
          context.file.text(stray.range), stray.activity, framework, source: source, candidates: candidates,
          because: because, at: stray.range)
      }
    }
    return findings
  }

  /// Where the framework in force was chosen, for the message.
  static func source(of framework: Framework, _ context: CheckContext) -> String {
    if context.frontMatter.metadata.framework != nil { return "as its front matter says" }
    if framework != .itil4 { return "as `vstream.yml` says" }
    return "the default"
  }

  /// The front matter edit that makes the stream follow `theirs`: its `framework:` value changed, or the key added
  /// before the closing fence. Nil when the repository forbids the change or the file has no front matter.
  static func frameworkFix(_ theirs: Framework, _ context: CheckContext) -> Diagnostic.Fix? {
    let configuration = context.configuration
    guard configuration.allowsMixedFrameworks || theirs == configuration.framework else { return nil }
    let message = "follow \(theirs.name): `framework: \(theirs.id)`"
    // A file without front matter has VS405 to fix first; its framework is added with the rest.
    guard context.syntax.frontMatter != nil,
      let edit = FrameworkKey.insertion(theirs, syntax: context.syntax, file: context.file)
    else { return nil }
    return Diagnostic.Fix(message, edits: [edit], safety: .unsafe)
  }
}

extension Message {
  static func streamUsesAnotherFramework(
    _ framework: Framework, source: String, theirs: Framework, steps: Int, fix: Diagnostic.Fix?
  ) -> Message {
    Message(
      text: "this stream follows \(framework.name) (\(source)), but its activities are \(theirs.name)'s",
      label: "an \(theirs.name) \(theirs.activityKind)",
      notes: ["\(steps == 1 ? "its one step names" : "all \(steps) of its steps name") \(theirs.name) activities"],
      help: fix == nil
        ? "this repository holds every stream to \(framework.name) (`mixed-frameworks: forbid` in `vstream.yml`): "
          + "write \(framework.name) activities, or change `framework` in `vstream.yml`"
        : "say `framework: \(theirs.id)` in the front matter",
      fixes: fix.map { [$0] } ?? [])
  }

  static func activityOfAnotherFramework(
    _ written: String, _ activity: Activity, _ framework: Framework, source: String, candidates: [Activity],
    because: [String], at range: SourceRange
  ) -> Message {
    let names = candidates.map { "`\($0.id)`" }
    return Message(
      text: "`\(written)` is an \(activity.framework.name) activity, but this stream follows \(framework.name) "
        + "(\(source))",
      label: "not an \(framework.name) \(framework.activityKind)",
      notes: (candidates.count > 1 ? candidates.map { "`\($0.id)`: \($0.purpose)" } : [])
        + (because.isEmpty
          ? []
          : [
            "`\(candidates[0].id)` is first because the step names \(because.map { "`\($0)`" }.joined(separator: ", "))"
          ])
        + [
          "\(framework.name)'s activities are \(framework.activities.map(\.id).joined(separator: ", "))",
          "the counterparts come from vstream's own correspondence table, not from ITIL",
        ],
      help: candidates.count == 1
        ? "write \(names[0])" : "choose one of \(names.joined(separator: ", ")) for what this step does",
      fixes: candidates.map { .replace(range, with: $0.id, "write `\($0.id)`", safety: .unsafe) })
  }
}
