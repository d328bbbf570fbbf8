import ArgumentParser
import Foundation
import VStreamSource

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
      CheckCommand.self, BuildCommand.self, DiffCommand.self, FormatCommand.self, ExplainCommand.self,
      PracticesCommand.self,
      ActivitiesCommand.self, MigrateCommand.self, InitCommand.self, ParseCommand.self, LSPCommand.self,
      PreviewCommand.self,
    ]
  )

  /// Runs the command line, mapping every outcome to an ``ExitStatus``. swift-argument-parser's own usage errors
  /// (its exit code 64, `EX_USAGE`) become 2, so that every usage and I/O problem shares one documented code.
  static func main(_ arguments: [String]? = nil) -> Never {
    do {
      var command = try parseAsRoot(arguments)
      try command.run()
      Foundation.exit(ExitStatus.clean.rawValue)
    } catch let failure as CommandFailure {
      Terminal.standardError.write("error: \(failure.description)\n")
      Foundation.exit(ExitStatus.usageOrIO.rawValue)
    } catch let code as ExitCode {
      Foundation.exit(code.rawValue)
    } catch {
      let code = exitCode(for: error)
      guard code != .success else {
        // --help and --version: swift-argument-parser reports them as errors that exit successfully.
        Terminal.standardOutput.write(fullMessage(for: error) + "\n")
        Foundation.exit(ExitStatus.clean.rawValue)
      }
      Terminal.standardError.write(fullMessage(for: error) + "\n")
      if let hint = subcommandHint(arguments ?? Array(CommandLine.arguments.dropFirst())) {
        Terminal.standardError.write(hint + "\n")
      }
      Foundation.exit(ExitStatus.usageOrIO.rawValue)
    }
  }

  /// "did you mean `check`?" when the first argument is not a command but is spelt close to one (`vstream chek`).
  static func subcommandHint(_ arguments: [String]) -> String? {
    guard let first = arguments.first, !first.hasPrefix("-") else { return nil }
    let names = configuration.subcommands.compactMap { $0.configuration.commandName }
    guard !names.contains(first), let closest = Spelling.closest(to: first.lowercased(), among: names) else {
      return nil
    }
    return "did you mean `vstream \(closest)`?"
  }
}
