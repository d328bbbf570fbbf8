import VStreamModel

/// How figures and their changes read, shared by the human and Markdown renderers.
enum DiffText {
  /// A figure's value: a duration in the stream's units, or a ratio as a percentage; "–" for none.
  static func value(_ value: Double?, of figure: FigureChange.Figure, settings: DurationSettings) -> String {
    guard let value else { return "–" }
    return figure.isDuration
      ? Duration(seconds: Int64(value)).readable(settings, as: kind(of: figure)) : percentText(value)
  }

  /// The change: `+2h (+2.6%)` for a duration, `+3.5 pt` for a ratio; "" when one side is missing.
  static func delta(_ change: FigureChange, settings: DurationSettings) -> String {
    guard let delta = change.delta else { return "" }
    if delta == 0 { return "±0" }
    if change.figure.isDuration {
      let seconds = Int64(delta)
      let text = (seconds > 0 ? "+" : "") + Duration(seconds: seconds).readable(settings, as: kind(of: change.figure))
      guard let relative = change.relative else { return text }
      return "\(text) (\(signedPercent(relative)))"
    }
    let tenths = (delta * 1000).rounded()
    let points = tenths.truncatingRemainder(dividingBy: 10) == 0 ? "\(Int(tenths / 10))" : "\(tenths / 10)"
    return (tenths > 0 ? "+" : tenths == 0 ? "±" : "") + points + " pt"
  }

  /// `+2.6%`, `-50%`, one decimal shown when not zero.
  static func signedPercent(_ fraction: Double) -> String {
    let tenths = (fraction * 1000).rounded()
    let text = tenths.truncatingRemainder(dividingBy: 10) == 0 ? "\(Int(tenths / 10))%" : "\(tenths / 10)%"
    return (tenths > 0 ? "+" : tenths == 0 ? "±" : "") + text
  }

  /// A signed change of lead time: `+20 h`, `-2 h`.
  static func signedDuration(_ seconds: Int64, settings: DurationSettings) -> String {
    (seconds > 0 ? "+" : "") + Duration(seconds: seconds).readable(settings)
  }

  /// Process time is effort, read in working days; the other durations are elapsed.
  static func kind(of figure: FigureChange.Figure) -> DurationKind {
    figure == .processTime ? .effort : .elapsed
  }

  /// The figures shown for a stream: all five along the main path, and those of the worst case and of the expected
  /// (mean) item that moved, unless they read the same as the main path's (a flow without branches or rework has
  /// one path: a second row would repeat it).
  static func shownFigures(_ stream: StreamDiff) -> [FigureChange] {
    stream.figures.filter { change in
      guard change.path != .main else { return true }
      let main = stream.figures.first { $0.path == .main && $0.figure == change.figure }
      return change.before != change.after && (change.before != main?.before || change.after != main?.after)
    }
  }

  /// A node's change in one line, without colour: `wait 4h → 1d; moved (after: a → b)`.
  static func nodeDetails(_ node: NodeChange) -> String {
    var parts = node.fields.map { "\($0.name) \($0.before ?? "–") → \($0.after ?? "–")" }
    if let predecessors = node.predecessors {
      parts.append("after \(list(predecessors.before)) → \(list(predecessors.after))")
    }
    if let successors = node.successors {
      parts.append("before \(list(successors.before)) → \(list(successors.after))")
    }
    return parts.joined(separator: "; ")
  }

  static func list(_ ids: [String]) -> String { ids.isEmpty ? "nothing" : ids.joined(separator: ", ") }

  static func arrow(_ arrow: ArrowChange) -> String {
    "\(arrow.from) → \(arrow.to)" + (arrow.label.map { " \"\($0)\"" } ?? "")
  }

  /// The status in words.
  static func status(_ stream: StreamDiff) -> String {
    switch stream.status {
    case .added: return "added"
    case .removed: return "removed"
    case .changed: return "changed"
    case .unchanged: return "no change in meaning"
    case .incomparable: return "has errors"
    }
  }

  /// The closing line: how many streams and what became of them.
  static func summary(_ report: DiffReport) -> String {
    let count = { (status: StreamDiff.Status) in report.streams.filter { $0.status == status }.count }
    let total = report.streams.count
    let noteworthy = report.noteworthy.count
    if noteworthy == 0 {
      return "no change in meaning (\(total) stream\(total == 1 ? "" : "s") compared)"
    }
    var parts = ["\(count(.changed)) changed", "\(count(.added)) added", "\(count(.removed)) removed"]
    let errors = count(.incomparable)
    if errors > 0 { parts.append("\(errors) with errors") }
    let moved = report.streams.filter { $0.moved || $0.idChanged }.count
    if moved > 0 { parts.append("\(moved) moved or renamed") }
    parts.append("\(count(.unchanged)) with no change in meaning")
    return "\(total) stream\(total == 1 ? "" : "s") compared: " + parts.joined(separator: ", ")
  }

  /// A side's name for people: a full commit id (40 or 64 hex digits, as CI passes them) shortened to 12 digits.
  static func sideName(_ name: String) -> String {
    let isHex = name.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    return isHex && (name.utf8.count == 40 || name.utf8.count == 64) ? String(name.prefix(12)) : name
  }

  /// The settings a stream's durations print with: the head's, or the base's for a removed stream.
  static func settings(_ stream: StreamDiff) -> DurationSettings {
    stream.head?.settings ?? stream.base?.settings ?? .calendar
  }
}
