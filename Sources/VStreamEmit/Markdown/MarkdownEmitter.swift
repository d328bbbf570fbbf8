import Foundation
import VStreamModel
import VStreamSource

/// Renders a checked stream as a Markdown page that reads well on GitHub and in static-site generators: metadata,
/// the diagram (the SVG built alongside, and a Mermaid flowchart GitHub draws in place), the steps with their roles
/// and notes, the flow metrics, time by activity, the practice contribution matrix, and any warnings.
public struct MarkdownEmitter: Sendable {
  public struct Options: Sendable {
    /// The SVG diagram written next to the page (`restore.svg`), shown above the Mermaid flowchart; nil when none.
    public var svgPath: String?

    public init(svgPath: String? = nil) {
      self.svgPath = svgPath
    }
  }

  /// Mermaid's defaults (its configuration schema): past 500 arrows or 50,000 characters of diagram text it draws
  /// an error instead of the diagram, so the page shows a note instead.
  public static let mermaidMaxEdges = 500
  public static let mermaidMaxTextSize = 50_000

  public var options: Options

  public init(options: Options = Options()) {
    self.options = options
  }

  public func emit(
    _ stream: ValueStream, diagnostics: [Diagnostic] = [], file: SourceFile? = nil, catalogue: PracticeCatalogue = .itil
  ) -> String {
    let settings = stream.settings
    func duration(_ value: Duration?, _ kind: DurationKind = .elapsed) -> String {
      value.map { $0.readable(settings, as: kind) } ?? "–"
    }
    var out = "# \(MarkdownEscaping.text(stream.title))\n\n"
    if let description = stream.metadata.description {
      out += MarkdownEscaping.text(description.trimmingCharacters(in: .whitespacesAndNewlines)) + "\n\n"
    }

    out += "| | |\n| --- | --- |\n"
    out += "| Stream | `\(stream.id)` |\n"
    let meta = stream.metadata
    for (name, value) in [
      ("Owner", meta.owner), ("Status", meta.status?.rawValue), ("Version", meta.version), ("Consumer", meta.consumer),
    ] {
      if let value = value { out += "| \(name) | \(MarkdownEscaping.text(value)) |\n" }
    }
    if !meta.tags.isEmpty { out += "| Tags | \(meta.tags.map(MarkdownEscaping.text).joined(separator: ", ")) |\n" }
    // A repository may hold streams of both frameworks: say which one this stream's activities are.
    out += "| Framework | \(stream.framework.name) |\n"
    out +=
      "| Demand | \(MarkdownEscaping.text(stream.demand.title))\(stream.demand.from.map { " (from \(MarkdownEscaping.text($0)))" } ?? "") |\n"
    out += "| Value | \(stream.values.map { MarkdownEscaping.text($0.title) }.joined(separator: "; ")) |\n\n"
    out += handOverSection(stream)

    out += "## Flow\n\n"
    if let svg = options.svgPath {
      out +=
        "[![Diagram of \(MarkdownEscaping.text(stream.title))](\(MarkdownEscaping.link(svg)))](\(MarkdownEscaping.link(svg)))\n\n"
    }
    let diagram = mermaid(stream, catalogue: catalogue)
    let edges = stream.edges.count
    if edges > Self.mermaidMaxEdges || diagram.utf8.count > Self.mermaidMaxTextSize {
      out +=
        "The flow is too large for a Mermaid diagram (\(edges) arrows, \(diagram.utf8.count) characters; Mermaid "
        + "draws at most \(Self.mermaidMaxEdges) arrows and \(Self.mermaidMaxTextSize) characters by default)"
      out +=
        options.svgPath.map { ": see [the SVG diagram](\(MarkdownEscaping.link($0))).\n\n" }
        ?? ": build it with `--format svg` for a diagram.\n\n"
    } else if options.svgPath != nil {
      out +=
        "<details><summary>The same flow as a Mermaid diagram</summary>\n\n```mermaid\n" + diagram
        + "```\n\n</details>\n\n"
    } else {
      out += "```mermaid\n" + diagram + "```\n\n"
    }

    out +=
      "## Steps\n\n| # | Step | Activity | Roles | Practices | Process time | Wait | %C/A |\n| ---: | --- | --- | --- | --- | ---: | ---: | ---: |\n"
    for (index, step) in stream.steps.enumerated() {
      let practices = step.practices.map { MarkdownEscaping.text(catalogue.practice(id: $0)?.name ?? $0) }.joined(
        separator: ", ")
      out +=
        "| \(index + 1) | \(MarkdownEscaping.text(step.title))\(runsLink(step)) | \(MarkdownEscaping.text(step.activity.name)) | "
        + "\(step.roles.map(MarkdownEscaping.text).joined(separator: ", ")) | \(practices) | "
        + "\(duration(step.processTime, .effort)) | \(duration(step.waitTime)) | \(step.completeAccurate?.formatted ?? "–") |\n"
    }
    var notes: [(String, String)] = []
    if let note = stream.demand.note { notes.append(("Demand: " + stream.demand.title, note)) }
    for (index, step) in stream.steps.enumerated() {
      if let note = step.note { notes.append(("\(index + 1). " + step.title, note)) }
    }
    for value in stream.values {
      if let note = value.note { notes.append(("Value: " + value.title, note)) }
    }
    if !notes.isEmpty {
      out += "\n### Notes\n\n"
      for (title, note) in notes {
        let text = note.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(
          separator: " ")
        out += "- **\(MarkdownEscaping.text(title))**: \(MarkdownEscaping.text(text))\n"
      }
    }

    let main = stream.metrics.mainPath
    let worst = stream.metrics.worstCasePath
    // The worst case gets its own column only when it differs from the main path: otherwise it repeats it. So does
    // the expected column (rework and alternatives weighed), when its lead time differs from the main path's.
    let paths = main == worst ? [main] : [main, worst]
    let expected = stream.metrics.expected.flatMap { flow in
      Int64(flow.leadTime.rounded()) == main.leadTime.seconds ? nil : flow
    }
    func row(_ name: String, _ value: (PathMetrics) -> String, expected mean: ((ExpectedFlow) -> String)? = nil)
      -> String
    {
      let cells = paths.map(value) + (expected.map { [mean?($0) ?? "–"] } ?? [])
      return "| \(name) | " + cells.joined(separator: " | ") + " |\n"
    }
    func meanDuration(_ seconds: Double) -> String { duration(Duration(seconds: Int64(seconds.rounded()))) }
    let headings = ["Main path", "Worst case"].prefix(paths.count) + (expected == nil ? [] : ["Expected"])
    out +=
      "\n## Flow metrics\n\n| | " + headings.joined(separator: " | ") + " |\n| --- |"
      + String(repeating: " ---: |", count: headings.count) + "\n"
    out += row("Lead time", { duration($0.leadTime) }, expected: { meanDuration($0.leadTime) })
    out += row("Process time", { duration($0.processTime, .effort) }, expected: { meanDuration($0.processTime) })
    out += row("Wait time", { duration($0.waitTime) }, expected: { meanDuration($0.leadTime - $0.processTime) })
    // Planned waits (booked, not queueing) apart, only where a stream has them.
    if paths.contains(where: { $0.plannedWaitTime > .zero }) {
      out += row("of it queueing", { duration($0.queueingWaitTime) })
      out += row("of it planned", { duration($0.plannedWaitTime) })
    }
    // Parallel work: the time it takes runs along the critical branch; the work is every branch's.
    if paths.contains(where: { $0.totalEffort != $0.processTime }) {
      out += row(
        "Total effort (every branch)", { duration($0.totalEffort) }, expected: { meanDuration($0.totalEffort) })
    }
    out += row("Flow efficiency", { percentText($0.flowEfficiency) }, expected: { percentText($0.flowEfficiency) })
    out += row(
      "Rolled %C/A (first-pass yield)", { percentText($0.rolledCompleteAccurate) },
      expected: { percentText($0.firstPassYield) })
    out += row("Longest wait", { stream.longestWaitTitles($0).map(MarkdownEscaping.text) ?? "–" })
    out += row("Steps on the path", { String($0.nodes.count - 2) })
    if expected != nil {
      out +=
        "\nExpected: the mean per item, with rework done as often as it happens on average and each alternative "
        + "taken by its share.\n"
    }
    if !stream.metrics.isComplete {
      out += "\nSome steps have no `time` or `wait`; they count as zero, so these totals are understated.\n"
    }
    let after = stream.metrics.stepsAfterValue
    if !after.isEmpty {
      out +=
        "\nAfter the value, outside the lead time: "
        + after.map { MarkdownEscaping.text(stream.steps[$0].title) }.joined(separator: ", ")
        + " (process time \(duration(stream.afterValueProcessTime))).\n"
    }
    if stream.values.count > 1, stream.metrics.valuePaths.count == stream.values.count {
      out += "\n| Value | Lead time (worst case) |\n| --- | ---: |\n"
      for (index, path) in stream.metrics.valuePaths.enumerated() {
        out += "| \(MarkdownEscaping.text(stream.values[index].title)) | \(duration(path.leadTime)) |\n"
      }
    }
    out += TargetStanding.section(stream)
    out += DistributionSection.text(stream)

    out +=
      "\n## Time by activity (main path)\n\n| Activity | Steps | Process time | Wait |\n| --- | ---: | ---: | ---: |\n"
    for time in stream.metrics.activityBreakdown where time.steps > 0 {
      out +=
        "| \(MarkdownEscaping.text(time.activity.name)) | \(time.steps) | \(duration(time.processTime, .effort)) | \(duration(time.waitTime)) |\n"
    }

    let matrix = stream.metrics.practiceMatrix
    out += "\n## Practice contribution\n\nSteps each practice supports, by \(stream.framework.activityKind).\n\n"
    // Only the activities the stream uses: a column of empty cells says nothing.
    let activities = stream.framework.activities
    let columns = activities.indices.filter { column in matrix.activityCounts.contains { $0[column] > 0 } }
    out +=
      "| Practice | " + columns.map { MarkdownEscaping.text(activities[$0].name) }.joined(separator: " | ")
      + " |\n"
    out += "| --- |" + String(repeating: " ---: |", count: columns.count) + "\n"
    for (row, practice) in matrix.practices.enumerated() {
      out +=
        "| \(MarkdownEscaping.text(catalogue.practice(id: practice)?.name ?? practice)) | "
        + columns.map { matrix.activityCounts[row][$0] }.map { $0 == 0 ? "" : String($0) }.joined(separator: " | ")
        + " |\n"
    }

    let findings = diagnostics.filter { !$0.isSuppressed && $0.severity != .error }
    if !findings.isEmpty {
      out += "\n## Findings\n\n"
      for finding in findings {
        let line = file.map { ":\($0.location(of: finding.range.start).line)" } ?? ""
        out += "- **\(finding.severity.rawValue)** \(finding.code)\(line): \(MarkdownEscaping.text(finding.message))\n"
      }
    }
    return out
  }

  /// A Mermaid flowchart: left to right while the stream fits one row, top to bottom beyond (a long row shrinks
  /// its text on a page); the demand as a stadium, steps as boxes coloured by activity with their times, %C/A and
  /// practices, values as subroutine shapes; the main path thick, rework dotted (`FlowShape`).
  func mermaid(_ stream: ValueStream, catalogue: PracticeCatalogue = .itil) -> String {
    let shape = FlowShape(stream)
    let direction = DOTEmitter.Options.automaticLayout(for: stream) == .lr ? "LR" : "TB"
    var out = "flowchart \(direction)\n"
    out += "  demand([\"\(MarkdownEscaping.mermaid(stream.demand.title))\"])\n"
    for index in shape.stepOrder {
      let step = stream.steps[index]
      var details = [step.activity.name]
      if let time = step.processTime { details.append("PT \(time.readable(stream.settings, as: .effort))") }
      if let wait = step.waitTime { details.append("WT \(wait.readable(stream.settings))") }
      if let ca = step.completeAccurate { details.append("%C/A \(ca.formatted)") }
      var label =
        MarkdownEscaping.mermaid(step.title) + "<br/><small>"
        + details.map(MarkdownEscaping.mermaid).joined(separator: " · ") + "</small>"
      if !step.practices.isEmpty {
        let names = step.practices.map { catalogue.practice(id: $0)?.name ?? $0 }
        label += "<br/><small>" + MarkdownEscaping.mermaid(names.joined(separator: ", ")) + "</small>"
      }
      out += "  \(id(.step(index), shape))[\"\(label)\"]\n"
    }
    for index in shape.valueOrder {
      let value = stream.values[index]
      out += "  \(id(.value(index), shape))[[\"\(MarkdownEscaping.mermaid(value.title))\"]]\n"
    }
    for index in shape.edgeOrder {
      let edge = stream.edges[index]
      let arrow: String
      switch shape.kinds[index] {
      case .main: arrow = "==>"
      case .forward: arrow = "-->"
      case .rework: arrow = "-.->"
      // After the value: a line ending in a circle, outside every lead time.
      case .afterValue: arrow = "--o"
      }
      let label = shape.label(stream, index).map { "|\"\(MarkdownEscaping.mermaid($0))\"|" } ?? ""
      out += "  \(id(edge.from, shape)) \(arrow)\(label) \(id(edge.to, shape))\n"
    }
    for activity in Activity.allCases {
      let members = shape.stepOrder.filter { stream.steps[$0].activity == activity }
      guard !members.isEmpty else { continue }
      let className = activity.id.replacingDashes()
      out +=
        "  classDef \(className) fill:\(Palette.tint(activity)),stroke:\(Palette.stroke(activity, dark: false)),color:#000\n"
      out += "  class \(members.map { id(.step($0), shape) }.joined(separator: ",")) \(className)\n"
    }
    // Steps after the value: a dashed border besides their activity's colour.
    let after = shape.stepOrder.filter { shape.isAfterValue[$0] }
    if !after.isEmpty {
      out += "  classDef after_value stroke-dasharray:5 5\n"
      out += "  class \(after.map { id(.step($0), shape) }.joined(separator: ",")) after_value\n"
    }
    return out
  }

  /// A node's name in the Mermaid text, numbered by its place in the drawing (see ``FlowShape/drawnNumber(_:)``).
  func id(_ ref: NodeRef, _ shape: FlowShape) -> String {
    switch ref {
    case .demand: return "demand"
    case .step: return "step\(shape.drawnNumber(ref)!)"
    case .value: return "value\(shape.drawnNumber(ref)!)"
    }
  }
}

extension String {
  fileprivate func replacingDashes() -> String { String(map { $0 == "-" ? "_" : $0 }) }
}
