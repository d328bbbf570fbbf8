import VStreamModel

/// Renders a stream's main path as a value-stream map in SVG: process boxes with their data (process time, wait,
/// %C/A, roles), the wait before each step as a queue triangle, the timeline ladder beneath (waits on the upper
/// rungs, process times on the lower) and a summary box (lead time, process time, flow efficiency, rolled %C/A; the
/// total effort when parallel branches make it more than the process time).
/// Waits at least half as long as the longest are drawn in the warning colour and bold, so the delays stand out.
///
/// The SVG is written directly, with its own geometry, because Graphviz places nodes by rank and cannot align a
/// ladder under boxes. Steps come `stepsPerRow` to a row, each row with its own ladder, so the map stays as wide as a
/// page. Branches and rework are listed under the map rather than drawn: a map draws one path, and an arrow back
/// across rows would cross the ladder.
public struct VSMEmitter: Sendable {
  public struct Options: Sendable {
    public var dark: Bool
    public var stepsPerRow: Int

    public init(dark: Bool = false, stepsPerRow: Int = 4) {
      self.dark = dark
      self.stepsPerRow = max(1, stepsPerRow)
    }
  }

  public var options: Options

  public init(options: Options = Options()) {
    self.options = options
  }

  static let margin = 20
  static let queueWidth = 70
  static let boxWidth = 160
  static let lineHeight = 15
  static let font = "Helvetica, Arial, sans-serif"

  /// The colour of the waits that stand out: dark orange on white (5.5:1), light orange on the dark page.
  public static func warning(dark: Bool) -> String { dark ? "#FF9E57" : "#B34700" }

  /// The map's width: a margin each side of `stepsPerRow` columns of a queue and a box.
  public static func width(_ options: Options) -> Int { margin * 2 + options.stepsPerRow * (queueWidth + boxWidth) }

  public func emit(_ stream: ValueStream) -> String {
    let theme = options.dark ? Palette.Theme.dark : Palette.Theme.light
    let settings = stream.settings
    let shape = FlowShape(stream)
    let main = stream.metrics.mainPath
    let path = main.nodes.compactMap(\.stepIndex)
    let longest = path.compactMap { stream.steps[$0].waitTime }.max() ?? .zero
    /// Waits at least half the longest (and not zero) are highlighted.
    func isLong(_ wait: Duration?) -> Bool {
      guard let wait, longest.seconds > 0 else { return false }
      return wait.seconds * 2 >= longest.seconds
    }
    let warning = Self.warning(dark: options.dark)
    let columnWidth = Self.queueWidth + Self.boxWidth
    let width = Self.width(options)
    var body = ""
    var y = Self.margin

    func text(
      _ x: Int, _ y: Int, _ content: String, size: Int = 12, bold: Bool = false, color: String? = nil,
      anchor: String = "start"
    ) -> String {
      "<text x=\"\(x)\" y=\"\(y)\" font-size=\"\(size)\"\(bold ? " font-weight=\"bold\"" : "")"
        + " fill=\"\(color ?? theme.foreground)\"\(anchor == "start" ? "" : " text-anchor=\"\(anchor)\"")>"
        + HTMLEscaping.text(content) + "</text>\n"
    }

    body += text(Self.margin, y + 16, stream.title, size: 18, bold: true)
    y += 30
    body += text(
      Self.margin, y + 12, "Demand: \(stream.demand.title)" + (stream.demand.from.map { " (from \($0))" } ?? ""))
    y += 24

    var rowStart = 0
    while rowStart < path.count {
      let row = Array(path[rowStart..<min(rowStart + options.stepsPerRow, path.count)])
      // Box contents first, so that the row's boxes share the tallest one's height.
      let contents = row.map { index -> (title: [String], data: [String]) in
        let step = stream.steps[index]
        var data = [
          "PT " + (step.processTime?.readable(settings, as: .effort) ?? "–"),
          "WT " + (step.waitTime?.readable(settings) ?? "–"),
          "%C/A " + (step.completeAccurate?.formatted ?? "–"),
        ]
        if !step.roles.isEmpty { data += TextWrap.lines(step.roles.joined(separator: ", "), width: 24) }
        return (TextWrap.lines(step.title, width: 21), data)
      }
      let titleLines = contents.map(\.title.count).max() ?? 1
      let dataLines = contents.map(\.data.count).max() ?? 3
      let pillTop = y
      let titleTop = pillTop + 24
      let dataTop = titleTop + titleLines * Self.lineHeight + 8
      let boxBottom = dataTop + dataLines * 14 + 8
      let upper = boxBottom + 34
      let lower = upper + 30
      for (column, index) in row.enumerated() {
        let step = stream.steps[index]
        let x = Self.margin + column * columnWidth
        let boxX = x + Self.queueWidth
        let long = isLong(step.waitTime)
        // The queue before the step: a triangle with its wait beneath.
        let cx = x + Self.queueWidth / 2
        let triTop = pillTop + 10
        body +=
          "<polygon points=\"\(cx - 18),\(triTop + 32) \(cx + 18),\(triTop + 32) \(cx),\(triTop)\" "
          + "fill=\"\(long ? warning : theme.card)\" stroke=\"\(long ? warning : theme.line)\" stroke-width=\"1.5\"/>\n"
        body += text(
          cx, triTop + 27, "I", size: 12, bold: true, color: long ? theme.background : theme.foreground,
          anchor: "middle")
        body += text(
          cx, triTop + 48, step.waitTime?.readable(settings) ?? "–", size: 11, bold: long,
          color: long ? warning : theme.foreground, anchor: "middle")
        // The process box: activity pill, title, data box.
        let stroke = Palette.stroke(step.activity, dark: theme.dark)
        body +=
          "<rect x=\"\(boxX)\" y=\"\(pillTop)\" width=\"\(Self.boxWidth - 10)\" height=\"\(boxBottom - pillTop)\" "
          + "rx=\"6\" fill=\"\(theme.fill(step.activity))\" stroke=\"\(stroke)\" stroke-width=\"1.5\"/>\n"
        body +=
          "<rect x=\"\(boxX + 4)\" y=\"\(pillTop + 4)\" width=\"\(Self.boxWidth - 18)\" height=\"16\" rx=\"8\" "
          + "fill=\"\(Palette.color(step.activity))\"/>\n"
        body += text(
          boxX + (Self.boxWidth - 10) / 2, pillTop + 16, step.activity.name.uppercased(), size: 10,
          color: Palette.textColor(step.activity), anchor: "middle")
        for (line, content) in contents[column].title.enumerated() {
          body += text(boxX + 6, titleTop + 10 + line * Self.lineHeight, content, size: 12, bold: true)
        }
        body +=
          "<line x1=\"\(boxX)\" y1=\"\(dataTop - 4)\" x2=\"\(boxX + Self.boxWidth - 10)\" y2=\"\(dataTop - 4)\" "
          + "stroke=\"\(stroke)\"/>\n"
        for (line, content) in contents[column].data.enumerated() {
          body += text(boxX + 6, dataTop + 10 + line * 14, content, size: 11)
        }
        // The ladder: the wait on the upper rung under the queue, the process time on the lower rung under the box.
        let rungEnd = boxX + Self.boxWidth
        body +=
          "<polyline points=\"\(x),\(upper) \(boxX),\(upper) \(boxX),\(lower) \(rungEnd),\(lower) \(rungEnd),\(upper)\" "
          + "fill=\"none\" stroke=\"\(theme.line)\" stroke-width=\"1.5\"/>\n"
        if long {
          body +=
            "<line x1=\"\(x)\" y1=\"\(upper)\" x2=\"\(boxX)\" y2=\"\(upper)\" stroke=\"\(warning)\" stroke-width=\"4\"/>\n"
        }
        body += text(
          cx, upper - 5, step.waitTime?.readable(settings) ?? "–", size: 11, bold: long,
          color: long ? warning : theme.foreground, anchor: "middle")
        body += text(
          boxX + Self.boxWidth / 2, lower + 15, step.processTime?.readable(settings, as: .effort) ?? "–", size: 11,
          anchor: "middle"
        )
      }
      y = lower + 40
      rowStart += options.stepsPerRow
    }

    // The summary box.
    let summary = [
      "Lead time \(main.leadTime.readable(settings))",
      "Process time \(main.processTime.readable(settings, as: .effort))",
      "Flow efficiency \(percentText(main.flowEfficiency))", "Rolled %C/A \(percentText(main.rolledCompleteAccurate))",
    ]
    body +=
      "<rect x=\"\(Self.margin)\" y=\"\(y)\" width=\"\(width - 2 * Self.margin)\" height=\"62\" rx=\"6\" "
      + "fill=\"\(theme.card)\" stroke=\"\(theme.line)\" stroke-width=\"1.5\"/>\n"
    body += text(Self.margin + 10, y + 22, summary.joined(separator: "  ·  "), size: 13, bold: true)
    let values = shape.valueOrder.map { stream.values[$0].title }.joined(separator: "; ")
    var second = "Value: \(values)"
    if let longest = stream.longestWaitTitles(main) { second = "Longest wait: before \(longest) · " + second }
    // Parallel work: the map draws the critical branch; the work of the others shows in the effort.
    if main.totalEffort != main.processTime {
      second = "Total effort (every branch) \(main.totalEffort.readable(settings, as: .effort)) · " + second
    }
    body += text(Self.margin + 10, y + 44, second, size: 12)
    y += 62 + 24

    // What a single path does not show.
    var others: [String] = []
    for index in shape.edgeOrder where shape.kinds[index] != .main {
      let edge = stream.edges[index]
      let kind: String
      switch shape.kinds[index] {
      case .rework: kind = "rework"
      case .afterValue: kind = "after the value"
      default: kind = "branch"
      }
      others.append(
        "\(kind): \(stream.title(of: edge.from)) → \(stream.title(of: edge.to))"
          + (shape.label(stream, index).map { " (\($0))" } ?? "")
      )
    }
    let onPath = Set(path)
    let offPath = shape.stepOrder.filter { !onPath.contains($0) }.map { stream.steps[$0].title }
    if !offPath.isEmpty { others.append("steps off the main path: " + offPath.joined(separator: "; ")) }
    if !others.isEmpty {
      body += text(Self.margin, y, "Not drawn on this map:", size: 12, bold: true)
      y += 18
      for line in others {
        for piece in TextWrap.lines(line, width: 120) {
          body += text(Self.margin + 10, y, piece, size: 11)
          y += 16
        }
      }
      y += 4
    }
    let height = y + Self.margin
    let label =
      "Value-stream map of \(stream.title): lead time \(main.leadTime.readable(settings)), process time "
      + "\(main.processTime.readable(settings, as: .effort)), flow efficiency \(percentText(main.flowEfficiency))"
    return
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" "
      + "role=\"img\" aria-label=\"\(HTMLEscaping.text(label))\" font-family=\"\(Self.font)\">\n"
      + "<title>\(HTMLEscaping.text(label))</title>\n"
      + "<rect width=\"100%\" height=\"100%\" fill=\"\(theme.background)\"/>\n" + body + "</svg>\n"
  }
}
