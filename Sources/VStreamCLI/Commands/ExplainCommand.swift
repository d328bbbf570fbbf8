import ArgumentParser
import Foundation
import VStream
import VStreamSource

struct ExplainCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "explain",
    abstract: "Explain a diagnostic code, with an example that triggers it and the fix.",
    discussion: """
      Examples:
        vstream explain VS104
        vstream explain no-practices
        vstream explain --list

      \(ExitStatus.documentation)
      """)

  @Argument(help: "A code such as VS104, or a rule name such as no-practices.")
  var code: String?

  @Flag(help: "List every code with its name, default severity and summary.")
  var list = false

  @Flag(help: "Print the explanation as the Markdown page kept in specs/diagnostics/.")
  var markdown = false

  func validate() throws {
    if code == nil && !list { throw ValidationError("give a code such as VS104, or --list") }
  }

  func run() throws {
    if list {
      var out = ""
      for rule in Compiler.rules {
        out +=
          rule.code + "  " + rule.name.padding(toLength: 28, withPad: " ", startingAt: 0)
          + rule.defaultSeverity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0) + rule.summary + "\n"
      }
      Terminal.standardOutput.write(out)
      return
    }
    guard let name = code, let rule = Compiler.rules.first(where: { $0.code == name.uppercased() || $0.name == name })
    else {
      throw CommandFailure("unknown code `\(code ?? "")`; `vstream explain --list` lists them")
    }
    Terminal.standardOutput.write(markdown ? RulePage.markdown(rule) : RulePage.text(rule))
  }
}
