import VStreamModel
import VStreamSource

/// The outputs of `vstream diff`: for a terminal, for a pull-request comment or job summary, and for tools. Pure
/// printers over a `DiffReport`; the same report gives the same bytes.
public enum DiffRenderer {
  /// The hidden marker that starts the Markdown, by which a CI job finds its pull-request comment to update it.
  public static let marker = "<!-- vstream-diff -->"

  // MARK: Human

  /// For a terminal: each stream that changed, with its figures, node and arrow changes; then a summary line.
  /// `colors` marks worse figures red and better ones green (the caller applies `check`'s colour rules).
  public static func human(_ report: DiffReport, gate: [GateFailure] = [], colors: Bool = false) -> String {
    let paint = { (code: String, text: String) in colors ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
    var out = ""
    for stream in report.noteworthy {
      let settings = DiffText.settings(stream)
      out += paint("1", stream.id) + (stream.title.isEmpty || stream.title == stream.id ? "" : "  \(stream.title)")
      out += "  (\(DiffText.status(stream)))\n"
      if stream.moved, let base = stream.base, let head = stream.head { out += "  file: \(base.path) → \(head.path)\n" }
      if stream.idChanged, let base = stream.base, let head = stream.head {
        out += "  stream id: \(base.id ?? "–") → \(head.id ?? "–")\n"
      }
      for (name, side) in [("base", stream.base), ("head", stream.head)] {
        guard let side, !side.errors.isEmpty else { continue }
        out +=
          "  " + paint("31", "\(side.errors.count) error\(side.errors.count == 1 ? "" : "s")")
          + " on the \(name) side:\n"
        for error in side.errors.prefix(5) {
          out += "    \(side.path):\(error.line):\(error.column): \(error.message) [\(error.code)]\n"
        }
        if side.errors.count > 5 { out += "    … and \(side.errors.count - 5) more (vstream check)\n" }
      }
      if let title = stream.titleChange { out += "  title: \(title.before ?? "") → \(title.after ?? "")\n" }
      if let target = stream.targetChange {
        out += "  target lead time: \(target.before ?? "none") → \(target.after ?? "none")\n"
      }
      if stream.status != .unchanged {
        let figures = DiffText.shownFigures(stream).filter { $0.before != nil || $0.after != nil }
        let header = ["figure", DiffText.sideName(report.baseName), DiffText.sideName(report.headName), "change", ""]
        let rows =
          [header]
          + figures.map { change -> [String] in
            [
              "\(change.figure.label) (\(change.path.label))",
              DiffText.value(change.before, of: change.figure, settings: settings),
              DiffText.value(change.after, of: change.figure, settings: settings),
              DiffText.delta(change, settings: settings),
              change.direction == .better || change.direction == .worse ? change.direction.rawValue : "",
            ]
          }
        if !rows.isEmpty {
          let widths = (0..<4).map { column in rows.map { $0[column].count }.max() ?? 0 }
          for (index, row) in rows.enumerated() {
            var line =
              "  "
              + (0..<4).map { row[$0] + String(repeating: " ", count: widths[$0] - row[$0].count) }
              .joined(separator: "  ")
            if index > 0 && !row[4].isEmpty {
              line += "  " + paint(figures[index - 1].direction == .worse ? "31" : "32", row[4])
            }
            while line.hasSuffix(" ") { line.removeLast() }
            out += line + "\n"
          }
        }
      }
      if let wait = stream.longestWait { out += "  longest wait: \(wait.before ?? "none") → \(wait.after ?? "none")\n" }
      if let complete = stream.completeness {
        out += "  every step timed: \(complete.before ? "yes" : "no") → \(complete.after ? "yes" : "no")\n"
      }
      for node in stream.nodes {
        let sign = node.change == .added ? "+" : node.change == .removed ? "-" : "~"
        let kind = node.kind == .step ? "" : "\(node.kind.rawValue) "
        var line = "  \(sign) \(kind)\(node.id)"
        if node.change == .changed {
          line += ": " + DiffText.nodeDetails(node)
        } else if node.title != node.id {
          line += " \"\(node.title)\""
        }
        out += (node.change == .added ? paint("32", line) : node.change == .removed ? paint("31", line) : line) + "\n"
      }
      for arrow in stream.arrowsAdded { out += paint("32", "  + arrow \(DiffText.arrow(arrow))") + "\n" }
      for arrow in stream.arrowsRemoved { out += paint("31", "  - arrow \(DiffText.arrow(arrow))") + "\n" }
      if !stream.contributors.isEmpty {
        out += "  most of the change: "
        out +=
          stream.contributors.map { "\($0.stepID) \(DiffText.signedDuration($0.delta, settings: settings))" }
          .joined(separator: ", ") + "\n"
      }
      out += "\n"
    }
    for failure in gate { out += paint("31", "gate: " + gateLine(failure)) + "\n" }
    out += DiffText.summary(report) + "\n"
    return out
  }

  /// One tripped threshold in words.
  static func gateLine(_ failure: GateFailure) -> String {
    let change = failure.change
    let settings = DurationSettings.calendar
    return "\(failure.streamID): \(change.figure.label) (\(change.path.label)) "
      + "\(DiffText.value(change.before, of: change.figure, settings: settings)) → "
      + "\(DiffText.value(change.after, of: change.figure, settings: settings)), past --fail-on \(failure.threshold.text)"
  }
}
