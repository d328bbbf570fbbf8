import ArgumentParser
import Foundation
import VStreamModel
import VStreamSource

struct PracticesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "practices",
    abstract: "List the 34 ITIL 4 management practices, and the organisation's own, with their ids and older names.",
    discussion: """
      The organisation's own practices come from --config, or else from the nearest vstream.yml above the current \
      folder, as `check` finds it.

      Examples:
        vstream practices
        vstream practices --json --config governance/vstream.yml
      """)

  @Flag(help: "Print JSON instead of a table.")
  var json = false

  @Option(help: "The configuration file whose own practices are listed too (default: the nearest vstream.yml).")
  var config: String?

  func run() throws {
    // The configuration a stream in this folder would get: a file named here stands for one.
    let here = SourceFile(path: "practices.vstream", bytes: [])
    let finder = try ConfigurationFinder(files: [here], explicit: config)
    if let failure = finder.failures.first { throw CommandFailure(failure) }
    let problems = DiagnosticsEngine(finder.reports)
    Terminal.standardError.write(
      problems.humanDiagnostics(minimum: .warning, colors: Terminal.standardError.usesColor(.auto)))
    let practices = finder.configuration(for: here).catalogue.all
    if json {
      let value = JSONValue.array(
        practices.map { practice in
          .object([
            ("id", .string(practice.id)), ("name", .string(practice.name)),
            ("group", .string(practice.group?.rawValue)),
            ("purpose", .string(practice.purpose)), ("aliases", .array(practice.aliases.map { .string($0) })),
            ("custom", .bool(practice.isCustom)),
          ])
        })
      Terminal.standardOutput.write(value.rendered())
      return
    }
    func row(_ practice: Practice) -> String {
      let aliases = practice.aliases.isEmpty ? "" : "  (also: \(practice.aliases.joined(separator: ", ")))"
      return "  " + practice.id.padding(toLength: 40, withPad: " ", startingAt: 0) + practice.name + aliases + "\n"
    }
    var out = ""
    for group in PracticeGroup.allCases {
      out += "\(group.name)\n" + practices.filter { $0.group == group }.map(row).joined()
    }
    let custom = practices.filter(\.isCustom)
    if !custom.isEmpty { out += "The organisation's own practices\n" + custom.map(row).joined() }
    Terminal.standardOutput.write(out)
  }
}

struct ActivitiesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "activities",
    abstract: "List a framework's activities: ITIL 4's six value chain activities, or ITIL Version 5's eight.",
    discussion:
      "Examples:\n  vstream activities\n  vstream activities --framework itil5\n  vstream activities --json")

  @Flag(help: "Print JSON instead of a table.")
  var json = false

  @Option(help: "The framework whose activities to list: itil4 (the default) or itil5.")
  var framework: FrameworkOption = .itil4

  func run() throws {
    let activities = framework.framework.activities
    if json {
      let value = JSONValue.array(
        activities.map { activity in
          .object([
            ("id", .string(activity.id)), ("name", .string(activity.name)), ("purpose", .string(activity.purpose)),
            ("aliases", .array(activity.aliases.sorted().map { .string($0) })),
          ])
        })
      Terminal.standardOutput.write(value.rendered())
      return
    }
    var out = ""
    for activity in activities {
      out +=
        activity.id.padding(toLength: 24, withPad: " ", startingAt: 0) + activity.name + ": " + activity.purpose + "\n"
    }
    Terminal.standardOutput.write(out)
  }
}
