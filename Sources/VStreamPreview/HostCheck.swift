/// The `Host` header a request must carry, against DNS rebinding: a page on another site that makes its own name
/// resolve to 127.0.0.1 reaches the server with that name in `Host`, and is refused. Accepted: `localhost`,
/// `127.0.0.1` and `[::1]` with the server's port, and the `--host` address when one was given.
public struct HostCheck: Sendable, Equatable {
  public var port: Int
  /// The address given with `--host`, also accepted in the header.
  public var extraHost: String?

  public init(port: Int, extraHost: String? = nil) {
    self.port = port
    self.extraHost = extraHost
  }

  /// Whether a request with this `Host` header (nil: none) may be answered. HTTP/1.1 requires the header, so a
  /// request without it is refused too.
  public func allows(_ header: String?) -> Bool {
    guard let header else { return false }
    let value = header.lowercased()
    var names = ["localhost", "127.0.0.1", "[::1]"]
    if let extraHost {
      names.append(
        extraHost.contains(":") && !extraHost.hasPrefix("[") ? "[\(extraHost.lowercased())]" : extraHost.lowercased())
    }
    return names.contains { value == "\($0):\(port)" }
  }
}
