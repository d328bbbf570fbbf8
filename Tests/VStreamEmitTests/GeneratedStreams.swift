import Foundation
import VStream
import VStreamEmit
import VStreamModel
import VStreamSource
import XCTest

/// Streams made up for the picture tests.
enum Generated {
  /// A straight stream of `steps` steps with long titles, every activity of the framework in turn, roles, times and
  /// %C/A, and a rework arrow from the last step to the first.
  static func text(steps: Int, framework: Framework = .itil4) -> String {
    let activities = framework.activities
    var text = framework == .itil4 ? "" : "---\nframework: \(framework.id)\n---\n"
    text +=
      "stream generated \"A generated stream of \(steps) steps\"\ndemand d \"Someone needs something done today\"\n"
    for index in 0..<steps {
      text += "step s\(index) \"Step number \(index) does careful work on the item\"\n"
      text += "  activity \(activities[index % activities.count].id)\n  practices service-desk, incident-management\n"
      text += "  roles \"Role \(index % 3)\"\n  time \(index % 5 + 1)h\n  wait \(index % 4 + 1)h\n  ca 95%\n"
    }
    text += "value v \"Done\"\nflow d -> " + (0..<steps).map { "s\($0)" }.joined(separator: " -> ") + " -> v\n"
    if steps > 1 { text += "rework s\(steps - 1) -> s0 \"rework\"\n" }
    return text
  }

  static func hostile() throws -> ValueStream {
    let result = Compiler.check(SourceFile(path: "hostile.vstream", text: Fixtures.hostile))
    return try XCTUnwrap(result.stream, "\(result.diagnostics.map(\.message))")
  }

  static func stream(steps: Int, framework: Framework = .itil4) throws -> ValueStream {
    let result = Compiler.check(SourceFile(path: "generated.vstream", text: text(steps: steps, framework: framework)))
    return try XCTUnwrap(result.stream, "\(result.diagnostics.map(\.message))")
  }
}
