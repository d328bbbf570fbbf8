import ArgumentParser
import Foundation
import VStream
import VStreamSource

struct ParseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "parse",
    abstract: "Print a file's syntax tree as JSON (for debugging and tests).",
    discussion: """
      Diagnostics go to standard error in the human format; the tree (vstream-syntax/1) to standard output, even \
      when the file has errors.

      Example:
        vstream parse streams/restore.vstream

      \(ExitStatus.documentation)
      """)

  @Argument(help: "A .vstream file, or - for standard input.")
  var path: String

  @Option(help: "The name to report for standard input.")
  var stdinFilename: String?

  @OptionGroup
  var input: InputOptions

  @Option(help: "Colour the diagnostics on standard error: auto, always or never.")
  var color: Terminal.ColorChoice = .auto

  func run() throws {
    if case .folder = InputDiscovery.status(of: path) {
      throw CommandFailure("\(path) is a folder; parse takes one file")
    }
    let inputs = try input.read([path], standardInputName: stdinFilename)
    if inputs.reportFailures() { throw ExitCode(ExitStatus.usageOrIO.rawValue) }
    var engine = DiagnosticsEngine(inputs.refused)
    if let file = inputs.files.first {
      let parsed = Compiler.parse(file, options: input.parserOptions)
      engine.add([FileReport(file: file, diagnostics: parsed.diagnostics)])
      Terminal.standardOutput.write(parsed.json.rendered())
    }
    Terminal.standardError.write(
      engine.humanDiagnostics(minimum: .note, colors: Terminal.standardError.usesColor(color)))
    if engine.fails(warningsAreErrors: false) { throw ExitCode(ExitStatus.findings.rawValue) }
  }
}
