import VStreamModel

/// Renders a checked stream as a left-to-right Graphviz digraph: the demand as an entry arrow shape, steps as boxes
/// with title, activity (coloured) and practices, values as double-bordered exits, labelled arrows, and a legend.
public struct DOTEmitter: Sendable {
  public struct Options: Sendable {
    public enum Theme: String, CaseIterable, Sendable { case light, dark }

    /// Group steps into one lane per activity.
    public var lanes: Bool
    public var showPractices: Bool
    public var showMetrics: Bool
    public var legend: Bool
    public var theme: Theme

    public init(lanes: Bool = false, showPractices: Bool = true, showMetrics: Bool = true, legend: Bool = true, theme: Theme = .light) {
      self.lanes = lanes
      self.showPractices = showPractices
      self.showMetrics = showMetrics
      self.legend = legend
      self.theme = theme
    }
  }

  public var options: Options

  public init(options: Options = Options()) {
    self.options = options
  }

  public func emit(_ stream: ValueStream, catalogue: PracticeCatalogue = .itil) -> String {
    let dark = options.theme == .dark
    let foreground = dark ? "#E6E6E6" : "#1A1A1A"
    let background = dark ? "#1E1E1E" : "#FFFFFF"
    let border = dark ? "#BBBBBB" : "#333333"
    var out = "digraph \(DOTEscaping.quoted(stream.id)) {\n"
    let subtitle = [stream.metadata.owner.map { "owner: \($0)" }, stream.metadata.status.map { "status: \($0.rawValue)" }]
      .compactMap { $0 }.joined(separator: " · ")
    out += "  graph [rankdir=LR, fontname=\"Helvetica\", fontsize=16, labelloc=t, labeljust=l, nodesep=0.35, ranksep=0.55, "
      + "bgcolor=\"\(background)\", fontcolor=\"\(foreground)\", "
      + "label=<\(DOTEscaping.bold(stream.title))\(subtitle.isEmpty ? "" : "<BR/><FONT POINT-SIZE=\"11\">\(DOTEscaping.html(subtitle))</FONT>")>];\n"
    out += "  node [fontname=\"Helvetica\", fontsize=11, color=\"\(border)\", fontcolor=\"\(foreground)\"];\n"
    out += "  edge [fontname=\"Helvetica\", fontsize=10, color=\"\(border)\", fontcolor=\"\(foreground)\"];\n\n"

    out += "  demand [shape=cds, style=filled, fillcolor=\"\(dark ? "#3A3A3A" : "#EEEEEE")\", margin=\"0.15,0.08\", "
      + "label=<<FONT POINT-SIZE=\"9\">DEMAND</FONT><BR/>\(DOTEscaping.bold(stream.demand.title))"
      + "\(stream.demand.from.map { "<BR/><FONT POINT-SIZE=\"9\">from \(DOTEscaping.html($0))</FONT>" } ?? "")>];\n"
    if options.lanes {
      for activity in Activity.allCases {
        let indices = stream.steps.indices.filter { stream.steps[$0].activity == activity }
        guard !indices.isEmpty else { continue }
        out += "  subgraph \"cluster_\(activity.id)\" {\n    label=<<B>\(DOTEscaping.html(activity.name))</B>>; style=\"rounded,filled\"; "
          + "color=\"\(Palette.color(activity))\"; fillcolor=\"\(dark ? "#2A2A2A" : Palette.tint(activity))\";\n"
        for index in indices { out += "  " + stepNode(stream, index, catalogue: catalogue, dark: dark) }
        out += "  }\n"
      }
    } else {
      for index in stream.steps.indices { out += stepNode(stream, index, catalogue: catalogue, dark: dark) }
    }
    for (index, value) in stream.values.enumerated() {
      out += "  value_\(index) [shape=box, style=\"rounded,filled,bold\", peripheries=2, fillcolor=\"\(dark ? "#3A3A3A" : "#EEEEEE")\", "
        + "margin=\"0.15,0.08\", label=<<FONT POINT-SIZE=\"9\">VALUE</FONT><BR/>\(DOTEscaping.bold(value.title))"
        + "\(value.beneficiary.map { "<BR/><FONT POINT-SIZE=\"9\">for \(DOTEscaping.html($0))</FONT>" } ?? "")>];\n"
    }
    out += "\n"
    let mainEdges = Set(zip(stream.metrics.mainPath.nodes, stream.metrics.mainPath.nodes.dropFirst()).map { "\(nodeID($0))->\(nodeID($1))" })
    for edge in stream.edges {
      var attributes: [String] = []
      if let label = edge.label { attributes.append("label=\(DOTEscaping.quoted(label))") }
      if mainEdges.contains("\(nodeID(edge.from))->\(nodeID(edge.to))") {
        attributes.append("penwidth=2")
      } else if isBackward(edge, in: stream) {
        // Rework arrows are dashed and do not pull their target to the right.
        attributes += ["style=dashed", "constraint=false"]
      }
      out += "  \(nodeID(edge.from)) -> \(nodeID(edge.to))\(attributes.isEmpty ? "" : " [\(attributes.joined(separator: ", "))]");\n"
    }
    if options.legend { out += legend(stream, dark: dark) }
    out += "}\n"
    return out
  }

  func nodeID(_ ref: NodeRef) -> String {
    switch ref {
    case .demand: return "demand"
    case .step(let index): return "step_\(index)"
    case .value(let index): return "value_\(index)"
    }
  }

  /// An arrow to a step declared earlier (or to itself) is rework.
  func isBackward(_ edge: Edge, in stream: ValueStream) -> Bool {
    if case .step(let from) = edge.from, case .step(let to) = edge.to { return to <= from }
    return false
  }

  func stepNode(_ stream: ValueStream, _ index: Int, catalogue: PracticeCatalogue, dark: Bool) -> String {
    let step = stream.steps[index]
    let activity = step.activity
    var rows = "<TR><TD ALIGN=\"LEFT\" BGCOLOR=\"\(Palette.color(activity))\"><FONT COLOR=\"\(Palette.textColor(activity))\" POINT-SIZE=\"9\">"
      + "\(DOTEscaping.html(activity.name.uppercased()))</FONT></TD></TR>"
    rows += "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\">\(DOTEscaping.bold(step.title))</TD></TR>"
    if options.showPractices, !step.practices.isEmpty {
      let names = step.practices.map { catalogue.practice(id: $0)?.name ?? $0 }
      rows += "<TR><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\"><FONT POINT-SIZE=\"9\">\(names.map(DOTEscaping.html).joined(separator: "<BR/>"))</FONT></TD></TR>"
    }
    if options.showMetrics {
      var parts: [String] = []
      if let time = step.processTime { parts.append("PT \(time.formatted(stream.settings))") }
      if let wait = step.waitTime { parts.append("WT \(wait.formatted(stream.settings))") }
      if let ca = step.completeAccurate { parts.append("%C/A \(ca.formatted)") }
      if !parts.isEmpty { rows += "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"9\">\(DOTEscaping.html(parts.joined(separator: "  ")))</FONT></TD></TR>" }
    }
    let fill = dark ? "#2E2E2E" : Palette.tint(activity)
    return "  step_\(index) [shape=plain, label=<<TABLE BORDER=\"1\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"4\" "
      + "STYLE=\"ROUNDED\" BGCOLOR=\"\(fill)\" COLOR=\"\(Palette.color(activity))\">\(rows)</TABLE>>];\n"
  }

  func legend(_ stream: ValueStream, dark: Bool) -> String {
    var rows = "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><B>Value chain activity</B></TD></TR>"
    for activity in Activity.allCases {
      rows += "<TR><TD BGCOLOR=\"\(Palette.color(activity))\" WIDTH=\"14\"> </TD><TD ALIGN=\"LEFT\">\(DOTEscaping.html(activity.name))</TD></TR>"
    }
    rows += "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><FONT POINT-SIZE=\"9\">bold arrows: main path; dashed: rework</FONT></TD></TR>"
    return "\n  subgraph cluster_legend {\n    label=\"\"; style=invis;\n    legend [shape=plain, label=<<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"3\" "
      + "BGCOLOR=\"\(dark ? "#2A2A2A" : "#FFFFFF")\">\(rows)</TABLE>>];\n  }\n"
  }
}
