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

  @Option(help: "The name to report for standard input.")
  var stdinFilename: String?

  func validate() throws {
    guard DOTEmitter.Options.Theme(rawValue: theme) != nil else { throw ValidationError("--theme must be light or dark") }
  }

  var formats: [Format] {
    let chosen = format.contains(.all) ? [.dot, .md, .json, .svg] : format
    var seen = Set<Format>()
    return chosen.filter { seen.insert($0).inserted }
  }

  func run() throws {
    let inputs = try Inputs(paths: paths, stdinName: stdinFilename, maxFileSize: Inputs.defaultMaxFileSize, configPath: config)
    let results = Compiler.checkRepository(inputs.files, configuration: inputs.configuration(for:))
    let renderer = HumanRenderer(options: .init(colors: Terminal.standardError.usesColor(.auto)))
    var failed = false
    for report in inputs.configurationReports + inputs.tooLarge {
      for diagnostic in report.diagnostics where diagnostic.severity == .error {
        failed = true
        Terminal.standardError.write(renderer.render(diagnostic, in: report.file) + "\n")
      }
    }
    for result in results where result.stream == nil {
      failed = true
      for diagnostic in result.diagnostics where diagnostic.severity == .error && !diagnostic.isSuppressed {
        Terminal.standardError.write(renderer.render(diagnostic, in: result.file) + "\n")
      }
    }
    let built = results.filter { $0.stream != nil }
    let dotOptions = DOTEmitter.Options(
      lanes: lanes, showPractices: !hidePractices, showMetrics: !hideMetrics, theme: DOTEmitter.Options.Theme(rawValue: theme)!)

    if let out = out {
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: out, isDirectory: &isDirectory), !isDirectory.boolValue {
        throw CommandFailure("--out \(out) is a file, not a folder")
      }
      var written = 0
      for result in built {
        let stream = result.stream!
        let configuration = inputs.configuration(for: result.file)
        for format in formats {
          let content = try render(format, result, catalogue: configuration.catalogue, dot: dotOptions)
          if try AtomicWriter.write(content, to: "\(out)/\(stream.id).\(format.rawValue)") { written += 1 }
        }
      }
      if built.count > 1 || inputs.files.count > 1 || paths.contains(where: isFolder) {
        let streams = built.map { $0.stream! }
        let catalogue = CatalogueEmitter()
        if try AtomicWriter.write(catalogue.index(streams) { "\($0.id).md" }, to: "\(out)/index.md") { written += 1 }
        if try AtomicWriter.write(catalogue.practiceMatrix(streams), to: "\(out)/practices.md") { written += 1 }
      }
      Terminal.standardError.write("built \(built.count) stream\(built.count == 1 ? "" : "s") into \(out) (\(written) file\(written == 1 ? "" : "s") changed)\n")
    } else {
      guard built.count <= 1, formats.count == 1 else {
        throw CommandFailure("several streams or formats need --out DIR")
      }
      if let result = built.first {
        let configuration = inputs.configuration(for: result.file)
        let content = try render(formats[0], result, catalogue: configuration.catalogue, dot: dotOptions)
        if formats[0] == .png {
          FileHandle.standardOutput.write(Data(content.utf8))
        } else {
          Terminal.standardOutput.write(content)
        }
      }
    }
    if inputs.reportFailures() { throw ExitCode(ExitStatus.usageOrIO.rawValue) }
    if failed { throw ExitCode(ExitStatus.findings.rawValue) }
  }

  func isFolder(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
  }

  func render(_ format: Format, _ result: Compiler.FileResult, catalogue: PracticeCatalogue, dot: DOTEmitter.Options) throws -> String {
    let stream = result.stream!
    switch format {
    case .dot, .all: return DOTEmitter(options: dot).emit(stream, catalogue: catalogue)
    case .md: return MarkdownEmitter().emit(stream, diagnostics: result.diagnostics, file: result.file, catalogue: catalogue)
    case .json:
      return JSONEmitter().emit(stream, diagnostics: result.diagnostics, file: result.file, rules: Compiler.rules, catalogue: catalogue)
    case .svg: return try Graphviz.render(DOTEmitter(options: dot).emit(stream, catalogue: catalogue), format: "svg")
    case .png: throw CommandFailure("png output is binary: use --out DIR, or `--format dot | dot -Tpng`")
    }
  }
}

/// Runs Graphviz's `dot` to render DOT as SVG.
enum Graphviz {
  static func render(_ dot: String, format: String) throws -> String {
    guard let executable = locate("dot") else {
      throw CommandFailure("Graphviz's `dot` is not installed; install it with `apt-get install graphviz` (or use --format dot)")
    }
    // dot reads and writes temporary files rather than pipes, so that no size of graph or of warnings can fill a pipe
    // and block either side.
    let folder = NSTemporaryDirectory() + "vstream-dot-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let input = folder + "/in.dot"
    let output = folder + "/out.\(format)"
    let errors = folder + "/errors.txt"
    guard FileManager.default.createFile(atPath: input, contents: Data(dot.utf8)),
      FileManager.default.createFile(atPath: errors, contents: nil), let errorHandle = FileHandle(forWritingAtPath: errors)
    else { throw CommandFailure("cannot write temporary files in \(NSTemporaryDirectory())") }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = ["-T\(format)", input, "-o", output]
    process.standardError = errorHandle
    try process.run()
    process.waitUntilExit()
    try? errorHandle.close()
    let messages = (try? String(contentsOfFile: errors, encoding: .utf8)) ?? ""
    guard process.terminationStatus == 0, let data = FileManager.default.contents(atPath: output) else {
      throw CommandFailure("dot failed: \(messages)")
    }
    if !messages.isEmpty { Terminal.standardError.write("dot: \(messages)") }
    return String(decoding: data, as: UTF8.self)
  }

  static func locate(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for folder in path.split(separator: ":") {
      let candidate = "\(folder)/\(name)"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }
}
