import Foundation
import VStreamModel
import VStreamSource

/// A static site of the streams: `index.html` (the catalogue), one page per stream (its diagram inline, metrics,
/// steps, practices) and `practices.html` (the practice matrix). Every page works from `file://` and asks for
/// nothing outside itself: the CSS is inline, there are no scripts or web fonts, and a strict
/// Content-Security-Policy makes any request the page might still try fail visibly.
///
/// The emitter is a printer: the diagrams come in as SVG text rendered by the caller (Graphviz), or not at all, with
/// the reason to show instead.
public struct HTMLEmitter: Sendable {
  /// The policy every page declares: nothing loads but the page's own inline styles, and images from the site or
  /// `data:` URLs.
  public static let contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data: 'self'"

  /// The colours of the pages, light and dark: `PaletteContrastTests` checks every text pair against WCAG AA.
  public struct Colors: Sendable {
    public var background, text, muted, link, border, headerBackground: String
    public static let light = Colors(
      background: "#FFFFFF", text: "#1A1A1A", muted: "#4D4D4D", link: "#0B57D0", border: "#767676",
      headerBackground: "#F2F2F2")
    public static let dark = Colors(
      background: "#1E1E1E", text: "#E6E6E6", muted: "#BDBDBD", link: "#8AB4F8", border: "#8C8C8C",
      headerBackground: "#2A2A2A")
  }

  /// A diagram for a stream's page: the SVG (Graphviz output, inlined) or why there is none.
  public enum Diagram: Sendable {
    case svg(String)
    /// The same picture drawn for a light and for a dark page: the page shows the one that matches the reader's
    /// colour scheme (`prefers-color-scheme`), so a diagram does not stay a white block on a dark page.
    case themed(light: String, dark: String)
    case missing(reason: String)
  }

  public init() {}

  /// The links at the top of a stream's page.
  static let navigation =
    "<p><a href=\"index.html\">All value streams</a> · <a href=\"practices.html\">Practice matrix</a></p>\n"

  /// The file name of a stream's page.
  public static func pageName(_ stream: ValueStream) -> String { "\(stream.id).html" }

  /// The rows a stream page adds under its figures when it has a target lead time (and how it stands, in the words
  /// of the Markdown page) or a Monte Carlo distribution (`build` with samples).
  static func targetAndDistribution(_ stream: ValueStream) -> [(String, String)] {
    var rows: [(String, String)] = []
    if let target = stream.metadata.target, let standing = TargetStanding.text(stream) {
      rows.append(
        (
          "Target lead time",
          "\(target.duration.readable(stream.settings)), held against the lead time of \(target.measure.phrase): "
            + standing
        ))
    }
    if let distribution = stream.metrics.distribution {
      let percentiles = [distribution.p50, distribution.p85, distribution.p95].map { $0.readable(stream.settings) }
      rows.append(
        ("Lead time P50 / P85 / P95 (\(distribution.samples) simulated items)", percentiles.joined(separator: " / ")))
    }
    return rows
  }

  public func page(
    _ stream: ValueStream, diagram: Diagram, map: Diagram? = nil, diagnostics: [Diagnostic] = [],
    catalogue: PracticeCatalogue = .itil
  ) -> String {
    let settings = stream.settings
    let e = HTMLEscaping.text
    func duration(_ value: Duration?, _ kind: DurationKind = .elapsed) -> String {
      value.map { $0.readable(settings, as: kind) } ?? "–"
    }
    var body = Self.navigation
    body += "<h1>\(e(stream.title))</h1>\n"
    if let description = stream.metadata.description {
      body += "<p>\(e(description.trimmingCharacters(in: .whitespacesAndNewlines)))</p>\n"
    }
    let meta = stream.metadata
    body += "<dl class=\"meta\">\n"
    var facts: [(String, String)] = [("Stream", stream.id)]
    for (name, value) in [
      ("Owner", meta.owner), ("Status", meta.status?.rawValue), ("Version", meta.version), ("Consumer", meta.consumer),
    ] {
      if let value { facts.append((name, value)) }
    }
    if !meta.tags.isEmpty { facts.append(("Tags", meta.tags.joined(separator: ", "))) }
    // A repository may hold streams of both frameworks: say which one this stream's activities are.
    facts.append(("Framework", stream.framework.name))
    facts.append(("Demand", stream.demand.title + (stream.demand.from.map { " (from \($0))" } ?? "")))
    facts.append(("Value", stream.values.map(\.title).joined(separator: "; ")))
    for (name, value) in facts { body += "<dt>\(e(name))</dt><dd>\(e(value))</dd>\n" }
    body += "</dl>\n"
    body += handOverSection(stream)

    let main = stream.metrics.mainPath
    let summary =
      "lead time \(duration(main.leadTime)), process time \(duration(main.processTime, .effort)), "
      + "flow efficiency \(percentText(main.flowEfficiency))"
    body +=
      "<h2 id=\"flow\">Flow</h2>\n"
      + figure(diagram, label: "Flow diagram of \(stream.title): \(stream.steps.count) steps, \(summary)")
    if let map {
      body +=
        "<h2 id=\"map\">Value-stream map</h2>\n" + figure(map, label: "Value-stream map of \(stream.title): \(summary)")
    }

    body += "<h2 id=\"metrics\">Flow metrics (main path)</h2>\n<table>\n<tbody>\n"
    // Parallel work: the process time runs along the critical branch, the total effort counts every branch.
    let effort =
      main.totalEffort == main.processTime ? [] : [("Total effort (every branch)", duration(main.totalEffort, .effort))]
    let rows: [(String, String)] =
      [
        ("Lead time", duration(main.leadTime)), ("Process time", duration(main.processTime, .effort)),
        ("Wait time", duration(main.waitTime)), ("Flow efficiency", percentText(main.flowEfficiency)),
        ("Rolled %C/A", percentText(main.rolledCompleteAccurate)),
        ("Longest wait", stream.longestWaitTitles(main) ?? "–"),
      ] + effort + Self.targetAndDistribution(stream)
    for (name, value) in rows { body += "<tr><th scope=\"row\">\(e(name))</th><td>\(e(value))</td></tr>\n" }
    body += "</tbody>\n</table>\n"
    if !stream.metrics.isComplete {
      body += "<p>Some steps have no process or wait time; they count as zero, so these totals are understated.</p>\n"
    }

    body +=
      "<h2 id=\"steps\">Steps</h2>\n<table>\n<thead><tr><th scope=\"col\">#</th><th scope=\"col\">Step</th>"
      + "<th scope=\"col\">Activity</th><th scope=\"col\">Roles</th><th scope=\"col\">Practices</th>"
      + "<th scope=\"col\">Process time</th><th scope=\"col\">Wait</th><th scope=\"col\">%C/A</th></tr></thead>\n<tbody>\n"
    for (index, step) in stream.steps.enumerated() {
      let practices = step.practices.map { catalogue.practice(id: $0)?.name ?? $0 }.joined(separator: ", ")
      var title = e(step.title)
      if let note = step.note { title += "<br><small>\(e(note))</small>" }
      body +=
        "<tr><td>\(index + 1)</td><td>\(title)</td><td>\(e(step.activity.name))</td>"
        + "<td>\(e(step.roles.joined(separator: ", ")))</td><td>\(e(practices))</td><td>\(duration(step.processTime, .effort))</td>"
        + "<td>\(duration(step.waitTime))</td><td>\(step.completeAccurate?.formatted ?? "–")</td></tr>\n"
    }
    body += "</tbody>\n</table>\n"

    let matrix = stream.metrics.practiceMatrix
    body += "<h2 id=\"practices\">Practices</h2>\n<ul>\n"
    for (row, practice) in matrix.practices.enumerated() {
      let steps = matrix.steps[row].map { stream.steps[$0].title }
      body += "<li>\(e(catalogue.practice(id: practice)?.name ?? practice)): \(e(steps.joined(separator: "; ")))</li>\n"
    }
    body += "</ul>\n"
    let findings = diagnostics.filter { !$0.isSuppressed && $0.severity != .error }
    if !findings.isEmpty {
      body += "<h2 id=\"findings\">Findings</h2>\n<ul>\n"
      for finding in findings {
        body +=
          "<li><strong>\(e(finding.severity.rawValue))</strong> \(e(finding.code.description)): \(e(finding.message))</li>\n"
      }
      body += "</ul>\n"
    }
    return document(title: stream.title, body: body)
  }

  /// A file that does not compile, for the index of `vstream preview`: its path and the page of its diagnostics.
  public struct Problem: Sendable {
    public var file: String
    public var page: String
    public init(file: String, page: String) {
      self.file = file
      self.page = page
    }
  }

  /// `index.html`: every stream with owner, status, steps, lead time and flow efficiency; the portfolio section when
  /// one is given; then the files that do not compile, when there are any (only the preview lists them: a build
  /// writes no page for them).
  public func index(
    _ streams: [ValueStream], portfolio: Portfolio? = nil, catalogue: PracticeCatalogue = .itil,
    problems: [Problem] = []
  ) -> String {
    let e = HTMLEscaping.text
    var body =
      "<h1>Value streams</h1>\n<p>\(streams.count) value stream\(streams.count == 1 ? "" : "s"). "
      + "See also the <a href=\"practices.html\">practice matrix</a>.</p>\n"
    body +=
      "<table>\n<thead><tr><th scope=\"col\">Stream</th><th scope=\"col\">Owner</th><th scope=\"col\">Status</th>"
      + "<th scope=\"col\">Steps</th><th scope=\"col\">Lead time</th><th scope=\"col\">Flow efficiency</th></tr></thead>\n<tbody>\n"
    for stream in streams {
      let main = stream.metrics.mainPath
      body +=
        "<tr><td><a href=\"\(HTMLEscaping.href(Self.pageName(stream)))\">\(e(stream.title))</a></td>"
        + "<td>\(e(stream.metadata.owner ?? "–"))</td><td>\(e(stream.metadata.status?.rawValue ?? "–"))</td>"
        + "<td>\(stream.steps.count)</td><td>\(main.leadTime.readable(stream.settings))</td>"
        + "<td>\(percentText(main.flowEfficiency))</td></tr>\n"
    }
    body += "</tbody>\n</table>\n"
    if let portfolio {
      let pages = Dictionary(streams.map { ($0.id, Self.pageName($0)) }, uniquingKeysWith: { first, _ in first })
      body += PortfolioEmitter().html(portfolio, catalogue: catalogue) { pages[$0] ?? "\($0).html" }
    }
    if !problems.isEmpty {
      body += "<h2>Files with errors</h2>\n<ul>\n"
      for problem in problems {
        body += "<li><a href=\"\(HTMLEscaping.href(problem.page))\">\(e(problem.file))</a></li>\n"
      }
      body += "</ul>\n"
    }
    return document(title: "Value streams", body: body)
  }

  /// `practices.html`: for each practice, how many steps it supports in each stream.
  public func practiceMatrix(_ streams: [ValueStream], catalogue: PracticeCatalogue = .itil) -> String {
    let e = HTMLEscaping.text
    var used = Set<String>()
    for stream in streams { used.formUnion(stream.metrics.practiceMatrix.practices) }
    let practices = catalogue.all.map(\.id).filter(used.contains) + used.subtracting(catalogue.all.map(\.id)).sorted()
    var body =
      "<p><a href=\"index.html\">All value streams</a></p>\n<h1>Practice matrix</h1>\n"
      + "<p>For each practice, the number of steps it supports in each value stream.</p>\n"
    body +=
      "<div class=\"scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Practice matrix\">\n<table>\n<thead><tr><th scope=\"col\">Practice</th>"
    for stream in streams {
      body += "<th scope=\"col\"><a href=\"\(HTMLEscaping.href(Self.pageName(stream)))\">\(e(stream.title))</a></th>"
    }
    body += "<th scope=\"col\">Streams</th></tr></thead>\n<tbody>\n"
    for practice in practices {
      let counts = streams.map { stream -> Int in
        guard let row = stream.metrics.practiceMatrix.practices.firstIndex(of: practice) else { return 0 }
        return stream.metrics.practiceMatrix.steps[row].count
      }
      body +=
        "<tr><th scope=\"row\">\(e(catalogue.practice(id: practice)?.name ?? practice))</th>"
        + counts.map { "<td>\($0 == 0 ? "" : String($0))</td>" }.joined()
        + "<td>\(counts.filter { $0 > 0 }.count)</td></tr>\n"
    }
    body += "</tbody>\n</table>\n</div>\n"
    let unused = catalogue.all.filter { !used.contains($0.id) }
    if !unused.isEmpty {
      body += "<p>Practices no stream names: \(e(unused.map(\.name).joined(separator: ", "))).</p>\n"
    }
    return document(title: "Practice matrix", body: body)
  }

  /// The page shown in place of a stream's page while its file has errors (`vstream preview`): the file's name and
  /// its diagnostics as the terminal shows them, each with its source snippet, so that the author sees what to fix
  /// where the diagram was.
  public func problemPage(file: String, report: String, errors: Int) -> String {
    let e = HTMLEscaping.text
    var body = Self.navigation
    body += "<h1>\(e(file)) does not compile</h1>\n"
    body +=
      "<p class=\"note\">\(errors) error\(errors == 1 ? "" : "s"); the page comes back when the file is fixed.</p>\n"
    body +=
      "<pre class=\"diagnostics\" style=\"overflow-x: auto; padding: .75rem; border: 1px solid var(--border)\">\(e(report))</pre>\n"
    return document(title: "\(file): errors", body: body)
  }

  /// A diagram as a figure: the SVG inside an element with `role="img"` and a text alternative, or the reason.
  func figure(_ diagram: Diagram, label: String) -> String {
    switch diagram {
    case .svg(let svg):
      return "<figure class=\"diagram\" role=\"img\" aria-label=\"\(HTMLEscaping.text(label))\">\n"
        + Self.inlineSVG(svg) + "</figure>\n"
    case .themed(let light, let dark):
      // Both copies are in the page; CSS hides one. The dark copy's ids are prefixed so that ids stay unique.
      let darkSVG = SVGIdentifiers.prefixed(Self.inlineSVG(dark), with: "dark-")
      return "<figure class=\"diagram themed\" role=\"img\" aria-label=\"\(HTMLEscaping.text(label))\">\n"
        + "<div class=\"on-light\">\n" + Self.inlineSVG(light) + "</div>\n<div class=\"on-dark\">\n" + darkSVG
        + "</div>\n</figure>\n"
    case .missing(let reason):
      return "<p class=\"note\">No diagram: \(HTMLEscaping.text(reason))</p>\n"
    }
  }

  /// The `<svg>` element of a standalone SVG file, without the XML declaration, doctype and comments that are not
  /// allowed or not wanted inside HTML.
  public static func inlineSVG(_ svg: String) -> String {
    // One pass over the bytes: Graphviz writes a comment per node and arrow, and removing each from the whole text
    // in turn was quadratic (a second and a half for a stream of 100 steps).
    let bytes = Array(svg.utf8)
    guard let start = firstIndex(of: Array("<svg".utf8), in: bytes, from: 0) else { return "" }
    let open = Array("<!--".utf8)
    let close = Array("-->".utf8)
    var kept: [UInt8] = []
    kept.reserveCapacity(bytes.count - start + 1)
    var position = start
    while true {
      // A removal can join `<!` and `--` into a new comment: the next one may start in the last bytes kept.
      if let joined = (1...3).first(where: {
        kept.count >= $0 && position + open.count - $0 <= bytes.count
          && (kept.suffix($0) + bytes[position..<(position + open.count - $0)]).elementsEqual(open)
      }),
        let end = firstIndex(of: close, in: bytes, from: position + open.count - joined)
      {
        kept.removeLast(joined)
        position = end + close.count
        continue
      }
      guard let comment = firstIndex(of: open, in: bytes, from: position),
        let end = firstIndex(of: close, in: bytes, from: comment + open.count)
      else { break }
      kept += bytes[position..<comment]
      position = end + close.count
    }
    kept += bytes[position...]
    if kept.last != UInt8(ascii: "\n") { kept.append(UInt8(ascii: "\n")) }
    return String(decoding: kept, as: UTF8.self)
  }

  /// Where `needle` first starts in `bytes` at or after `from`.
  private static func firstIndex(of needle: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
    guard needle.count <= bytes.count else { return nil }
    var index = from
    while index <= bytes.count - needle.count {
      if bytes[index] == needle[0] && bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
      index += 1
    }
    return nil
  }

  func document(title: String, body: String) -> String {
    let light = Colors.light
    let dark = Colors.dark
    return """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta http-equiv="Content-Security-Policy" content="\(Self.contentSecurityPolicy)">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <meta name="color-scheme" content="light dark">
      <title>\(HTMLEscaping.text(title))</title>
      <style>
      :root { color-scheme: light dark; --bg: \(light.background); --text: \(light.text); --muted: \(light.muted); --link: \(light.link); --border: \(light.border); --head: \(light.headerBackground); }
      @media (prefers-color-scheme: dark) { :root { --bg: \(dark.background); --text: \(dark.text); --muted: \(dark.muted); --link: \(dark.link); --border: \(dark.border); --head: \(dark.headerBackground); } }
      body { margin: 0 auto; max-width: 62rem; padding: 1rem 1.25rem 3rem; background: var(--bg); color: var(--text); font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; }
      a { color: var(--link); }
      a:focus-visible, [tabindex]:focus-visible { outline: 3px solid var(--link); outline-offset: 2px; }
      .skip { position: absolute; left: -999px; top: 0; background: var(--bg); padding: .5rem 1rem; }
      .skip:focus { left: 1rem; }
      table { border-collapse: collapse; margin: .5rem 0 1.5rem; }
      th, td { border: 1px solid var(--border); padding: .3rem .6rem; text-align: left; vertical-align: top; }
      thead th { background: var(--head); }
      small, .note { color: var(--muted); }
      dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
      dl.meta dt { font-weight: bold; }
      dl.meta dd { margin: 0; }
      figure.diagram { margin: 1rem 0; padding: .5rem; background: #FFFFFF; border: 1px solid var(--border); border-radius: 6px; overflow-x: auto; }
      figure.diagram svg { max-width: 100%; height: auto; display: block; }
      figure.diagram.themed { background: var(--bg); }
      .on-dark { display: none; }
      @media (prefers-color-scheme: dark) { .on-light { display: none; } .on-dark { display: block; } }
      .scroll { overflow-x: auto; }
      </style>
      </head>
      <body>
      <a class="skip" href="#main">Skip to content</a>
      <main id="main" tabindex="-1">
      \(body)</main>
      </body>
      </html>

      """
  }
}
