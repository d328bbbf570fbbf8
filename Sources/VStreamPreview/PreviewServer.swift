import FlyingFox
import FlyingSocks
import Foundation

/// The preview's HTTP server (FlyingFox): answers GET and HEAD from the `LiveSite` in memory, after checking the
/// `Host` header, and streams the reload events. No endpoint writes anything.
public final class PreviewServer: Sendable {
  private let server: HTTPServer
  private let site: LiveSite

  /// A server on `address` (an IPv4 or IPv6 literal) and `port` (0: a free one, chosen by the system).
  public init(site: LiveSite, address: String, port: UInt16, hostCheck: @escaping @Sendable (Int) -> HostCheck)
    throws
  {
    self.site = site
    let socketAddress: any SocketAddress =
      address.contains(":") ? try .inet6(ip6: address, port: port) : try .inet(ip4: address, port: port)
    let box = PortBox()
    server = HTTPServer(
      config: .init(address: socketAddress, logger: .disabled),
      handler: PreviewHandler(site: site, hostCheck: { hostCheck(box.port) }))
    portBox = box
  }

  private let portBox: PortBox

  /// Starts listening; returns the port it listens on. The server runs until `stop()`. Throws when it cannot
  /// listen (the port is taken, the address is not this machine's) as soon as the server gives up.
  public func start() async throws -> Int {
    let server = self.server
    let ended = EndBox()
    Task {
      do {
        try await server.run()
        ended.record(CancellationError())
      } catch {
        ended.record(error)
      }
    }
    // FlyingFox's waitUntilListening would wait out its timeout after a failed bind; this looks every 10 ms.
    for _ in 0..<500 {
      if await server.isListening { break }
      if let error = ended.error { throw error }
      try await Task.sleep(nanoseconds: 10_000_000)
    }
    var port = 0
    switch await server.listeningAddress {
    case .ip4(_, let listening), .ip6(_, let listening): port = Int(listening)
    default: throw ended.error ?? CancellationError()
    }
    portBox.port = port
    return port
  }

  /// Ends the event streams and stops the server.
  public func stop() async {
    site.close()
    await server.stop(timeout: 0.2)
  }
}

/// How the server's run ended, if it has.
private final class EndBox: @unchecked Sendable {
  private let lock = NSLock()
  private var value: Error?
  var error: Error? { lock.withLock { value } }
  func record(_ error: Error) { lock.withLock { value = error } }
}

/// The port, known only once the server listens (`--port 0`).
private final class PortBox: @unchecked Sendable {
  private let lock = NSLock()
  private var value = 0
  var port: Int {
    get { lock.withLock { value } }
    set { lock.withLock { value = newValue } }
  }
}

/// What a request gets. Refused: a method other than GET or HEAD (405), a `Host` header not the server's own
/// (403, against DNS rebinding), a target that is not a plain path (403); missing: a page the site has not (404).
struct PreviewHandler: HTTPHandler {
  let site: LiveSite
  let hostCheck: @Sendable () -> HostCheck

  func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
    let answer = PreviewRouting.answer(
      method: request.method.rawValue, target: request.target.rawValue, host: request.headers[.host],
      hostCheck: hostCheck(), site: site)
    var headers: [HTTPHeader: String] = [
      .contentType: answer.contentType, HTTPHeader("Cache-Control"): "no-store",
      HTTPHeader("X-Content-Type-Options"): "nosniff", HTTPHeader("Referrer-Policy"): "no-referrer",
      HTTPHeader("Content-Security-Policy"): LiveReload.contentSecurityPolicy,
    ]
    if answer.status == 405 { headers[HTTPHeader("Allow")] = "GET, HEAD" }
    let status = HTTPStatusCode(answer.status, phrase: answer.phrase)
    switch answer.body {
    case .events:
      headers[.contentType] = "text/event-stream"
      return HTTPResponse(
        statusCode: status, headers: HTTPHeaders(headers),
        body: HTTPBodySequence(from: EventBytes(events: site.listen())))
    case .bytes(let bytes):
      return HTTPResponse(
        statusCode: status, headers: HTTPHeaders(headers), body: request.method == .HEAD ? Data() : Data(bytes))
    }
  }
}

/// The decision for a request, apart from the server so that it can be tested without sockets.
public enum PreviewRouting {
  public enum Body: Equatable {
    case bytes([UInt8])
    case events
  }

  public struct Answer: Equatable {
    public var status: Int
    public var phrase: String
    public var contentType: String
    public var body: Body
  }

  public static func answer(method: String, target: String, host: String?, hostCheck: HostCheck, site: LiveSite)
    -> Answer
  {
    func text(_ status: Int, _ phrase: String) -> Answer {
      Answer(
        status: status, phrase: phrase, contentType: "text/plain; charset=utf-8",
        body: .bytes(Array("\(phrase)\n".utf8)))
    }
    guard method == "GET" || method == "HEAD" else { return text(405, "Method Not Allowed") }
    guard hostCheck.allows(host) else { return text(403, "Forbidden") }
    let path = target.split(separator: "?", maxSplits: 1).first.map(String.init) ?? target
    if path == LiveReload.eventsPath {
      return Answer(status: 200, phrase: "OK", contentType: "text/event-stream", body: .events)
    }
    if path == LiveReload.scriptPath {
      return Answer(
        status: 200, phrase: "OK", contentType: "text/javascript; charset=utf-8",
        body: .bytes(Array(LiveReload.script.utf8)))
    }
    guard let page = SitePath.resolve(target) else { return text(403, "Forbidden") }
    guard let resource = site.resource(page) else { return text(404, "Not Found") }
    return Answer(status: 200, phrase: "OK", contentType: resource.contentType, body: .bytes(resource.bytes))
  }
}
