import FlyingFox
import FlyingSocks

/// A stream of server-sent events as the byte sequence FlyingFox sends as a chunked body: each event is written as
/// soon as it is yielded, and the body ends when the stream does.
struct EventBytes: AsyncBufferedSequence, Sendable {
  typealias Element = UInt8
  let events: AsyncStream<String>

  func makeAsyncIterator() -> Iterator { Iterator(events: events.makeAsyncIterator()) }

  struct Iterator: AsyncBufferedIteratorProtocol {
    var events: AsyncStream<String>.Iterator
    var pending: [UInt8] = []

    mutating func next() async -> UInt8? {
      guard let buffer = await nextBuffer(suggested: 1) else { return nil }
      pending = Array(buffer.dropFirst()) + pending
      return buffer.first
    }

    /// The pending bytes, or the next event's; nil when the stream has ended.
    mutating func nextBuffer(suggested count: Int) async -> [UInt8]? {
      if pending.isEmpty {
        guard let event = await events.next() else { return nil }
        pending = Array(event.utf8)
      }
      let taken = Array(pending.prefix(Swift.max(1, count)))
      pending.removeFirst(taken.count)
      return taken
    }
  }
}
