import ArgumentParser
import Foundation
import VStream
import VStreamSource

/// A report format, optionally written to a file: `sarif=out.sarif`.
struct ReportRequest: ExpressibleByArgument {
  enum Format: String, CaseIterable {
    case human, gcc, github, sarif, json
  }

  var format: Format
  var path: String?

  init?(argument: String) {
    let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
    guard let format = Format(rawValue: parts[0]) else { return nil }
    self.format = format
    self.path = parts.count == 2 ? parts[1] : nil
  }

  static var allValueStrings: [String] { Format.allCases.map(\.rawValue) }
}

struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Check value streams against the language and the ITIL 4 rules.",
    discussion: """
      PATH is a .vstream file, a folder (searched for .vstream files, skipping hidden folders, .build and \
      node_modules), or - for standard input. Each file uses the nearest vstream.yml above it unless --config is given.

      Examples:
        vstream check streams/
        vstream check --format gcc streams/restore.vstream
        vstream check --format github --format sarif=vstream.sarif .
        cat restore.vstream | vstream check - --stdin-filename streams/restore.vstream

      Formats: human (snippets, colour on a terminal, a summary line), gcc (file:line:col: severity: message [CODE]), \
      github (workflow commands: annotations on the pull request; also a summary in $GITHUB_STEP_SUMMARY), sarif \
      (SARIF 2.1.0 for code scanning), json (vstream-diagnostics/1). Findings go to standard output; problems with \
      the tool itself go to standard error.

      \(ExitStatus.documentation)
      """)

  @Argument(help: "Files, folders or - (standard input).")
  var paths: [String] = ["."]

  @Option(name: .customLong("format"), help: "human, gcc, github, sarif or json; FORMAT=FILE writes that format to FILE. Repeatable.")
  var formats: [ReportRequest] = []

  @Option(help: "The configuration file (default: the nearest vstream.yml above each file).")
  var config: String?

  @Flag(help: "Treat warnings as errors for the exit status.")
  var werror = false

  @Flag(name: .shortAndLong, help: "Human format: show only errors and the summary.")
  var quiet = false

  @Option(help: "auto, always or never. auto colours on a terminal unless NO_COLOR is set (FORCE_COLOR forces it).")
  var color: String = "auto"

  @Option(help: "The name to report for standard input.")
  var stdinFilename: String?

  @Option(help: "Refuse files larger than this many bytes.")
  var maxFileSize: Int = Inputs.defaultMaxFileSize

  func validate() throws {
    guard Terminal.ColorChoice(rawValue: color) != nil else {
      throw ValidationError("--color must be auto, always or never")
    }
  }

  func run() throws {
    let inputs = try Inputs(paths: paths, stdinName: stdinFilename, maxFileSize: maxFileSize, configPath: config)
    let results = Compiler.checkRepository(inputs.files, configuration: inputs.configuration(for:))
    let reports = inputs.configurationReports + inputs.tooLarge + results.map { FileReport(file: $0.file, diagnostics: $0.diagnostics) }
    let requests = formats.isEmpty ? [ReportRequest(argument: "human")!] : formats
    let files = Dictionary(reports.map { ($0.file.path, $0.file) }, uniquingKeysWith: { first, _ in first })
    for request in requests {
      let text = render(request.format, reports, files: files, toTerminal: request.path == nil)
      if let path = request.path {
        try AtomicWriter.write(text, to: path)
      } else {
        Terminal.standardOutput.write(text)
      }
    }
    if requests.contains(where: { $0.format == .github }), let summaryPath = ProcessInfo.processInfo.environment["GITHUB_STEP_SUMMARY"],
      !summaryPath.isEmpty, let handle = FileHandle(forWritingAtPath: summaryPath)
    {
      handle.seekToEndOfFile()
      handle.write(Data(GitHubRenderer.summary(reports).utf8))
      try? handle.close()
    }
    let hadFailures = inputs.reportFailures()
    let summary = ReportSummary(reports)
    if hadFailures { throw ExitCode(ExitStatus.usageOrIO.rawValue) }
    if summary.errors > 0 || (werror && summary.warnings > 0) { throw ExitCode(ExitStatus.findings.rawValue) }
  }

  func render(_ format: ReportRequest.Format, _ reports: [FileReport], files: [String: SourceFile], toTerminal: Bool) -> String {
    let names = Dictionary(Compiler.rules.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
    let visible = reports.map { report in
      (report.file, report.diagnostics.filter { !$0.isSuppressed && (!quiet || $0.severity == .error) })
    }
    switch format {
    case .human:
      let colors = toTerminal && Terminal.standardOutput.usesColor(Terminal.ColorChoice(rawValue: color) ?? .auto)
      let renderer = HumanRenderer(options: .init(colors: colors))
      var out = ""
      for (file, diagnostics) in visible {
        for diagnostic in diagnostics { out += renderer.render(diagnostic, in: file, otherFiles: files) + "\n" }
      }
      return out + ReportSummary(reports).line + "\n"
    case .gcc:
      return visible.flatMap { file, diagnostics in diagnostics.map { ShortRenderer.render($0, in: file) + "\n" } }.joined()
    case .github:
      return visible.flatMap { file, diagnostics in diagnostics.map { GitHubRenderer.render($0, in: file, name: names[$0.code]) + "\n" } }.joined()
    case .sarif:
      return SARIFRenderer.render(reports, rules: Compiler.rules, version: VStreamCommand.version)
    case .json:
      return DiagnosticsJSON.render(reports, rules: Compiler.rules)
    }
  }
}
