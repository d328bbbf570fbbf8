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
      // The name column is as wide as the longest name and two spaces, so that no name runs into the severity.
      let nameWidth = (Compiler.rules.map(\.name.count).max() ?? 0) + 2
      for rule in Compiler.rules {
        let name = rule.name.padding(toLength: nameWidth, withPad: " ", startingAt: 0)
        let severity = rule.defaultSeverity.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)
        out += rule.code.rawValue + "  " + name + severity + rule.summary + "\n"
      }
      Terminal.standardOutput.write(out)
      return
    }
    // `104` and `vs104` name VS104 too.
    guard let name = code,
      let rule = Compiler.rules.first(where: {
        $0.code.rawValue == name.uppercased() || $0.code.rawValue == "VS" + name || $0.name == name
      })
    else {
      if let name = code,
        let retired = Compiler.retiredRules.first(where: {
          $0.code.rawValue == name.uppercased() || $0.code.rawValue == "VS" + name || $0.name == name
        })
      {
        Terminal.standardOutput.write("\(retired.code.rawValue) \(retired.name): \(retired.reason)\n")
        return
      }
      throw CommandFailure("unknown code `\(code ?? "")`; `vstream explain --list` lists them")
    }
    Terminal.standardOutput.write(markdown ? RulePage.markdown(rule) : RulePage.text(rule))
  }
}
