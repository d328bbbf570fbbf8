import ArgumentParser
import Foundation

struct InitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract: "Write a commented starter stream that passes `vstream check`.",
    discussion: """
      Example:
        vstream init onboard-new-employee --title "Onboard a new employee"

      Refuses to overwrite an existing file. \(ExitStatus.documentation)
      """)

  @Argument(help: "The stream's id (kebab-case); the file is ID.vstream.")
  var name: String

  @Option(help: "The stream's title.")
  var title: String?

  @Option(help: "Where to write (default: NAME.vstream).")
  var out: String?

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
    try AtomicWriter.write(StarterStream.text(id: name, title: oneLine), to: path, mode: .createNew)
    Terminal.standardOutput.write("wrote \(path); check it with `vstream check \(path)`\n")
  }
}

enum StarterStream {
  static func text(id: String, title: String) -> String {
    """
    ---
    # Front matter: who owns this stream and where it stands.
    vstream: 1
    title: \(quoted(title))
    owner: Service owner
    status: draft              # draft | review | live | retired
    consumer: Users of the service
    tags: []
    ---
    # A value stream turns one kind of demand into value through steps. Each step visits one value chain
    # activity (plan, improve, engage, design-and-transition, obtain-build, deliver-and-support) and is supported
    # by ITIL practices (`vstream practices` lists them). `vstream explain --list` lists every check.

    stream \(id) \(quoted(title))

    demand request "A user asks for something"
      from "User"

    step log "Log and understand the request"
      activity engage
      practices service-desk, service-request-management
      roles "Service desk agent"
      time 10m                 # process time: hands-on work on one item
      wait 30m                 # wait time before the step starts
      ca 95%                   # share of the output the next step can use as is

    step deliver "Deliver what was asked for"
      activity deliver-and-support
      practices service-request-management
      time 1h
      wait 4h

    step confirm "Confirm with the user"
      activity engage
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
