/// The server's only way to the disk, given by whoever runs it: the library does no I/O of its own (the CLI gives
/// the real file system, tests give a dictionary).
public protocol WorkspaceFiles: Sendable {
  /// The bytes of a file, or nil when it cannot be read (missing, a folder, too large).
  func read(_ path: String) -> [UInt8]?
  /// Whether a regular file exists at `path`.
  func isFile(_ path: String) -> Bool
  /// The `.vstream` files under a folder, recursively, sorted, as absolute paths.
  func streamFiles(under folder: String) -> [String]
}

/// Paths and `file:` URIs. Only `file:` URIs name documents the compiler can find a configuration for; other schemes
/// (`untitled:`) are checked with their URI as their path and the default configuration.
enum DocumentURI {
  /// The file path of a `file:` URI, percent-decoded; nil for other schemes.
  static func path(_ uri: String) -> String? {
    guard uri.hasPrefix("file://") else { return nil }
    var rest = Substring(uri.dropFirst("file://".count))
    // `file://host/path`: only the empty host and localhost are this machine.
    if rest.hasPrefix("localhost/") { rest = rest.dropFirst("localhost".count) }
    guard rest.hasPrefix("/") else { return nil }
    return rest.removingPercentEncoding ?? String(rest)
  }

  /// The `file:` URI of an absolute path, percent-encoding what a URI path may not hold.
  static func uri(_ path: String) -> String {
    var encoded = ""
    for byte in path.utf8 {
      let scalar = Unicode.Scalar(byte)
      if byte < 0x80,
        scalar.properties.isAlphabetic || ("0"..."9").contains(Character(scalar))
          || "/-._~!$&'()*+,;=:@".unicodeScalars.contains(scalar)
      {
        encoded.unicodeScalars.append(scalar)
      } else {
        encoded += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
      }
    }
    return "file://" + encoded
  }
}

extension String {
  fileprivate func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: "0", count: width - count) + self
  }
}

extension Substring {
  fileprivate var removingPercentEncoding: String? {
    var bytes: [UInt8] = []
    var index = utf8.startIndex
    while index < utf8.endIndex {
      let byte = utf8[index]
      if byte == UInt8(ascii: "%") {
        let high = utf8.index(after: index)
        guard high < utf8.endIndex else { return nil }
        let low = utf8.index(after: high)
        guard low < utf8.endIndex,
          let value = UInt8(String(decoding: [utf8[high], utf8[low]], as: UTF8.self), radix: 16)
        else { return nil }
        bytes.append(value)
        index = utf8.index(after: low)
      } else {
        bytes.append(byte)
        index = utf8.index(after: index)
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
