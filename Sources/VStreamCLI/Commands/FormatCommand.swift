import ArgumentParser
import Foundation
import VStream
import VStreamSource

struct FormatCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "fmt",
    abstract: "Rewrite .vstream files in the canonical layout (specs/formatting.md).",
    discussion: """
      Every comment is kept, the front matter is kept byte for byte, and a file with syntax errors is never \
      rewritten (its errors are printed and the exit status is 1). Files are replaced atomically.

      Examples:
        vstream fmt streams/
        vstream fmt --check .          # CI: list unformatted files, exit 1 if any
        vstream fmt --diff streams/    # show what would change
        vstream fmt - < a.vstream      # editors: standard input to standard output

      \(ExitStatus.documentation)
      """)

  @Argument(help: "Files, folders or - (standard input to standard output).")
  var paths: [String] = ["."]

  @Flag(help: "Do not write; list the files that are not formatted and exit 1 if there are any.")
  var check = false

  @Flag(help: "Do not write; print a unified diff of the changes.")
  var diff = false

  @Option(help: "Wrap flow chains longer than this many columns.")
  var flowWidth: Int = 100

  @Option(help: "The name to report for standard input.")
  var stdinFilename: String?

  @OptionGroup
  var input: InputOptions

  @Option(help: "Colour the diagnostics on standard error: auto, always or never.")
  var color: Terminal.ColorChoice = .auto

  func validate() throws {
    guard flowWidth > 0 else { throw ValidationError("--flow-width must be a positive number of columns") }
  }

  func run() throws {
    // The configuration only matters under the legacy `hours-per-day` setting, whose `d` and `w` fmt writes as the
    // working units they mean. The nearest `vstream.yml` also says which
    // framework a file without `framework:` follows (`build` is an alias in ITIL 4 and an id in Version 5).
    let inputs = try input.read(paths, standardInputName: stdinFilename, loadsConfiguration: true)
    let colors = Terminal.standardError.usesColor(color)
    var refused = DiagnosticsEngine(inputs.refused)
    var unformatted: [String] = []
    for (index, file) in inputs.files.enumerated() {
      let configuration = inputs.configuration(for: file)
      let options = FormatOptions(
        flowWidth: flowWidth, daysAsWorkingDays: configuration.durationSettings.calendarUnitsAreRedefined,
        framework: configuration.framework)
      switch Compiler.format(file, options: options, parserOptions: input.parserOptions) {
      case .syntaxErrors(let diagnostics):
        refused.add([FileReport(file: file, diagnostics: diagnostics)])
      case .formatted(let text):
        // Standard input is formatted to standard output, for editors, whether or not it changes.
        if index == inputs.standardInputIndex && !check && !diff {
          Terminal.standardOutput.write(text)
          continue
        }
        guard !file.bytes.elementsEqual(Array(text.utf8)) else { continue }
        unformatted.append(file.path)
        try Rewrite(check: check, diff: diff, verb: "formatted").apply(text, to: file)
      }
    }
    // A file that does not parse (or was not read) is never rewritten: its errors are shown and the run fails.
    Terminal.standardError.write(refused.humanDiagnostics(minimum: .error, colors: colors))
    for report in refused.reports {
      Terminal.standardError.write("\(report.file.path): not formatted because it has errors\n")
    }
    if check && !unformatted.isEmpty { Terminal.standardError.write(Self.whatToRun(unformatted, paths: paths)) }
    if inputs.reportFailures() { throw ExitCode(ExitStatus.usageOrIO.rawValue) }
    if !refused.reports.isEmpty || ((check || diff) && !unformatted.isEmpty) {
      throw ExitCode(ExitStatus.findings.rawValue)
    }
  }

  /// What `--check` says after listing the unformatted files: how many, and the command that formats them (the files
  /// themselves when they are few, else the paths given).
  static func whatToRun(_ unformatted: [String], paths: [String]) -> String {
    let targets = unformatted.count <= 5 ? unformatted : paths
    let command = "vstream fmt " + targets.map(shellQuoted).joined(separator: " ")
    let count = unformatted.count == 1 ? "1 file is" : "\(unformatted.count) files are"
    return "\(count) not formatted: run `\(command)` to format, or `vstream fmt --diff` to see the changes\n"
  }

  /// A path as a shell reads it back: quoted when it holds anything but letters, digits and `/._-+,:@`.
  static func shellQuoted(_ path: String) -> String {
    let plain = path.unicodeScalars.allSatisfy {
      $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "/._-+,:@".unicodeScalars.contains($0))
    }
    return plain && !path.isEmpty ? path : "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}
