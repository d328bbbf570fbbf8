import Foundation
import VStreamModel
import VStreamSource

/// Renders a checked stream as a Markdown page that reads well on GitHub and in static-site generators: metadata,
/// a Mermaid flowchart (GitHub draws it in place), the steps, the flow metrics, time by activity, the practice
/// contribution matrix, and any warnings.
public struct MarkdownEmitter: Sendable {
  public init() {}

  public func emit(_ stream: ValueStream, diagnostics: [Diagnostic] = [], file: SourceFile? = nil, catalogue: PracticeCatalogue = .itil) -> String {
    let settings = stream.settings
    func duration(_ value: Duration?) -> String { value.map { $0.formatted(settings) } ?? "–" }
    var out = "# \(MarkdownEscaping.text(stream.title))\n\n"
    if let description = stream.metadata.description {
      out += MarkdownEscaping.text(description.trimmingCharacters(in: .whitespacesAndNewlines)) + "\n\n"
    }

    out += "| | |\n| --- | --- |\n"
    out += "| Stream | `\(stream.id)` |\n"
    let meta = stream.metadata
    for (name, value) in [("Owner", meta.owner), ("Status", meta.status?.rawValue), ("Version", meta.version), ("Consumer", meta.consumer)] {
      if let value = value { out += "| \(name) | \(MarkdownEscaping.text(value)) |\n" }
    }
    if !meta.tags.isEmpty { out += "| Tags | \(meta.tags.map(MarkdownEscaping.text).joined(separator: ", ")) |\n" }
    out += "| Demand | \(MarkdownEscaping.text(stream.demand.title))\(stream.demand.from.map { " (from \(MarkdownEscaping.text($0)))" } ?? "") |\n"
    out += "| Value | \(stream.values.map { MarkdownEscaping.text($0.title) }.joined(separator: "; ")) |\n\n"

    out += "## Flow\n\n```mermaid\n" + mermaid(stream) + "```\n\n"

    out += "## Steps\n\n| # | Step | Activity | Practices | Process time | Wait | %C/A |\n| ---: | --- | --- | --- | ---: | ---: | ---: |\n"
    for (index, step) in stream.steps.enumerated() {
      let practices = step.practices.map { MarkdownEscaping.text(catalogue.practice(id: $0)?.name ?? $0) }.joined(separator: ", ")
      out += "| \(index + 1) | \(MarkdownEscaping.text(step.title)) | \(MarkdownEscaping.text(step.activity.name)) | \(practices) | "
        + "\(duration(step.processTime)) | \(duration(step.waitTime)) | \(step.completeAccurate?.formatted ?? "–") |\n"
    }

    let main = stream.metrics.mainPath
    let worst = stream.metrics.worstCasePath
    out += "\n## Flow metrics\n\n| | Main path | Worst case |\n| --- | ---: | ---: |\n"
    out += "| Lead time | \(duration(main.leadTime)) | \(duration(worst.leadTime)) |\n"
    out += "| Process time | \(duration(main.processTime)) | \(duration(worst.processTime)) |\n"
    out += "| Wait time | \(duration(main.waitTime)) | \(duration(worst.waitTime)) |\n"
    out += "| Flow efficiency | \(percentText(main.flowEfficiency)) | \(percentText(worst.flowEfficiency)) |\n"
    out += "| Rolled %C/A | \(percentText(main.rolledCompleteAccurate)) | \(percentText(worst.rolledCompleteAccurate)) |\n"
    out += "| Bottleneck (longest wait) | \(main.bottleneck.map { MarkdownEscaping.text(stream.steps[$0].title) } ?? "–") | "
      + "\(worst.bottleneck.map { MarkdownEscaping.text(stream.steps[$0].title) } ?? "–") |\n"
    out += "| Steps on the path | \(main.nodes.count - 2) | \(worst.nodes.count - 2) |\n"
    if !stream.metrics.isComplete { out += "\nSome steps have no `time` or `wait`; they count as zero, so these totals are understated.\n" }

    out += "\n## Time by activity (main path)\n\n| Activity | Steps | Process time | Wait |\n| --- | ---: | ---: | ---: |\n"
    for time in stream.metrics.activityBreakdown {
      out += "| \(MarkdownEscaping.text(time.activity.name)) | \(time.steps) | \(duration(time.processTime)) | \(duration(time.waitTime)) |\n"
    }

    let matrix = stream.metrics.practiceMatrix
    out += "\n## Practice contribution\n\nSteps each practice supports, by value chain activity.\n\n"
    out += "| Practice | " + Activity.allCases.map { MarkdownEscaping.text($0.name) }.joined(separator: " | ") + " |\n"
    out += "| --- |" + String(repeating: " ---: |", count: Activity.allCases.count) + "\n"
    for (row, practice) in matrix.practices.enumerated() {
      out += "| \(MarkdownEscaping.text(catalogue.practice(id: practice)?.name ?? practice)) | "
        + matrix.activityCounts[row].map { $0 == 0 ? "" : String($0) }.joined(separator: " | ") + " |\n"
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

  /// A left-to-right Mermaid flowchart: the demand as a stadium, steps as boxes coloured by activity, values as
  /// subroutine shapes; rework arrows dotted.
  func mermaid(_ stream: ValueStream) -> String {
    var out = "flowchart LR\n"
    out += "  demand([\"\(MarkdownEscaping.mermaid(stream.demand.title))\"])\n"
    for (index, step) in stream.steps.enumerated() {
      out += "  step\(index)[\"\(MarkdownEscaping.mermaid(step.title))<br/><small>\(MarkdownEscaping.mermaid(step.activity.name))</small>\"]\n"
    }
    for (index, value) in stream.values.enumerated() {
      out += "  value\(index)[[\"\(MarkdownEscaping.mermaid(value.title))\"]]\n"
    }
    for edge in stream.edges {
      let rework: Bool = {
        if case .step(let from) = edge.from, case .step(let to) = edge.to { return to <= from }
        return false
      }()
      let arrow = rework ? "-.->" : "-->"
      let label = edge.label.map { "|\"\(MarkdownEscaping.mermaid($0))\"|" } ?? ""
      out += "  \(id(edge.from)) \(arrow)\(label) \(id(edge.to))\n"
    }
    for activity in Activity.allCases {
      let members = stream.steps.indices.filter { stream.steps[$0].activity == activity }
      guard !members.isEmpty else { continue }
      let className = activity.id.replacingDashes()
      out += "  classDef \(className) fill:\(Palette.tint(activity)),stroke:\(Palette.color(activity)),color:#000\n"
      out += "  class \(members.map { "step\($0)" }.joined(separator: ",")) \(className)\n"
    }
    return out
  }

  func id(_ ref: NodeRef) -> String {
    switch ref {
    case .demand: return "demand"
    case .step(let index): return "step\(index)"
    case .value(let index): return "value\(index)"
    }
  }
}

extension String {
  fileprivate func replacingDashes() -> String { String(map { $0 == "-" ? "_" : $0 }) }
}
