import Foundation

/// The operating system's reasons, worded for messages.
enum SystemError {
  /// `strerror` in the lower case the rest of the messages use: "permission denied".
  static func describe(_ code: Int32) -> String {
    let text = String(cString: strerror(code))
    return text.prefix(1).lowercased() + text.dropFirst()
  }
}
