import ArgumentParser
import Foundation

/// The exit codes every command agrees on.
enum ExitStatus: Int32 {
  /// No finding at error level (and, with `--werror`, no warning).
  case clean = 0
  /// Findings at error level, warnings with `--werror`, or files `fmt --check` would change.
  case findings = 1
  /// A usage error, or an input or output that could not be read or written.
  case usageOrIO = 2

  /// The codes as `--help` shows them.
  static let documentation = """
    Exit status: 0 clean; 1 findings at error level (or warnings with --werror, or unformatted files with \
    fmt --check); 2 usage error, or an input or output that could not be read or written (also a folder with no \
    .vstream files).
    """
}

/// A failure that is not the user's stream's fault: it ends the command with exit status 2 and a message.
struct CommandFailure: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
