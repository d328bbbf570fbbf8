import Foundation

/// Standard output and error, and whether to colour them.
struct Terminal {
  let handle: FileHandle
  let descriptor: Int32

  static let standardOutput = Terminal(handle: .standardOutput, descriptor: STDOUT_FILENO)
  static let standardError = Terminal(handle: .standardError, descriptor: STDERR_FILENO)

  func write(_ text: String) {
    handle.write(Data(text.utf8))
  }

  var isTerminal: Bool { isatty(descriptor) == 1 }

  enum ColorChoice: String, CaseIterable {
    case auto, always, never
  }

  /// Colour when asked, or by default only on a terminal. `NO_COLOR` (any non-empty value) turns it off and
  /// `FORCE_COLOR` (non-empty) on, as https://no-color.org and common tools agree; `--color` overrides both.
  func usesColor(_ choice: ColorChoice, environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
    switch choice {
    case .always: return true
    case .never: return false
    case .auto:
      if let force = environment["FORCE_COLOR"], !force.isEmpty, force != "0" { return true }
      if let no = environment["NO_COLOR"], !no.isEmpty { return false }
      return isTerminal && environment["TERM"] != "dumb"
    }
  }
}
