import ArgumentParser
import Foundation
import VStream
import VStreamSource

struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Check value streams against the language and the ITIL 4 rules.",
    discussion: """
      PATH is a .vstream file, a folder (searched recursively for .vstream files, skipping hidden folders, .build \
      and node_modules), or - for standard input. Each file uses the nearest vstream.yml above it, unless --config \
      is given.

      Examples:
        vstream check streams/
        vstream check --format gcc streams/restore.vstream
        vstream check --format github --format sarif=vstream.sarif .
        vstream check --werror --quiet .
        vstream check - --stdin-filename streams/a.vstream < a.vstream

      Formats (--format is repeatable; FORMAT=FILE writes to FILE instead):
        human   snippets with carets and a summary line (the default)
        gcc     file:line:col: severity: message [CODE], for problem matchers
        github  workflow commands (annotations on the pull request); with
                GITHUB_STEP_SUMMARY set, also a table in the job summary
        sarif   SARIF 2.1.0 for code scanning; keeps suppressed findings
        json    vstream-diagnostics/1 (specs/vstream.schema.json); keeps
                suppressed findings

      Findings go to standard output; problems with the tool itself (unreadable files, bad options) go to standard \
      error. Findings silenced by `# vstream: allow` comments are never shown or counted in human, gcc or github.

      Colour: --color auto (the default) colours only when standard output is a terminal and NO_COLOR is unset or \
      empty; a non-empty FORCE_COLOR turns it on; --color always/never overrides both.

      \(ExitStatus.documentation)
      """)

  @Argument(help: "Files, folders or - (standard input).")
  var paths: [String] = ["."]

  @Option(
    name: .customLong("format"),
    help: "human, gcc, github, sarif or json; FORMAT=FILE writes that format to FILE. Repeatable. (default: human)")
  var formats: [ReportRequest] = []

  @Option(help: "The configuration file (default: the nearest vstream.yml above each file).")
  var config: String?

  @Flag(help: "Fail (exit 1) on warnings too.")
  var werror = false

  @Flag(help: "Apply the safe fixes (aliases to ids, repeats removed...) to the files, then report what remains.")
  var fix = false

  @Flag(help: "With --fix, also apply a did-you-mean when it is a finding's only candidate.")
  var unsafeFixes = false

  @Flag(name: .shortAndLong, help: "Human format: show only errors, and the summary line.")
  var quiet = false

  @Option(help: "auto, always or never.")
  var color: Terminal.ColorChoice = .auto

  @Option(help: "The name to report for standard input, and where its vstream.yml is looked for.")
  var stdinFilename: String?

  @OptionGroup
  var input: InputOptions

  func validate() throws {
    if unsafeFixes && !fix { throw ValidationError("--unsafe-fixes goes with --fix") }
  }

  func run() throws {
    // The repository's other streams are read too, so that a run of some files knows the streams they name.
    var inputs = try input.read(
      paths, standardInputName: stdinFilename, configPath: config, loadsConfiguration: true, readsReferences: true)
    var failures: [String] = []
    if fix { failures += applyFixes(to: &inputs) }
    var engine = DiagnosticsEngine(inputs.configurationReports + inputs.refused)
    // The portfolio checks judge a repository, so they run over a folder or several files (not the one file an
    // editor or a hook checks), and need every stream's model: only when a vstream.yml asks, so that a plain check
    // builds no model.
    if Self.isRepositoryRun(paths, files: inputs.files.count),
      inputs.files.contains(where: { !inputs.configuration(for: $0).portfolio.isEmpty })
    {
      var results = Compiler.checkRepository(
        inputs.files, references: inputs.references, configuration: inputs.configuration(for:),
        options: input.parserOptions)
      let portfolio = Compiler.portfolio(results, configuration: inputs.configuration(for:))
      for (index, findings) in portfolio.findings {
        results[index].diagnostics = Diagnostic.normalized(results[index].diagnostics + findings)
      }
      engine.add(results.map { FileReport(file: $0.file, diagnostics: $0.diagnostics) })
      engine.add(portfolio.configurationReports)
    } else {
      engine.add(
        Compiler.diagnoseRepository(
          inputs.files, references: inputs.references, configuration: inputs.configuration(for:),
          options: input.parserOptions))
    }

    let requests = formats.isEmpty ? [ReportRequest(format: .human)] : formats
    for request in requests {
      if let path = request.path {
        do {
          try AtomicWriter.write(engine.render(request.format), to: path)
        } catch let failure as CommandFailure {
          failures.append(failure.description)
        }
      } else {
        let colors = request.format == .human && Terminal.standardOutput.usesColor(color)
        Terminal.standardOutput.write(engine.render(request.format, colors: colors, quiet: quiet))
      }
    }
    if requests.contains(where: { $0.format == .github }),
      let summaryPath = ProcessInfo.processInfo.environment["GITHUB_STEP_SUMMARY"], !summaryPath.isEmpty
    {
      if let problem = Terminal.append(engine.stepSummary, to: summaryPath) {
        failures.append("\(summaryPath) (GITHUB_STEP_SUMMARY): \(problem)")
      }
    }
    let hadInputFailures = inputs.reportFailures()
    for failure in failures { Terminal.standardError.write("error: \(failure)\n") }
    if hadInputFailures || !failures.isEmpty { throw ExitCode(ExitStatus.usageOrIO.rawValue) }
    if engine.fails(warningsAreErrors: werror) { throw ExitCode(ExitStatus.findings.rawValue) }
  }

  /// Fixes each file (not standard input, which has nowhere to be written back), writes it atomically, and puts the
  /// fixed text in its place among the inputs, so that the report is about the files as they now are. Says on
  /// standard error how many fixes went into how many files; returns the files that could not be written.
  private func applyFixes(to inputs: inout Inputs) -> [String] {
    var (fixes, files, failures) = (0, 0, [String]())
    for (index, file) in inputs.files.enumerated() where index != inputs.standardInputIndex {
      let fixed = Compiler.fixing(
        file, configuration: inputs.configuration(for: file), options: input.parserOptions, unsafe: unsafeFixes)
      guard let bytes = fixed.bytes else { continue }
      do {
        try AtomicWriter.write(bytes, to: file.path)
        inputs.replaceFile(at: index, bytes: bytes)
        (fixes, files) = (fixes + fixed.applied, files + 1)
      } catch let failure as CommandFailure {
        failures.append(failure.description)
      } catch {
        failures.append("\(file.path): \(error)")
      }
    }
    Terminal.standardError.write(
      "fixed \(fixes) problem\(fixes == 1 ? "" : "s") in \(files) file\(files == 1 ? "" : "s")\n")
    return failures
  }
}

extension CheckCommand {
  /// Whether a run reads a repository rather than single files: a folder, or more than one file.
  static func isRepositoryRun(_ paths: [String], files: Int) -> Bool {
    files > 1
      || paths.contains { path in
        if case .folder = InputDiscovery.status(of: path) { return true }
        return false
      }
  }
}
