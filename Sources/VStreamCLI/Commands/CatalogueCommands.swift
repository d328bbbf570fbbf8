import ArgumentParser
import Foundation
import VStreamModel
import VStreamSource

struct PracticesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "practices",
    abstract: "List the 34 ITIL 4 management practices with their ids, groups and older names.",
    discussion: "Examples:\n  vstream practices\n  vstream practices --json")

  @Flag(help: "Print JSON instead of a table.")
  var json = false

  func run() throws {
    let practices = PracticeCatalogue.itil.all
    if json {
      let value = JSONValue.array(
        practices.map { practice in
          .object([
            ("id", .string(practice.id)), ("name", .string(practice.name)),
            ("group", .string(practice.group?.rawValue)),
            ("purpose", .string(practice.purpose)), ("aliases", .array(practice.aliases.map { .string($0) })),
          ])
        })
      Terminal.standardOutput.write(value.rendered())
      return
    }
    var out = ""
    for group in PracticeGroup.allCases {
      out += "\(group.name)\n"
      for practice in practices where practice.group == group {
        let aliases = practice.aliases.isEmpty ? "" : "  (also: \(practice.aliases.joined(separator: ", ")))"
        out += "  " + practice.id.padding(toLength: 40, withPad: " ", startingAt: 0) + practice.name + aliases + "\n"
      }
    }
    Terminal.standardOutput.write(out)
  }
}

struct ActivitiesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "activities",
    abstract: "List the six activities of the ITIL 4 service value chain.",
    discussion: "Examples:\n  vstream activities\n  vstream activities --json")

  @Flag(help: "Print JSON instead of a table.")
  var json = false

  func run() throws {
    if json {
      let value = JSONValue.array(
        Activity.allCases.map { activity in
          .object([
            ("id", .string(activity.id)), ("name", .string(activity.name)), ("purpose", .string(activity.purpose)),
            ("aliases", .array(Activity.aliases.filter { $0.value == activity }.keys.sorted().map { .string($0) })),
          ])
        })
      Terminal.standardOutput.write(value.rendered())
      return
    }
    var out = ""
    for activity in Activity.allCases {
      out +=
        activity.id.padding(toLength: 24, withPad: " ", startingAt: 0) + activity.name + ": " + activity.purpose + "\n"
    }
    Terminal.standardOutput.write(out)
  }
}
