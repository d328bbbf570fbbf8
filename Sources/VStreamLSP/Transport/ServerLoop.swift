import Foundation

/// Runs a ``LanguageServer`` over a byte stream: a reader thread frames what arrives and queues the frames; the
/// server's thread takes every waiting frame at once, honours the `$/cancelRequest`s among them first, handles the
/// rest in order, and only when nothing is waiting checks the edited documents. Hundreds of edits a second thus
/// cost one check of the latest text, not one per edit.
public final class ServerLoop {
  private let server: LanguageServer
  private let read: () -> [UInt8]?
  private let condition = NSCondition()
  private var queue: [MessageFramer.Frame] = []
  private var queuedBytes = 0
  private var endOfInput = false
  /// The reader waits while this many bytes are queued, so that a client that writes faster than the server reads
  /// cannot grow memory without bound.
  static let maxQueuedBytes = 256 << 20

  /// `read` returns the next bytes of input, or nil (or an empty array) at its end.
  public init(server: LanguageServer, read: @escaping () -> [UInt8]?) {
    self.server = server
    self.read = read
  }

  /// Serves until `exit` or the end of input; returns the process's exit code.
  public func run() -> Int32 {
    let reader = Thread { [self] in readAll() }
    reader.stackSize = 1 << 20
    reader.start()
    while true {
      let batch = take()
      guard let batch else { break }
      let bodies = batch.map { frame -> (MessageFramer.Frame, JSONRPC.Incoming?) in
        if case .body(let body) = frame { return (frame, JSONRPC.Incoming(body: body)) }
        return (frame, nil)
      }
      // Only requests of this batch can still be cancelled (the others are answered), so the set of cancelled
      // requests empties as the batch is handled and cannot grow with a client that cancels late.
      var requests = Set<JSONRPC.RequestID>()
      for case (_, .request(let id, _, _)?) in bodies { requests.insert(id) }
      for case (_, .notification("$/cancelRequest", let params)?) in bodies {
        if let id = JSONRPC.RequestID((params as? [String: Any])?["id"]), requests.contains(id) { server.cancel(id) }
      }
      for (frame, incoming) in bodies {
        if let incoming { server.receive(incoming) } else { server.receive(frame) }
        if server.state == .exited { return server.exitCode }
      }
      if server.hasPendingDiagnostics && isIdle { server.publishPending() }
    }
    // The input ended without `exit`: publish nothing more, and end as `exit` without `shutdown` would.
    return server.state == .shutDown ? 0 : 1
  }

  private var isIdle: Bool {
    condition.lock()
    defer { condition.unlock() }
    return queue.isEmpty
  }

  /// Every frame waiting, or nil once the input has ended and nothing is left. While documents wait for their
  /// diagnostics, it does not block: the caller checks them when it finds the queue empty.
  private func take() -> [MessageFramer.Frame]? {
    condition.lock()
    defer { condition.unlock() }
    while queue.isEmpty && !endOfInput {
      if server.hasPendingDiagnostics { return [] }
      condition.wait()
    }
    if queue.isEmpty { return nil }
    let batch = queue
    queue = []
    queuedBytes = 0
    condition.broadcast()
    return batch
  }

  private func readAll() {
    var framer = MessageFramer()
    while let chunk = read(), !chunk.isEmpty {
      framer.append(chunk)
      var frames: [MessageFramer.Frame] = []
      while let frame = framer.next() { frames.append(frame) }
      guard !frames.isEmpty else { continue }
      condition.lock()
      for frame in frames {
        if case .body(let body) = frame { queuedBytes += body.count }
        queue.append(frame)
      }
      condition.broadcast()
      while queuedBytes > Self.maxQueuedBytes { condition.wait() }
      condition.unlock()
    }
    condition.lock()
    endOfInput = true
    condition.broadcast()
    condition.unlock()
  }
}
