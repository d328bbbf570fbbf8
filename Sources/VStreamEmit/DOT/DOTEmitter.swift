import Foundation
import VStreamModel

/// Renders a checked stream as a Graphviz digraph of cards: the demand as an entry arrow shape, steps as rounded
/// cards (an activity pill, title, roles, practices, metrics), values as double-bordered exits, the main path bold,
/// rework dashed, and a legend of what this stream uses.
///
/// Layouts (`Options.Layout`): `lr` is one row, `tb` one column, `wrap` rows of `wrapColumns` cards read left to
/// right then down, so that a long stream stays as wide as a page. Lanes are horizontal bands, one per activity or
/// per role, in the order the flow first reaches them, each titled once at its left.
public struct DOTEmitter: Sendable {
  public struct Options: Sendable {
    public enum Theme: String, CaseIterable, Sendable { case light, dark }
    public enum Layout: String, CaseIterable, Sendable { case lr, tb, wrap }
    public enum Lanes: String, CaseIterable, Sendable { case off, activity, role }

    public var lanes: Lanes
    /// Nil: chosen by size (`Options.automaticLayout`).
    public var layout: Layout?
    public var showPractices: Bool
    public var showMetrics: Bool
    public var legend: Bool
    public var theme: Theme
    /// Nodes and arrows to mark as added, removed or changed (one side of a before/after picture).
    public var marks: DiagramMarks

    public init(
      lanes: Lanes = .off, layout: Layout? = nil, showPractices: Bool = true, showMetrics: Bool = true,
      legend: Bool = true, theme: Theme = .light, marks: DiagramMarks = DiagramMarks()
    ) {
      self.marks = marks
      self.lanes = lanes
      self.layout = layout
      self.showPractices = showPractices
      self.showMetrics = showMetrics
      self.legend = legend
      self.theme = theme
    }

    /// The earlier form, kept for callers that only know activity lanes: `lanes: true` is `.activity`.
    public init(
      lanes: Bool, layout: Layout? = nil, showPractices: Bool = true, showMetrics: Bool = true, legend: Bool = true,
      theme: Theme = .light
    ) {
      self.init(
        lanes: lanes ? .activity : .off, layout: layout, showPractices: showPractices, showMetrics: showMetrics,
        legend: legend, theme: theme)
    }

    /// Cards in one row of the `wrap` layout. Cards are at most about 190 pt wide (titles wrap at
    /// `titleWidth` characters), so four with their gaps stay under 1,000 pt: at 1,000 px a 10 pt text is 10 px.
    public static let wrapColumns = 4

    /// A stream whose demand, steps and values fit one row of `wrapColumns` cards is drawn left to right; a longer
    /// one wraps. Measured by `LayoutFitTests`: a 10-step stream is under 1,000 pt wide.
    public static func automaticLayout(for stream: ValueStream) -> Layout {
      1 + stream.steps.count + stream.values.count <= wrapColumns ? .lr : .wrap
    }
  }

  /// Characters per line of a card's title, and of its smaller text.
  static let titleWidth = 22
  static let textWidth = 30

  public var options: Options

  public init(options: Options = Options()) {
    self.options = options
  }

  /// The layout actually used. Lanes are rows with the flow left to right (`lr`), or columns with the flow top to
  /// bottom (`tb`, which `wrap` means with lanes); by size, columns when there are fewer lanes than steps, since the
  /// picture is then as wide as its lanes rather than as long as its flow.
  public func layout(for stream: ValueStream) -> Options.Layout {
    guard options.lanes != .off else { return options.layout ?? Options.automaticLayout(for: stream) }
    switch options.layout {
    case .lr?: return .lr
    case .tb?, .wrap?: return .tb
    case nil: return laneKeys(stream).count < stream.steps.count ? .tb : .lr
    }
  }

  /// The distinct lanes of the stream's steps.
  func laneKeys(_ stream: ValueStream) -> Set<String> { Set(stream.steps.map(laneKey)) }

  public func emit(_ stream: ValueStream, catalogue: PracticeCatalogue = .itil) -> String {
    let theme = options.theme == .dark ? Palette.Theme.dark : Palette.Theme.light
    let shape = FlowShape(stream)
    let layout = layout(for: stream)
    var out = "digraph \(DOTEscaping.quoted(stream.id)) {\n"
    let subtitle = [
      stream.metadata.owner.map { "owner: \($0)" }, stream.metadata.status.map { "status: \($0.rawValue)" },
    ]
    .compactMap { $0 }.joined(separator: " · ")
    out +=
      "  graph [rankdir=\(layout == .lr ? "LR" : "TB"), newrank=true, fontname=\"Helvetica\", fontsize=16, "
      + "labelloc=t, labeljust=l, nodesep=\(layout == .wrap ? "0.25" : "0.35"), ranksep=\(layout == .lr ? "0.5" : "0.45"), "
      + "bgcolor=\"\(theme.background)\", fontcolor=\"\(theme.foreground)\", tooltip=\(DOTEscaping.quoted(stream.title)), "
      + "label=<\(DOTEscaping.bold(stream.title))\(subtitle.isEmpty ? "" : "<BR/><FONT POINT-SIZE=\"11\">\(DOTEscaping.html(subtitle))</FONT>")>];\n"
    out += "  node [fontname=\"Helvetica\", fontsize=12, color=\"\(theme.line)\", fontcolor=\"\(theme.foreground)\"];\n"
    out +=
      "  edge [fontname=\"Helvetica\", fontsize=10, color=\"\(theme.line)\", fontcolor=\"\(theme.foreground)\"];\n\n"

    var demandTip = "Demand: \(stream.demand.title)"
    if let from = stream.demand.from { demandTip += "\nfrom \(from)" }
    if let note = stream.demand.note { demandTip += "\n\(note)" }
    out +=
      "  demand [shape=cds, \(cardStyle(stream.demand.id, "filled", theme: theme)), fillcolor=\"\(theme.card)\", "
      + "margin=\"0.3,0.14\", "
      + "tooltip=\(DOTEscaping.quoted(demandTip)), label=<\(badge(stream.demand.id, theme: theme))"
      + "<FONT POINT-SIZE=\"10\">DEMAND</FONT><BR/>"
      + "\(lines(stream.demand.title, width: Self.titleWidth, bold: true))"
      + "\(stream.demand.from.map { "<BR/><FONT POINT-SIZE=\"10\">from \(DOTEscaping.html($0))</FONT>" } ?? "")>];\n"

    switch options.lanes {
    case .off:
      for index in shape.stepOrder {
        out += stepNode(stream, index, shape: shape, catalogue: catalogue, theme: theme, indent: "  ")
      }
    case .activity, .role:
      out += laneClusters(stream, shape: shape, catalogue: catalogue, theme: theme)
    }
    for index in shape.valueOrder {
      let value = stream.values[index]
      var tip = "Value: \(value.title)"
      if let beneficiary = value.beneficiary { tip += "\nfor \(beneficiary)" }
      if let note = value.note { tip += "\n\(note)" }
      out +=
        "  \(nodeID(.value(index), shape)) [shape=box, \(cardStyle(value.id, "rounded,filled,bold", theme: theme)), "
        + "peripheries=2, fillcolor=\"\(theme.card)\", margin=\"0.2,0.1\", tooltip=\(DOTEscaping.quoted(tip)), "
        + "label=<\(badge(value.id, theme: theme))<FONT POINT-SIZE=\"10\">VALUE</FONT><BR/>"
        + "\(lines(value.title, width: Self.titleWidth, bold: true))"
        + "\(value.beneficiary.map { "<BR/><FONT POINT-SIZE=\"10\">for \(DOTEscaping.html($0))</FONT>" } ?? "")>];\n"
    }
    if layout == .wrap { out += wrapRows(stream, shape: shape) }
    out += "\n"
    for index in shape.edgeOrder {
      let edge = stream.edges[index]
      var attributes: [String] = []
      // Labels wrap like card text: a long one beside a long arrow would otherwise widen the whole picture.
      if let label = shape.label(stream, index) {
        attributes.append("label=\(DOTEscaping.quoted(TextWrap.lines(label, width: 20).joined(separator: "\n")))")
      }
      var tip = "\(stream.title(of: edge.from)) → \(stream.title(of: edge.to))"
      if let label = edge.label { tip += ": \(label)" }
      switch shape.kinds[index] {
      case .main: attributes.append("penwidth=2")
      case .forward: break
      // Rework arrows are dashed and do not pull their target forward.
      case .rework: attributes += ["style=dashed", "constraint=false"]
      // After the value: dotted, outside every lead time.
      case .afterValue: attributes.append("style=dotted")
      }
      // A branch of a fork starts with a diamond at the fork: every branch runs at once.
      if shape.isParallel[index] { attributes += ["dir=both", "arrowtail=odiamond"] }
      let ends = DiagramMarks.Arrow(from: stream.id(of: edge.from), to: stream.id(of: edge.to))
      if let mark = options.marks.arrows[ends] {
        attributes += ["penwidth=3", "color=\"\(Palette.mark(dark: theme.dark))\""]
        attributes.append("xlabel=\(DOTEscaping.quoted(mark.badge))")
        tip += " (\(mark.rawValue))"
      }
      attributes.append("tooltip=\(DOTEscaping.quoted(tip))")
      out += "  \(nodeID(edge.from, shape)) -> \(nodeID(edge.to, shape)) [\(attributes.joined(separator: ", "))];\n"
    }
    out += handOvers(stream, shape: shape, theme: theme)
    if options.legend { out += legend(stream, shape: shape, theme: theme, layout: layout) }
    out += "}\n"
    return out
  }

  /// A node's name in the DOT text, numbered by its place in the drawing (see ``FlowShape/drawnNumber(_:)``).
  func nodeID(_ ref: NodeRef, _ shape: FlowShape) -> String {
    switch ref {
    case .demand: return "demand"
    case .step: return "step_\(shape.drawnNumber(ref)!)"
    case .value: return "value_\(shape.drawnNumber(ref)!)"
    }
  }

  /// User text wrapped to `width` characters, escaped line by line, joined by `<BR/>`.
  func lines(_ text: String, width: Int, bold: Bool = false) -> String {
    let joined = TextWrap.lines(text, width: width).map(DOTEscaping.html).joined(separator: "<BR/>")
    if bold { return "<B>\(joined.isEmpty ? " " : joined)</B>" }
    return joined
  }

  /// The rows of the wrapped layout: the demand, the steps in flow order and the values, `wrapColumns` to a row.
  /// Invisible edges keep each row in reading order and the rows in sequence.
  func wrapRows(_ stream: ValueStream, shape: FlowShape) -> String {
    let sequence =
      ["demand"] + shape.stepOrder.indices.map { "step_\($0)" } + shape.valueOrder.indices.map { "value_\($0)" }
    var rows: [[String]] = []
    var start = 0
    while start < sequence.count {
      rows.append(Array(sequence[start..<min(start + Options.wrapColumns, sequence.count)]))
      start += Options.wrapColumns
    }
    var out = "\n"
    for row in rows {
      out += "  { rank=same; \(row.joined(separator: "; ")); }\n"
      if row.count > 1 { out += "  \(row.joined(separator: " -> ")) [style=invis];\n" }
    }
    if rows.count > 1 { out += "  \(rows.map { $0[0] }.joined(separator: " -> ")) [style=invis, weight=10];\n" }
    return out
  }

  /// The lane a step belongs to: its activity, or its first role ("no role" when it names none).
  func laneKey(_ step: Step) -> String {
    switch options.lanes {
    case .role: return step.roles.first ?? ""
    case .activity, .off: return step.activity.name
    }
  }

  /// One cluster per lane, in the order the flow first reaches it, each with its title as the first node; the titles
  /// share the first rank and are chained in order, which stacks the bands in that order.
  func laneClusters(_ stream: ValueStream, shape: FlowShape, catalogue: PracticeCatalogue, theme: Palette.Theme)
    -> String
  {
    var lanes: [(key: String, steps: [Int])] = []
    for index in shape.stepOrder {
      let key = laneKey(stream.steps[index])
      if let slot = lanes.firstIndex(where: { $0.key == key }) {
        lanes[slot].steps.append(index)
      } else {
        lanes.append((key, [index]))
      }
    }
    var out = ""
    for (number, lane) in lanes.enumerated() {
      let title = lane.key.isEmpty ? "(no role)" : lane.key
      var border = theme.line
      if options.lanes == .activity { border = Palette.stroke(stream.steps[lane.steps[0]].activity, dark: theme.dark) }
      out +=
        "  subgraph cluster_lane_\(number) {\n    label=\"\"; style=\"filled\"; fillcolor=\"\(theme.lane)\"; "
        + "color=\"\(border)\"; tooltip=\(DOTEscaping.quoted("Lane: \(title)"));\n"
      out +=
        "    lane_\(number) [shape=plain, tooltip=\(DOTEscaping.quoted("Lane: \(title)")), "
        + "label=<\(lines(title, width: 16, bold: true))>];\n"
      for index in lane.steps {
        out += stepNode(stream, index, shape: shape, catalogue: catalogue, theme: theme, indent: "    ")
      }
      out += "  }\n"
    }
    // Rows (left to right): the demand sits with the lane titles in the first column. Columns (top to bottom): the
    // titles make the top row, and the demand goes above the first step, so that it adds no column of its own.
    let demand = layout(for: stream) == .lr ? "demand; " : ""
    out += "  { rank=same; \(demand)\(lanes.indices.map { "lane_\($0)" }.joined(separator: "; ")); }\n"
    if lanes.count > 1 { out += "  \(lanes.indices.map { "lane_\($0)" }.joined(separator: " -> ")) [style=invis];\n" }
    return out
  }

  func stepNode(
    _ stream: ValueStream, _ index: Int, shape: FlowShape, catalogue: PracticeCatalogue, theme: Palette.Theme,
    indent: String
  ) -> String {
    let step = stream.steps[index]
    let activity = step.activity
    let small = "<FONT POINT-SIZE=\"10\">"
    var rows = ""
    let mark = options.marks.nodes[step.id]
    if let mark {
      rows += "<TR><TD ALIGN=\"LEFT\">\(badgeTable(mark, theme: theme))</TD></TR>"
    }
    // The activity is a rounded pill inset in the card, so that its colour cannot stick out of the card's rounded
    // corners. In activity lanes the lane names it already.
    if options.lanes != .activity {
      rows +=
        "<TR><TD ALIGN=\"LEFT\"><TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLPADDING=\"2\" CELLSPACING=\"0\" "
        + "STYLE=\"ROUNDED\" BGCOLOR=\"\(Palette.color(activity))\"><TR><TD>"
        + "<FONT COLOR=\"\(Palette.textColor(activity))\" POINT-SIZE=\"10\">"
        + "\(DOTEscaping.html(activity.name.uppercased()))</FONT></TD></TR></TABLE></TD></TR>"
    }
    rows += "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\">\(lines(step.title, width: Self.titleWidth, bold: true))</TD></TR>"
    // A step that runs another stream says so under its title: its figures are that stream's.
    if let runs = step.runs {
      rows += "<TR><TD ALIGN=\"LEFT\">\(small)runs <B>\(DOTEscaping.html(runs.stream))</B></FONT></TD></TR>"
    }
    let roles = (options.lanes == .role ? Array(step.roles.dropFirst()) : step.roles).joined(separator: ", ")
    // Graphviz rejects an empty <I></I>, which a role written as "" would give.
    let roleLines = lines((options.lanes == .role ? "also " : "") + roles, width: Self.textWidth)
    if !roleLines.trimmingCharacters(in: .whitespaces).isEmpty, !roles.isEmpty {
      rows += "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\">\(small)<I>\(roleLines)</I></FONT></TD></TR>"
    }
    if options.showPractices, !step.practices.isEmpty {
      let names = step.practices.map { catalogue.practice(id: $0)?.name ?? $0 }
      rows +=
        "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\">\(small)"
        + names.map { lines($0, width: Self.textWidth) }.joined(separator: "<BR/>") + "</FONT></TD></TR>"
    }
    if options.showMetrics, let metrics = metricsLines(step, stream.settings) {
      rows +=
        "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\">\(small)"
        + metrics.map(DOTEscaping.html).joined(separator: "<BR/>") + "</FONT></TD></TR>"
    }
    var tip = "\(step.title)\n\(activity.name)"
    if !step.roles.isEmpty { tip += "\nRoles: \(step.roles.joined(separator: ", "))" }
    if let runs = step.runs { tip += "\nRuns the stream \(runs.stream)" }
    if let note = step.note { tip += "\n\(note)" }
    if let mark { tip += "\n(\(mark.rawValue))" }
    // A marked card has a thick border in the mark's colour; a removed one, and a step after the value (real work,
    // outside the lead time), are dashed.
    let border = mark == nil ? "1" : "3"
    let style = mark == .removed || shape.isAfterValue[index] ? "ROUNDED,DASHED" : "ROUNDED"
    let color = mark == nil ? Palette.stroke(activity, dark: theme.dark) : Palette.mark(dark: theme.dark)
    return
      "\(indent)\(nodeID(.step(index), shape)) [shape=plain, tooltip=\(DOTEscaping.quoted(tip)), "
      + "label=<<TABLE BORDER=\"\(border)\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"3\" STYLE=\"\(style)\" "
      + "BGCOLOR=\"\(theme.fill(activity))\" COLOR=\"\(color)\">\(rows)</TABLE>>];\n"
  }

  /// The style of a demand or value card, `style` unless marked: then a thick border in the mark's colour, dashed
  /// when removed.
  func cardStyle(_ id: String, _ style: String, theme: Palette.Theme) -> String {
    guard let mark = options.marks.nodes[id] else {
      return style.contains(",") ? "style=\"\(style)\"" : "style=\(style)"
    }
    let marked = mark == .removed ? style + ",dashed" : style
    return "style=\"\(marked)\", penwidth=3, color=\"\(Palette.mark(dark: theme.dark))\""
  }

  /// The badge line that opens a marked demand or value card's label, or nothing.
  func badge(_ id: String, theme: Palette.Theme) -> String {
    guard let mark = options.marks.nodes[id] else { return "" }
    return "\(badgeTable(mark, theme: theme))<BR/>"
  }

  /// The word of a mark on its colour, as a small rounded table.
  func badgeTable(_ mark: DiagramMarks.Mark, theme: Palette.Theme) -> String {
    "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLPADDING=\"2\" CELLSPACING=\"0\" STYLE=\"ROUNDED\" "
      + "BGCOLOR=\"\(Palette.mark(dark: theme.dark))\"><TR><TD><FONT COLOR=\"\(Palette.markText(dark: theme.dark))\" "
      + "POINT-SIZE=\"10\"><B>\(mark.badge)</B></FONT></TD></TR></TABLE>"
  }

  /// `PT 5m · WT 2m · %C/A 90%`, or nil when the step gives none of them.
  func metricsText(_ step: Step, _ settings: DurationSettings) -> String? {
    var parts: [String] = []
    if let time = step.processTime { parts.append("PT \(time.readable(settings, as: .effort))") }
    if let wait = step.waitTime { parts.append("WT \(wait.readable(settings))") }
    if let ca = step.completeAccurate { parts.append("%C/A \(ca.formatted)") }
    return parts.isEmpty ? nil : parts.joined(separator: " · ")
  }

  /// The metrics on lines of at most `textWidth` characters, a figure never split: readable durations (`30 min`)
  /// are longer than the compact ones, and one long row would widen every card.
  func metricsLines(_ step: Step, _ settings: DurationSettings) -> [String]? {
    guard let text = metricsText(step, settings) else { return nil }
    var lines: [String] = []
    for part in text.components(separatedBy: " · ") {
      if let last = lines.last, last.count + 3 + part.count <= Self.textWidth {
        lines[lines.count - 1] = last + " · " + part
      } else {
        lines.append(part)
      }
    }
    return lines
  }

  /// The activities this stream uses, what PT, WT and %C/A mean, and the arrows it has.
  func legend(_ stream: ValueStream, shape: FlowShape, theme: Palette.Theme, layout: Options.Layout) -> String {
    var used = Set<Activity>()
    for step in stream.steps { used.insert(step.activity) }
    var rows = "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><B>\(stream.framework.activityHeading)</B></TD></TR>"
    for activity in Activity.allCases where used.contains(activity) {
      rows +=
        "<TR><TD BGCOLOR=\"\(Palette.color(activity))\" WIDTH=\"14\"> </TD>"
        + "<TD ALIGN=\"LEFT\">\(DOTEscaping.html(activity.name))</TD></TR>"
    }
    var notes: [String] = []
    if options.showMetrics {
      notes += ["PT: process time, hands-on work", "WT: wait before the step", "%C/A: share complete and accurate"]
    }
    notes.append("bold arrows: main path")
    if shape.kinds.contains(.rework) { notes.append("dashed arrows: rework") }
    if shape.isParallel.contains(true) { notes.append("arrows from a diamond: parallel work, joined where they meet") }
    if shape.kinds.contains(.afterValue) { notes.append("dotted arrows: after the value, outside the lead time") }
    rows +=
      "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT POINT-SIZE=\"10\">"
      + notes.map(DOTEscaping.html).joined(separator: "<BR/>") + "</FONT></TD></TR>"
    var out =
      "\n  legend [shape=plain, tooltip=\"Legend\", label=<<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" "
      + "CELLPADDING=\"3\" COLOR=\"\(theme.line)\" BGCOLOR=\"\(theme.background)\">\(rows)</TABLE>>];\n"
    // Below the last row in the wrapped and top-to-bottom layouts, so that it adds height, not width.
    if layout == .wrap || layout == .tb {
      let last = shape.valueOrder.isEmpty ? "demand" : "value_\(shape.valueOrder.count - 1)"
      out += "  \(last) -> legend [style=invis];\n"
    }
    return out
  }
}
