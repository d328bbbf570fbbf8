import ArgumentParser
import VStreamModel

/// A framework named on the command line (`--framework itil5`, `--to itil5`), read as the front matter reads it.
struct FrameworkOption: ExpressibleByArgument, Sendable {
  var framework: Framework

  static let itil4 = FrameworkOption(framework: .itil4)

  init(framework: Framework) { self.framework = framework }

  init?(argument: String) {
    guard let framework = Framework.named(argument) else { return nil }
    self.framework = framework
  }

  static var allValueStrings: [String] { Framework.allCases.map(\.id) }
  var defaultValueDescription: String { framework.id }
}
