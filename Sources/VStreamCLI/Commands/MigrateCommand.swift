import ArgumentParser
import VStream
import VStreamModel
import VStreamSource

/// `vstream migrate --to itil5 FILE…`: moves streams to another framework through `Compiler.migrate`, writing each
/// changed file atomically and printing what is left for a person to choose.
struct MigrateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "migrate",
    abstract: "Move streams to another ITIL framework: rewrite the activities that map one to one, set `framework:`.",
    discussion: """
      Each activity with one counterpart in the target framework is rewritten and the front matter's `framework:` \
      is set; an activity with several (ITIL 4's deliver-and-support is Version 5's operate, deliver or support) \
      is left as written and reported (VS450) with each counterpart as a fix to choose from. Only the changed \
      words are edited, so comments and layout stay; running it again changes nothing. The correspondence is \
      vstream's own, not ITIL's (`vstream explain VS450`). A file with syntax errors is never rewritten.

      Examples:
        vstream migrate --to itil5 streams/
        vstream migrate --to itil5 --check restore.vstream   # list the files it would change, exit 1 if any
        vstream migrate --to itil5 --diff restore.vstream    # show the changes

      \(ExitStatus.documentation)
      """)

  @Option(help: "The framework to move to: itil5 or itil4.")
  var to: FrameworkOption

  @Argument(help: "Files or folders.")
  var paths: [String] = ["."]

  @Flag(help: "Do not write; list the files that would change and exit 1 if there are any.")
  var check = false

  @Flag(help: "Do not write; print a unified diff of the changes.")
  var diff = false

  @Option(help: "Use this vstream.yml instead of the nearest one above each file (its `framework` is the default).")
  var config: String?

  @OptionGroup
  var input: InputOptions

  @Option(help: "Colour the diagnostics on standard error: auto, always or never.")
  var color: Terminal.ColorChoice = .auto

  func run() throws {
    let inputs = try input.read(paths, standardInputName: nil, configPath: config, loadsConfiguration: true)
    let colors = Terminal.standardError.usesColor(color)
    var engine = DiagnosticsEngine(inputs.refused)
    var changed: [String] = []
    var refused: [String] = []
    for file in inputs.files {
      let result = Compiler.migrate(
        file, to: to.framework, configuration: inputs.configuration(for: file), parserOptions: input.parserOptions)
      switch result {
      case .refused(let diagnostics):
        engine.add([FileReport(file: file, diagnostics: diagnostics)])
        refused.append(file.path)
      case .migrated(let text, let diagnostics):
        let new = SourceFile(path: file.path, bytes: Array(text.utf8))
        if !diagnostics.isEmpty { engine.add([FileReport(file: new, diagnostics: diagnostics)]) }
        guard !file.bytes.elementsEqual(new.bytes) else { continue }
        changed.append(file.path)
        try Rewrite(check: check, diff: diff, verb: "migrated to \(to.framework.name):").apply(text, to: file)
      }
    }
    Terminal.standardError.write(engine.humanDiagnostics(minimum: .note, colors: colors))
    for path in refused { Terminal.standardError.write("\(path): not migrated because it has errors\n") }
    let choices = engine.reports.reduce(0) { $0 + $1.diagnostics.filter { $0.code == .migrationChoice }.count }
    if choices > 0 {
      Terminal.standardError.write(
        "\(choices == 1 ? "1 step needs" : "\(choices) steps need") a person's choice; "
          + "`vstream check` reports \(choices == 1 ? "it" : "them") (VS350) until then\n")
    }
    if inputs.reportFailures() { throw ExitCode(ExitStatus.usageOrIO.rawValue) }
    if !refused.isEmpty || !inputs.refused.isEmpty || ((check || diff) && !changed.isEmpty) {
      throw ExitCode(ExitStatus.findings.rawValue)
    }
  }
}
