import ArgumentParser
import Foundation

/// The root command.
struct VStreamCommand: ParsableCommand {
  static let version = "0.1.0"

  static let configuration = CommandConfiguration(
    commandName: "vstream",
    abstract: "A compiler and linter for ITIL 4 value streams.",
    discussion: """
      Value streams are kept as .vstream files: YAML front matter and a small line-oriented language. \
      vstream checks them against the ITIL 4 rules, and compiles them to Graphviz DOT, Markdown and JSON.

      Examples:
        vstream check streams/
        vstream check --format github --format sarif=vstream.sarif .
        vstream build streams/ --format all --out site/
        vstream explain VS104

      \(ExitStatus.documentation)
      """,
    version: "vstream \(version)",
    subcommands: [
      CheckCommand.self, BuildCommand.self, FormatCommand.self, ExplainCommand.self, PracticesCommand.self,
      ActivitiesCommand.self, InitCommand.self, ParseCommand.self,
    ]
  )

  /// Runs the command line, mapping every outcome to an ``ExitStatus``: swift-argument-parser's own usage errors
  /// (exit 64) become 2, so that all usage and I/O problems share one code.
  static func run() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch let failure as CommandFailure {
      Terminal.standardError.write("error: \(failure.description)\n")
      Foundation.exit(ExitStatus.usageOrIO.rawValue)
    } catch let code as ExitCode {
      Foundation.exit(code.rawValue)
    } catch {
      let message = fullMessage(for: error)
      let code = exitCode(for: error)
      if code == .success {
        Terminal.standardOutput.write(message + "\n")
        Foundation.exit(0)
      }
      Terminal.standardError.write(message + "\n")
      Foundation.exit(ExitStatus.usageOrIO.rawValue)
    }
  }
}
