import ArgumentParser
import Foundation
import VStreamModel

struct InitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract: "Write a commented starter stream that passes `vstream check`.",
    discussion: """
      Example:
        vstream init onboard-new-employee --title "Onboard a new employee"
        vstream init restore-service --framework itil5

      Refuses to overwrite an existing file. \(ExitStatus.documentation)
      """)

  @Argument(help: "The stream's id (kebab-case); the file is ID.vstream.")
  var name: String

  @Option(help: "The stream's title.")
  var title: String?

  @Option(help: "Where to write (default: NAME.vstream).")
  var out: String?

  @Option(help: "The framework whose activities the steps name: itil4 (the default) or itil5.")
  var framework: FrameworkOption = .itil4

  func validate() throws {
    let allowed = name.unicodeScalars.allSatisfy {
      $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_")
    }
    guard let first = name.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic, allowed else {
      throw ValidationError(
        "NAME must start with a letter and use letters, digits, - and _ (it becomes the stream's id)")
    }
  }

  func run() throws {
    var path = out ?? name + ".vstream"
    // An existing folder, or a path written as one (`new/dir/`, created when missing), gets NAME.vstream inside.
    if path.hasSuffix("/") {
      path += name + ".vstream"
    } else if case .folder = InputDiscovery.status(of: path) {
      path = InputDiscovery.prefix(for: path) + name + ".vstream"
    }
    // Control characters would break the line-oriented syntax; a title is one line of text.
    let chosen =
      title ?? name.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ").capitalizedFirst
    let oneLine = String(
      String.UnicodeScalarView(chosen.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 }))
    try AtomicWriter.write(
      StarterStream.text(id: name, title: oneLine, framework: framework.framework), to: path, mode: .createNew)
    Terminal.standardOutput.write("wrote \(path); check it with `vstream check \(path)`\n")
  }
}

enum StarterStream {
  /// The starter stream in `framework`'s activities: the same request stream, its steps mapped as
  /// `vstream migrate` would leave them for a person to choose.
  static func text(id: String, title: String, framework: Framework = .itil4) -> String {
    let (log, deliver, confirm) =
      framework == .itil4 ? ("engage", "deliver-and-support", "engage") : ("support", "deliver", "support")
    let key = framework == .itil4 ? "" : "framework: \(framework.id)          # ITIL Version 5 (default: itil4)\n"
    let activities = framework.activities.map(\.id).joined(separator: ", ")
    let kind = framework == .itil4 ? "value chain" : "lifecycle"
    return """
      ---
      # Front matter: who owns this stream and where it stands.
      vstream: 1
      title: \(quoted(title))
      owner: Service owner
      status: draft              # draft | review | live | retired
      consumer: Users of the service
      tags: []
      \(key)---
      # A value stream turns one kind of demand into value through steps. Each step visits one \(kind)
      # activity (\(activities)) and is supported
      # by ITIL practices (`vstream practices` lists them). `vstream explain --list` lists every check.

      stream \(id) \(quoted(title))

      demand request "A user asks for something"
        from "User"

      step log "Log and understand the request"
        activity \(log)
        practices service-desk, service-request-management
        roles "Service desk agent"
        time 10m                 # process time: hands-on work on one item
        wait 30m                 # wait time before the step starts
        ca 95%                   # share of the output the next step can use as is

      step deliver "Deliver what was asked for"
        activity \(deliver)
        practices service-request-management
        time 1h
        wait 4h

      step confirm "Confirm with the user"
        activity \(confirm)
        practices service-desk
        time 5m
        wait 1h

      value done "The user has what they asked for"
        for "User"

      # With no flow line the flow is the declaration order. Add arrows for branches and rework, e.g.:
      # flow request -> log -> deliver -> confirm -> done
      # rework confirm -> deliver "not what was asked for"

      """
  }

  /// A double-quoted string; YAML and the stream language escape a one-line text the same way.
  static func quoted(_ text: String) -> String {
    "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
  }
}

extension String {
  var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
