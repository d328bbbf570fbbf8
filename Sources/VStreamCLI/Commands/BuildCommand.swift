import ArgumentParser
import Foundation
import VStream
import VStreamEmit
import VStreamModel
import VStreamSource

struct BuildCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "build",
    abstract: "Compile value streams to Graphviz DOT, Markdown (with a Mermaid diagram), JSON, SVG or PNG.",
    discussion: """
      With --out, writes one file per stream and format (named after the stream's id) and, for several streams, \
      index.md (the catalogue) and practices.md (the practice matrix). Without --out, a single stream in one format \
      goes to standard output. Files are written atomically and only when their content changes. Streams with \
      errors are reported (on standard error) and not built. svg and png need Graphviz's `dot` \
      (apt-get install graphviz).

      Examples:
        vstream build streams/ --format all --out site/
        vstream build streams/restore.vstream --format dot | dot -Tsvg > restore.svg
        vstream build streams/ --format md --lanes --out docs/streams/

      \(ExitStatus.documentation)
      """)

  enum Format: String, CaseIterable, ExpressibleByArgument {
    case dot, md, json, svg, png, all
  }

  @Argument(help: "Files, folders or - (standard input).")
  var paths: [String] = ["."]

  @Option(help: "dot, md, json, svg, png or all. Repeatable.")
  var format: [Format] = [.md]

  @Option(help: "The output folder (created if missing).")
  var out: String?

  @Option(help: "The configuration file (default: the nearest vstream.yml above each file).")
  var config: String?

  @Flag(help: "DOT: group steps into lanes by activity.")
  var lanes = false

  @Flag(help: "DOT: leave practices out of the boxes.")
  var hidePractices = false

  @Flag(help: "DOT: leave metrics out of the boxes.")
  var hideMetrics = false

  @Option(help: "DOT: light or dark.")
  var theme: String = "light"

  @Option(help: "The name to report for standard input, and where its vstream.yml is looked for.")
  var stdinFilename: String?

  @OptionGroup
  var input: InputOptions

  @Option(help: "Colour the diagnostics on standard error: auto, always or never.")
  var color: Terminal.ColorChoice = .auto

  func validate() throws {
    guard DOTEmitter.Options.Theme(rawValue: theme) != nil else {
      throw ValidationError("--theme must be light or dark")
    }
  }

  var formats: [Format] {
    let chosen = format.contains(.all) ? [.dot, .md, .json, .svg] : format
    var seen = Set<Format>()
    return chosen.filter { seen.insert($0).inserted }
  }

  func run() throws {
    if let out, case .file = InputDiscovery.status(of: out) {
      throw CommandFailure("--out \(out) is a file, not a folder")
    }
    let inputs = try input.read(paths, standardInputName: stdinFilename, configPath: config, loadsConfiguration: true)
    let results = Compiler.checkRepository(
      inputs.files, configuration: inputs.configuration(for:), options: input.parserOptions)
    // Only errors are shown: `check` is the command for warnings, and a build log should stay short.
    var engine = DiagnosticsEngine(inputs.configurationReports + inputs.refused)
    engine.add(results.filter { $0.stream == nil }.map { FileReport(file: $0.file, diagnostics: $0.diagnostics) })
    Terminal.standardError.write(
      engine.humanDiagnostics(minimum: .error, colors: Terminal.standardError.usesColor(color)))
    let failed = engine.fails(warningsAreErrors: false) || results.contains { $0.stream == nil }
    let built = results.filter { $0.stream != nil }
    let dotOptions = DOTEmitter.Options(
      lanes: lanes, showPractices: !hidePractices, showMetrics: !hideMetrics,
      theme: DOTEmitter.Options.Theme(rawValue: theme)!)

    if let out {
      // Render on every core (each stream and format is independent), in a fixed order, then write the batch.
      let jobs = built.flatMap { result in formats.map { (result: result, format: $0) } }
      var rendered = [Result<[UInt8], Error>?](repeating: nil, count: jobs.count)
      let lock = NSLock()
      DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
        let job = jobs[index]
        let catalogue = inputs.configuration(for: job.result.file).catalogue
        let outcome = Result { try render(job.format, job.result, catalogue: catalogue, dot: dotOptions) }
        lock.lock()
        rendered[index] = outcome
        lock.unlock()
      }
      var outputs: [AtomicWriter.Output] = []
      for (index, job) in jobs.enumerated() {
        outputs.append(
          AtomicWriter.Output(
            content: try rendered[index]!.get(), path: "\(out)/\(job.result.stream!.id).\(job.format.rawValue)"))
      }
      // The site-wide pages list what was built: when nothing was, there is nothing to list and nothing is written.
      if !built.isEmpty, built.count > 1 || inputs.files.count > 1 || paths.contains(where: isFolder) {
        let streams = built.map { $0.stream! }
        let catalogue = CatalogueEmitter()
        outputs.append(
          AtomicWriter.Output(content: Array(catalogue.index(streams) { "\($0.id).md" }.utf8), path: "\(out)/index.md"))
        outputs.append(
          AtomicWriter.Output(content: Array(catalogue.practiceMatrix(streams).utf8), path: "\(out)/practices.md"))
      }
      let written = try AtomicWriter.writeAll(outputs)
      Terminal.standardError.write(
        "built \(built.count) stream\(built.count == 1 ? "" : "s") into \(out) (\(written) file\(written == 1 ? "" : "s") changed)\n"
      )
    } else {
      guard built.count <= 1, formats.count == 1 else {
        throw CommandFailure("several streams or formats need --out DIR")
      }
      if let result = built.first {
        let configuration = inputs.configuration(for: result.file)
        if formats[0] == .png && Terminal.standardOutput.isTerminal {
          throw CommandFailure("PNG is binary: redirect standard output to a file, or use --out DIR")
        }
        Terminal.standardOutput.write(
          try render(formats[0], result, catalogue: configuration.catalogue, dot: dotOptions))
      }
    }
    if inputs.reportFailures() { throw ExitCode(ExitStatus.usageOrIO.rawValue) }
    if failed { throw ExitCode(ExitStatus.findings.rawValue) }
  }

  func isFolder(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
  }

  /// One stream in one format, as bytes (PNG is binary).
  func render(_ format: Format, _ result: Compiler.FileResult, catalogue: PracticeCatalogue, dot: DOTEmitter.Options)
    throws -> [UInt8]
  {
    let stream = result.stream!
    switch format {
    case .dot, .all: return Array(DOTEmitter(options: dot).emit(stream, catalogue: catalogue).utf8)
    case .md:
      return Array(
        MarkdownEmitter().emit(stream, diagnostics: result.diagnostics, file: result.file, catalogue: catalogue).utf8)
    case .json:
      return Array(
        JSONEmitter().emit(
          stream, diagnostics: result.diagnostics, file: result.file, rules: Compiler.rules, catalogue: catalogue
        ).utf8)
    case .svg, .png:
      return try Graphviz.render(DOTEmitter(options: dot).emit(stream, catalogue: catalogue), format: format.rawValue)
    }
  }
}
