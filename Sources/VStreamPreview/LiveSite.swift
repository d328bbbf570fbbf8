import Foundation

/// The generated site, in memory, and the browsers listening for its changes. The server answers only from here:
/// there is no path from a request to the disk.
public final class LiveSite: @unchecked Sendable {
  /// A page or picture of the site.
  public struct Resource: Sendable, Equatable {
    public var bytes: [UInt8]
    public var contentType: String
    public init(bytes: [UInt8], contentType: String) {
      self.bytes = bytes
      self.contentType = contentType
    }
  }

  private let lock = NSLock()
  private var resources: [String: Resource] = [:]
  private var generationNumber = 0
  private var listeners: [Int: AsyncStream<String>.Continuation] = [:]
  private var nextListener = 0
  private var closed = false

  public init() {}

  /// How many times the site has been replaced: a page carries the number it was served with, and reloads when the
  /// server announces another.
  public var generation: Int { lock.withLock { generationNumber } }

  public func resource(_ path: String) -> Resource? { lock.withLock { resources[path] } }

  public var paths: [String] { lock.withLock { resources.keys.sorted() } }

  /// Replaces the whole site and tells every listening page to reload.
  public func replace(with site: [String: Resource]) {
    let (generation, listening) = lock.withLock { () -> (Int, [AsyncStream<String>.Continuation]) in
      resources = site
      generationNumber += 1
      return (generationNumber, listeners.keys.sorted().map { listeners[$0]! })
    }
    for listener in listening { listener.yield(LiveReload.event(generation: generation)) }
  }

  /// The events for one page: the current generation at once (a save between the page's load and this moment is
  /// not lost), then one per rebuild. Ends when the site closes.
  public func listen() -> AsyncStream<String> {
    AsyncStream(bufferingPolicy: .bufferingNewest(4)) { continuation in
      let id: Int? = lock.withLock {
        guard !closed else { return nil }
        nextListener += 1
        listeners[nextListener] = continuation
        return nextListener
      }
      guard let id else {
        continuation.finish()
        return
      }
      continuation.yield(LiveReload.hello + LiveReload.event(generation: generation))
      continuation.onTermination = { [weak self] _ in
        guard let self else { return }
        _ = self.lock.withLock { self.listeners.removeValue(forKey: id) }
      }
    }
  }

  public var listenerCount: Int { lock.withLock { listeners.count } }

  /// Ends every event stream, so that the server can stop without waiting for browsers to hang up.
  public func close() {
    let listening = lock.withLock { () -> [AsyncStream<String>.Continuation] in
      closed = true
      defer { listeners = [:] }
      return Array(listeners.values)
    }
    for listener in listening { listener.finish() }
  }
}
