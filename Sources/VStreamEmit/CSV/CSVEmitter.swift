import VStreamModel

/// Renders a stream's steps as CSV (RFC 4180: a header row, CRLF line ends, quoted fields where needed) for
/// spreadsheets: one row a step, in flow order (`FlowShape`), the figures as plain numbers (seconds, fractions of
/// one) so that a spreadsheet can sum and chart them without parsing `1h30m` or `90%`. An empty cell means "not
/// written", never zero.
public struct CSVEmitter: Sendable {
  public init() {}

  /// The columns, in order.
  public static let header = [
    "stream", "step", "title", "activity", "practices", "roles", "process_time_seconds", "wait_time_seconds",
    "lead_time_seconds", "complete_accurate", "on_main_path", "expected_visits", "next", "hands_over_to",
    "runs",
  ]

  public func emit(_ stream: ValueStream) -> String {
    let shape = FlowShape(stream)
    let onMain = Set(stream.metrics.mainPath.nodes.compactMap(\.stepIndex))
    var lines = [Self.header.joined(separator: ",")]
    for index in shape.stepOrder {
      let step = stream.steps[index]
      let written = step.processTime != nil || step.waitTime != nil
      let cells: [String] = [
        CSVEscaping.field(stream.id), CSVEscaping.field(step.id), CSVEscaping.field(step.title), step.activity.id,
        CSVEscaping.field(step.practices.joined(separator: ";")), CSVEscaping.field(step.roles.joined(separator: ";")),
        step.processTime.map { String($0.seconds) } ?? "", step.waitTime.map { String($0.seconds) } ?? "",
        written ? String(step.leadTime.seconds) : "", step.completeAccurate.map(PlainNumber.fraction) ?? "",
        onMain.contains(index) ? "true" : "false",
        stream.metrics.expected.flatMap { PlainNumber.fraction($0.visits[index]) } ?? "",
        CSVEscaping.field(stream.successors(of: .step(index)).map { stream.id(of: $0) }.joined(separator: ";")),
        CSVEscaping.field(step.handsOverTo?.stream ?? ""), CSVEscaping.field(step.runs?.stream ?? ""),
      ]
      lines.append(cells.joined(separator: ","))
    }
    return lines.joined(separator: "\r\n") + "\r\n"
  }
}
