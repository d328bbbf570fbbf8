import ArgumentParser
import Foundation

/// Standard output and error, and whether to colour them.
struct Terminal {
  let descriptor: Int32

  static let standardOutput = Terminal(descriptor: STDOUT_FILENO)
  static let standardError = Terminal(descriptor: STDERR_FILENO)

  /// Writes all of `text`. A closed pipe (`vstream check | head`) ends the process quietly, as SIGPIPE would.
  func write(_ text: String) {
    write(Array(text.utf8))
  }

  /// Writes all of `bytes` (PNG images, or text).
  func write(_ all: [UInt8]) {
    var bytes = all[...]
    while !bytes.isEmpty {
      let count = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        if errno == EPIPE { Foundation.exit(ExitStatus.usageOrIO.rawValue) }
        return
      }
      bytes = bytes.dropFirst(count)
    }
  }

  var isTerminal: Bool { isatty(descriptor) == 1 }

  enum ColorChoice: String, CaseIterable, ExpressibleByArgument {
    case auto, always, never
  }

  /// Colour when asked, or by default only on a terminal. A non-empty `NO_COLOR` turns it off (https://no-color.org)
  /// and a non-empty `FORCE_COLOR` on (https://force-color.org), whatever their value; `--color` overrides both.
  func usesColor(_ choice: ColorChoice, environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
    switch choice {
    case .always: return true
    case .never: return false
    case .auto:
      if let force = environment["FORCE_COLOR"], !force.isEmpty { return true }
      if let no = environment["NO_COLOR"], !no.isEmpty { return false }
      return isTerminal && environment["TERM"] != "dumb"
    }
  }

  /// Appends `text` to the file at `path` (creating it), as `$GITHUB_STEP_SUMMARY` expects; the reason on failure.
  static func append(_ text: String, to path: String) -> String? {
    let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o666)
    guard descriptor >= 0 else { return SystemError.describe(errno) }
    defer { close(descriptor) }
    let bytes = Array(text.utf8)
    var written = 0
    while written < bytes.count {
      let count = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress! + written, $0.count - written) }
      if count < 0 {
        if errno == EINTR { continue }
        return SystemError.describe(errno)
      }
      written += count
    }
    return nil
  }
}
