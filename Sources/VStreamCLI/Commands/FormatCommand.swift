import ArgumentParser
import Foundation
import VStream
import VStreamFormat
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

  func run() throws {
    let inputs = try Inputs(
      paths: paths, stdinName: stdinFilename ?? "<stdin>", maxFileSize: Inputs.defaultMaxFileSize, configPath: nil,
      loadsConfiguration: false)
    let renderer = HumanRenderer(options: .init(colors: Terminal.standardError.usesColor(.auto)))
    let fromStandardInput = paths == ["-"]
    var unformatted: [String] = []
    var failed = false
    for file in inputs.files {
      switch Compiler.format(file, options: FormatOptions(flowWidth: flowWidth)) {
      case .syntaxErrors(let diagnostics):
        failed = true
        for diagnostic in diagnostics { Terminal.standardError.write(renderer.render(diagnostic, in: file) + "\n") }
        Terminal.standardError.write("\(file.path): not formatted because it has syntax errors\n")
      case .formatted(let text):
        let original = String(decoding: file.bytes, as: UTF8.self)
        if fromStandardInput && !check && !diff {
          Terminal.standardOutput.write(text)
          continue
        }
        guard text != original else { continue }
        unformatted.append(file.path)
        if diff {
          Terminal.standardOutput.write(UnifiedDiff.diff(old: original, new: text, oldPath: "a/" + file.path, newPath: "b/" + file.path))
        } else if check {
          Terminal.standardOutput.write("\(file.path)\n")
        } else {
          try AtomicWriter.write(text, to: file.path)
          Terminal.standardError.write("formatted \(file.path)\n")
        }
      }
    }
    if inputs.reportFailures() { throw ExitCode(ExitStatus.usageOrIO.rawValue) }
    if failed || ((check || diff) && !unformatted.isEmpty) { throw ExitCode(ExitStatus.findings.rawValue) }
  }
}
