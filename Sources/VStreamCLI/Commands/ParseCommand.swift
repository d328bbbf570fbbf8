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

  func run() throws {
    let inputs = try Inputs(paths: [path], stdinName: nil, maxFileSize: Inputs.defaultMaxFileSize, configPath: nil, loadsConfiguration: false)
    if inputs.reportFailures() { throw ExitCode(ExitStatus.usageOrIO.rawValue) }
    guard let file = inputs.files.first else { throw CommandFailure("\(path): not a file") }
    let parsed = Compiler.parse(file)
    let renderer = HumanRenderer(options: .init(colors: Terminal.standardError.usesColor(.auto)))
    for diagnostic in parsed.diagnostics { Terminal.standardError.write(renderer.render(diagnostic, in: file) + "\n") }
    Terminal.standardOutput.write(parsed.syntax.json(in: file).rendered())
    if parsed.diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode(ExitStatus.findings.rawValue) }
  }
}
