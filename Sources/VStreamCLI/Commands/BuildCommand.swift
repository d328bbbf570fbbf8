import ArgumentParser
import Foundation
import VStream
import VStreamEmit
import VStreamModel
import VStreamSource

struct BuildCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "build",
    abstract:
      "Compile value streams to Graphviz DOT, Markdown (with a Mermaid diagram), JSON, SVG, PNG, a value-stream map, an HTML site, ArchiMate, BPMN or CSV.",
    discussion: """
      With --out, writes one file per stream and format (named after the stream's id) and, for several streams, \
      index.md (the catalogue and the portfolio), practices.md (the practice matrix) and portfolio.json. Without --out, a single stream in one format \
      goes to standard output. Files are written atomically and only when their content changes. Streams with \
      errors are reported (on standard error) and not built. svg and png need Graphviz's `dot` \
      (apt-get install graphviz); html inlines the SVG when `dot` is there and says why not when it is not. \
      vsm writes ID.vsm.svg, a value-stream map of the main path; html writes ID.html, index.html and \
      practices.html, a static site with no external request. archimate writes ID.archimate.xml (the Open Group \
      exchange format, for Archi), bpmn writes ID.bpmn (BPMN 2.0 with a diagram), csv writes ID.csv (one row a step).

      Examples:
        vstream build streams/ --format all --out site/
        vstream build streams/restore.vstream --format dot | dot -Tsvg > restore.svg
        vstream build streams/ --format md --format svg --lanes role --out docs/streams/
        vstream build streams/ --format html --out site/ --watch

      \(ExitStatus.documentation)
      """)

  enum LayoutChoice: String, CaseIterable, ExpressibleByArgument {
    case auto, lr, tb, wrap
  }

  enum Format: String, CaseIterable, ExpressibleByArgument {
    case dot, md, json, svg, png, vsm, html, archimate, bpmn, csv, all

    /// The file extension: the map is an SVG too, named apart from the diagram; the exchange formats are XML files
    /// named for what they hold, so that a tool's "import XML" finds them.
    var fileExtension: String {
      switch self {
      case .vsm: return "vsm.svg"
      case .archimate: return "archimate.xml"
      case .bpmn: return "bpmn"
      default: return rawValue
      }
    }
  }

  @Argument(help: "Files, folders or - (standard input).")
  var paths: [String] = ["."]

  @Option(
    help:
      "dot, md, json, svg, png, vsm (value-stream map, SVG), html (a static site), archimate (Open Group exchange format), bpmn (BPMN 2.0), csv (one row a step) or all. Repeatable."
  )
  var format: [Format] = [.md]

  @Option(help: "The output folder (created if missing).")
  var out: String?

  @Option(help: "The configuration file (default: the nearest vstream.yml above each file).")
  var config: String?

  @Option(help: "Diagrams: horizontal lanes, one per activity or per role (a step's first role), or off.")
  var lanes: DOTEmitter.Options.Lanes = .off

  @Option(help: "Diagrams: lr (one row), tb (one column), wrap (rows that fit a page) or auto (by size).")
  var layout: LayoutChoice = .auto

  @Flag(help: "DOT: leave practices out of the boxes.")
  var hidePractices = false

  @Flag(help: "DOT: leave metrics out of the boxes.")
  var hideMetrics = false

  @Option(help: "DOT: light or dark.")
  var theme: String = "light"

  @Option(help: "Items simulated for the Monte Carlo lead time (P50, P85, P95) in Markdown and JSON; 0 leaves it out.")
  var samples: Int = LeadTimeSimulation.defaultSamples

  @Option(help: "The name to report for standard input, and where its vstream.yml is looked for.")
  var stdinFilename: String?

  @OptionGroup
  var input: InputOptions

  @Option(help: "Colour the diagnostics on standard error: auto, always or never.")
  var color: Terminal.ColorChoice = .auto

  @Flag(help: "Build, then build again whenever a stream or vstream.yml changes, until Ctrl-C (needs --out).")
  var watch = false

  func validate() throws {
    if watch && out == nil { throw ValidationError("--watch writes files: give --out DIR") }
    if watch && paths.contains("-") { throw ValidationError("--watch cannot watch standard input") }
    guard DOTEmitter.Options.Theme(rawValue: theme) != nil else {
      throw ValidationError("--theme must be light or dark")
    }
    guard (0...10_000_000).contains(samples) else {
      throw ValidationError("--samples must be from 0 to 10,000,000")
    }
  }

  /// What `all` stands for: every format but PNG, which repeats the SVG as pixels.
  static let everyFormat: [Format] = [.dot, .md, .json, .svg, .vsm, .html, .archimate, .bpmn, .csv]

  /// The formats asked for, `all` spelt out where it stands (`--format all --format png` is all of them and PNG),
  /// each once.
  var formats: [Format] {
    var seen = Set<Format>()
    return format.flatMap { $0 == .all ? Self.everyFormat : [$0] }.filter { seen.insert($0).inserted }
  }

  func run() throws {
    guard watch else { return try buildOnce() }
    WatchedPaths.rebuildOnChange(paths) { try buildOnce() }
  }

  func buildOnce() throws {
    if let out, case .file = InputDiscovery.status(of: out) {
      throw CommandFailure("--out \(out) is a file, not a folder")
    }
    // The repository's other streams are read too: a step's `runs` takes its figures from a stream not built here.
    let inputs = try input.read(
      paths, standardInputName: stdinFilename, configPath: config, loadsConfiguration: true, readsReferences: true)
    // Said before any stream is checked: a usage error should not come after a screen of findings.
    if out == nil && (inputs.files.count > 1 || formats.count > 1) {
      throw CommandFailure("several streams or formats need --out DIR")
    }
    let results = Compiler.checkRepository(
      inputs.files, references: inputs.references, configuration: inputs.configuration(for:),
      options: input.parserOptions)
    // Only errors are shown: `check` is the command for warnings, and a build log should stay short.
    var engine = DiagnosticsEngine(inputs.configurationReports + inputs.refused)
    engine.add(results.filter { $0.stream == nil }.map { FileReport(file: $0.file, diagnostics: $0.diagnostics) })
    // The portfolio over what built, and, for a folder or several files, the findings of the checks a vstream.yml
    // asks for (shown like the rest: errors only).
    let portfolio = Compiler.portfolio(results, configuration: inputs.configuration(for:))
    if CheckCommand.isRepositoryRun(paths, files: inputs.files.count) {
      engine.add(portfolio.configurationReports)
      engine.add(
        portfolio.findings.keys.sorted().map {
          FileReport(file: results[$0].file, diagnostics: portfolio.findings[$0]!)
        })
    }
    Terminal.standardError.write(
      engine.humanDiagnostics(minimum: .error, colors: Terminal.standardError.usesColor(color)))
    let failed = engine.fails(warningsAreErrors: false) || results.contains { $0.stream == nil }
    var built = results.filter { $0.stream != nil }
    // The Monte Carlo lead time, for the pages and the JSON that print it; the pictures do not.
    if samples > 0, formats.contains(where: { [.md, .json, .html].contains($0) }) {
      let simulated = Compiler.simulate(built.map { $0.stream! }, samples: samples)
      for index in built.indices { built[index].stream = simulated[index] }
    }
    var renderingFailed = false
    let dotOptions = DOTEmitter.Options(
      lanes: lanes, layout: DOTEmitter.Options.Layout(rawValue: layout.rawValue), showPractices: !hidePractices,
      showMetrics: !hideMetrics,
      theme: DOTEmitter.Options.Theme(rawValue: theme)!)

    // The catalogue the site-wide pages name practices from: the first built file's.
    let siteCatalogue = built.first.map { inputs.configuration(for: $0.file).catalogue } ?? .itil
    if let out {
      // Render on every core (each stream and format is independent; Graphviz runs as one process per job), in a
      // fixed order, then write the batch. The HTML pages need the SVG: when svg is not asked for, it is rendered
      // for them and not written; with the light theme (the default) they also get a dark copy, for readers whose
      // browser asks for a dark page.
      let pageFormats = formats.filter { $0 != .html }
      let needsHiddenSVG = formats.contains(.html) && !formats.contains(.svg)
      let needsDarkSVG = formats.contains(.html) && dotOptions.theme == .light
      var jobs = built.flatMap { result in pageFormats.map { (result: result, format: $0, written: true, dark: false) }
      }
      if needsHiddenSVG { jobs += built.map { (result: $0, format: .svg, written: false, dark: false) } }
      if needsDarkSVG { jobs += built.map { (result: $0, format: .svg, written: false, dark: true) } }
      var rendered = [Result<[UInt8], Error>?](repeating: nil, count: jobs.count)
      let lock = NSLock()
      let progress = BuildProgress(total: jobs.count)
      DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
        let job = jobs[index]
        let catalogue = inputs.configuration(for: job.result.file).catalogue
        var options = dotOptions
        if job.dark { options.theme = .dark }
        let outcome = Result {
          try render(job.format, job.result, catalogue: catalogue, dot: options, svgAlongside: formats.contains(.svg))
        }
        lock.lock()
        rendered[index] = outcome
        lock.unlock()
        progress.advance()
      }
      progress.finish()
      var outputs: [AtomicWriter.Output] = []
      var svgs: [String: Result<[UInt8], Error>] = [:]
      var darkSVGs: [String: [UInt8]] = [:]
      // A format that could not be rendered (no Graphviz) is reported once and left out; everything else is written.
      var unavailable: [Format: String] = [:]
      for (index, job) in jobs.enumerated() {
        let id = job.result.stream!.id
        if job.format == .svg, job.dark {
          if case .success(let bytes) = rendered[index]! { darkSVGs[id] = bytes }
          continue
        }
        if job.format == .svg { svgs[id] = rendered[index]! }
        guard job.written else { continue }
        switch rendered[index]! {
        case .success(let bytes):
          outputs.append(AtomicWriter.Output(content: bytes, path: "\(out)/\(id).\(job.format.fileExtension)"))
        case .failure(let error):
          unavailable[job.format] = unavailable[job.format] ?? Self.reason(error)
        }
      }
      // Like index.md, the site's pages list what was built: nothing is written when nothing compiled.
      if formats.contains(.html) && !built.isEmpty {
        let html = HTMLEmitter()
        let streams = built.map { $0.stream! }
        for result in built {
          let stream = result.stream!
          let diagram: HTMLEmitter.Diagram
          switch svgs[stream.id] {
          case .success(let bytes):
            let light = String(decoding: bytes, as: UTF8.self)
            diagram =
              darkSVGs[stream.id].map { .themed(light: light, dark: String(decoding: $0, as: UTF8.self)) }
              ?? .svg(light)
          case .failure(let error): diagram = .missing(reason: Self.reason(error))
          case nil: diagram = .missing(reason: "no SVG was rendered")
          }
          let map =
            dotOptions.theme == .light
            ? HTMLEmitter.Diagram.themed(
              light: VSMEmitter().emit(stream), dark: VSMEmitter(options: .init(dark: true)).emit(stream))
            : .svg(VSMEmitter(options: .init(dark: true)).emit(stream))
          let page = html.page(
            stream, diagram: diagram, map: map, diagnostics: result.diagnostics,
            catalogue: inputs.configuration(for: result.file).catalogue)
          outputs.append(AtomicWriter.Output(content: Array(page.utf8), path: "\(out)/\(HTMLEmitter.pageName(stream))"))
        }
        let index = html.index(streams, portfolio: portfolio.portfolio, catalogue: siteCatalogue)
        outputs.append(AtomicWriter.Output(content: Array(index.utf8), path: "\(out)/index.html"))
        outputs.append(
          AtomicWriter.Output(content: Array(html.practiceMatrix(streams).utf8), path: "\(out)/practices.html"))
      }
      // The site-wide pages list what was built: when nothing was, there is nothing to list and nothing is written.
      if !built.isEmpty, built.count > 1 || inputs.files.count > 1 || paths.contains(where: isFolder) {
        let streams = built.map { $0.stream! }
        let catalogue = CatalogueEmitter()
        let index =
          catalogue.index(streams, diagramName: formats.contains(.svg) ? { "\($0.id).svg" } : nil) { "\($0.id).md" }
          + PortfolioEmitter().markdown(portfolio.portfolio, catalogue: siteCatalogue) { "\($0).md" }
        outputs.append(AtomicWriter.Output(content: Array(index.utf8), path: "\(out)/index.md"))
        outputs.append(
          AtomicWriter.Output(
            content: Array(PortfolioEmitter().json(portfolio.portfolio, catalogue: siteCatalogue).utf8),
            path: "\(out)/portfolio.json"))
        outputs.append(
          AtomicWriter.Output(content: Array(catalogue.practiceMatrix(streams).utf8), path: "\(out)/practices.md"))
      }
      let written = try AtomicWriter.writeAll(outputs)
      for (format, reason) in unavailable.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
        Terminal.standardError.write("error: no \(format.rawValue) written: \(reason)\n")
      }
      renderingFailed = !unavailable.isEmpty
      Terminal.standardError.write(
        "built \(built.count) stream\(built.count == 1 ? "" : "s") into \(out) (\(written) file\(written == 1 ? "" : "s") changed)\n"
      )
    } else {
      guard built.count <= 1, formats.count == 1 else {
        throw CommandFailure("several streams or formats need --out DIR")
      }
      guard formats[0] != .html else { throw CommandFailure("html writes a site of several pages: use --out DIR") }
      if let result = built.first {
        let configuration = inputs.configuration(for: result.file)
        if formats[0] == .png && Terminal.standardOutput.isTerminal {
          throw CommandFailure("PNG is binary: redirect standard output to a file, or use --out DIR")
        }
        Terminal.standardOutput.write(
          try render(formats[0], result, catalogue: configuration.catalogue, dot: dotOptions))
      }
    }
    if inputs.reportFailures() || renderingFailed { throw ExitCode(ExitStatus.usageOrIO.rawValue) }
    if failed { throw ExitCode(ExitStatus.findings.rawValue) }
  }

  func isFolder(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
  }

  /// One stream in one format, as bytes (PNG is binary).
  /// `svgAlongside`: an SVG of the same stream is written next to this output (the Markdown page links to it).
  func render(
    _ format: Format, _ result: Compiler.FileResult, catalogue: PracticeCatalogue, dot: DOTEmitter.Options,
    svgAlongside: Bool = false
  ) throws -> [UInt8] {
    let stream = result.stream!
    switch format {
    case .html: throw CommandFailure("html writes a site of several pages: use --out DIR")
    case .dot, .all: return Array(DOTEmitter(options: dot).emit(stream, catalogue: catalogue).utf8)
    case .vsm: return Array(VSMEmitter(options: .init(dark: dot.theme == .dark)).emit(stream).utf8)
    case .archimate: return Array(ArchiMateEmitter().emit(stream, catalogue: catalogue).utf8)
    case .bpmn: return Array(BPMNEmitter().emit(stream).utf8)
    case .csv: return Array(CSVEmitter().emit(stream).utf8)
    case .md:
      let options = MarkdownEmitter.Options(svgPath: svgAlongside ? "\(stream.id).svg" : nil)
      return Array(
        MarkdownEmitter(options: options).emit(
          stream, diagnostics: result.diagnostics, file: result.file, catalogue: catalogue
        ).utf8)
    case .json:
      return Array(
        JSONEmitter().emit(
          stream, diagnostics: result.diagnostics, file: result.file, rules: Compiler.rules, catalogue: catalogue
        ).utf8)
    case .svg, .png:
      let rendered = try Graphviz.render(
        DOTEmitter(options: dot).emit(stream, catalogue: catalogue), format: format.rawValue)
      guard format == .svg else { return rendered }
      return Array(GraphvizSVG.titlesFromTooltips(String(decoding: rendered, as: UTF8.self)).utf8)
    }
  }
}

extension DOTEmitter.Options.Lanes: ExpressibleByArgument {}

extension BuildCommand {
  /// The text of a rendering failure, for the page that shows it instead of the diagram.
  static func reason(_ error: Error) -> String {
    (error as? CommandFailure).map { "\($0)" } ?? "\(error)"
  }
}

/// "rendering 12/40" on standard error while a build runs, shown only after a second, only on a terminal and never
/// under CI (`CI` set), so that logs and pipes get no carriage returns. Cleared when the work is done.
/// `VSTREAM_PROGRESS_DELAY` (seconds) changes the second, so that scripts/render-check.sh can see it on a fast build.
final class BuildProgress: @unchecked Sendable {
  private let total: Int
  private var done = 0
  private var shown = false
  private var finished = false
  private let lock = NSLock()
  private let enabled: Bool
  private let delay: Double
  private let start = Date()

  init(total: Int, environment: [String: String] = ProcessInfo.processInfo.environment) {
    self.total = total
    enabled = Terminal.standardError.isTerminal && (environment["CI"] ?? "").isEmpty && total > 1
    delay = environment["VSTREAM_PROGRESS_DELAY"].flatMap(Double.init) ?? 1
  }

  func advance() {
    guard enabled else { return }
    lock.lock()
    defer { lock.unlock() }
    done += 1
    guard !finished, Date().timeIntervalSince(start) >= delay else { return }
    shown = true
    Terminal.standardError.write("\rrendering \(done)/\(total)")
  }

  func finish() {
    lock.lock()
    defer { lock.unlock() }
    finished = true
    if shown { Terminal.standardError.write("\r\u{1B}[K") }
  }
}
