import VStreamModel

/// How a stream stands against its target lead time, in the words the Markdown pages use: its own page's "Target"
/// section and the index's column.
enum TargetStanding {
  /// `met (10.3 h)` or `over by 17 min (10.3 h)`; nil for a stream without a target.
  static func text(_ stream: ValueStream) -> String? {
    guard let target = stream.metadata.target, let actual = target.actual(stream.metrics) else { return nil }
    let settings = stream.settings
    return actual > target.duration
      ? "over by \((actual - target.duration).readable(settings)) (\(actual.readable(settings)))"
      : "met (\(actual.readable(settings)))"
  }

  /// The stream page's section: the target, the lead time held against it, and the standing; then each step that
  /// states its own target. Empty when there is neither.
  static func section(_ stream: ValueStream) -> String {
    let steps = stream.steps.filter { $0.target != nil }
    var out = ""
    if let target = stream.metadata.target, let standing = text(stream) {
      out += "| Target lead time | Held against | Standing |\n| ---: | --- | --- |\n"
      out += "| \(target.duration.readable(stream.settings)) | lead time of \(target.measure.phrase) | \(standing) |\n"
    }
    if !steps.isEmpty {
      out += (out.isEmpty ? "" : "\n") + "| Step | Target | Wait and work | Standing |\n| --- | ---: | ---: | --- |\n"
      for step in steps {
        let target = step.target!
        let standing =
          step.leadTime > target ? "over by \((step.leadTime - target).readable(stream.settings))" : "met"
        out +=
          "| \(MarkdownEscaping.text(step.title)) | \(target.readable(stream.settings)) | "
          + "\(step.leadTime.readable(stream.settings)) | \(standing) |\n"
      }
    }
    return out.isEmpty ? "" : "\n## Target\n\n" + out
  }

  /// The index's cell: `10 h: met (9 h)`, or `–`.
  static func cell(_ stream: ValueStream) -> String {
    guard let target = stream.metadata.target, let standing = text(stream) else { return "–" }
    return "\(target.duration.readable(stream.settings)): \(standing)"
  }
}
