import Foundation

/// The base protocol's framing: `Content-Length: N\r\n\r\n` then N bytes of JSON. Bytes go in as they arrive; whole
/// bodies come out. It never trusts the header: a frame whose header cannot be read is skipped up to the next
/// `Content-Length:`, and a body longer than `maxBodyBytes` is dropped without being kept in memory.
public struct MessageFramer: Sendable {
  /// What one step of reading gives.
  public enum Frame: Equatable, Sendable {
    /// A whole body, not yet parsed.
    case body([UInt8])
    /// A header that could not be read, or a body over the limit (its bytes are skipped): the caller answers with a
    /// parse error.
    case malformed(String)
  }

  /// The largest body kept: a 50 MB document, escaped as JSON, fits.
  public let maxBodyBytes: Int
  private var buffer: [UInt8] = []
  /// Where unread bytes start in `buffer` (compacted now and then, so that reading stays linear).
  private var start = 0
  /// Bytes still to skip of a body over the limit.
  private var skipping = 0
  /// How far the body being received has been searched for the start of another message.
  private var searched = 0

  public init(maxBodyBytes: Int = 256 << 20) {
    self.maxBodyBytes = maxBodyBytes
  }

  /// How many bytes are held, waiting for the rest of their frame.
  public var pendingBytes: Int { buffer.count - start }

  public mutating func append(_ bytes: some Collection<UInt8>) {
    if skipping > 0 {
      let skipped = min(skipping, bytes.count)
      skipping -= skipped
      buffer.append(contentsOf: bytes.dropFirst(skipped))
    } else {
      buffer.append(contentsOf: bytes)
    }
  }

  /// Puts bytes back in front of what is unread: a body that turns out to hold the start of the next message (the
  /// sender's `Content-Length` was too long) gives that message back.
  public mutating func unread(_ bytes: ArraySlice<UInt8>) {
    buffer.replaceSubrange(start..<start, with: bytes)
  }

  /// The next frame, or nil when more bytes are needed.
  public mutating func next() -> Frame? {
    compactIfWorthIt()
    guard let headerEnd = find(Self.headerTerminator, from: start) else {
      // Without a header's end in sight, a long run of bytes is not a header: keep only what may start one.
      if pendingBytes > Self.maxHeaderBytes {
        let resume = find(Self.contentLengthName, from: start + 1) ?? buffer.count - Self.contentLengthName.count
        start = max(resume, start + 1)
        return .malformed("a header longer than \(Self.maxHeaderBytes) bytes")
      }
      return nil
    }
    let header = buffer[start..<headerEnd]
    guard let length = Self.contentLength(header) else {
      // Skip to the next `Content-Length:` after this header's start (junk before a real header), or past this one.
      start = find(Self.contentLengthName, from: start + 1) ?? headerEnd + 4
      return .malformed("a header without a valid Content-Length")
    }
    let bodyStart = headerEnd + 4
    if length > maxBodyBytes {
      let available = buffer.count - bodyStart
      skipping = max(0, length - available)
      start = min(buffer.count, bodyStart + length)
      return .malformed("a body of \(length) bytes, more than the limit of \(maxBodyBytes)")
    }
    // A `Content-Length` that was too long swallows the next message: its header inside a body gives it away (JSON
    // cannot hold a raw line break, so `Content-Length: 12` followed by CRLF is never part of a valid body).
    let available = min(buffer.count, bodyStart + length)
    if let next = nextHeader(in: max(bodyStart, searched)..<available) {
      searched = 0
      start = next
      return .body(Array(buffer[bodyStart..<next]))
    }
    guard buffer.count - bodyStart >= length else {
      searched = max(bodyStart, available - Self.longestHeaderLine)
      return nil
    }
    let body = Array(buffer[bodyStart..<bodyStart + length])
    start = bodyStart + length
    searched = 0
    return .body(body)
  }

  /// Frames a body for sending.
  public static func frame(_ body: [UInt8]) -> [UInt8] {
    Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
  }

  static let headerTerminator = Array("\r\n\r\n".utf8)
  static let contentLengthName = Array("Content-Length:".utf8)
  static let maxHeaderBytes = 4096

  /// The value of the `Content-Length` field (case-insensitive name), when there is exactly one readable one.
  static func contentLength(_ header: ArraySlice<UInt8>) -> Int? {
    guard let text = String(bytes: header, encoding: .utf8) else { return nil }
    var length: Int?
    for line in text.split(separator: "\r\n", omittingEmptySubsequences: false) {
      guard let colon = line.firstIndex(of: ":") else { return nil }
      let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
      guard name == "content-length" else { continue }
      let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
      guard length == nil, let number = Int(value), number >= 0, value.allSatisfy(\.isASCII) else { return nil }
      length = number
    }
    return length
  }

  /// Room for `Content-Length: ` and a number and CRLF: a search that stopped at the end of the bytes received
  /// starts again this far back, so that a header cut by a read is still found.
  static let longestHeaderLine = 40

  /// Where a `Content-Length: <digits>\r\n` line starts within `range` of the buffer, if anywhere.
  private func nextHeader(in range: Range<Int>) -> Int? {
    var from = range.lowerBound
    while let found = find(Self.contentLengthName, from: from), found < range.upperBound {
      var index = found + Self.contentLengthName.count
      while index < range.upperBound, buffer[index] == UInt8(ascii: " ") { index += 1 }
      let digits = index
      while index < range.upperBound, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(buffer[index]) { index += 1 }
      if index > digits, index + 1 < range.upperBound, buffer[index] == 0x0D, buffer[index + 1] == 0x0A {
        return found
      }
      from = found + 1
    }
    return nil
  }

  private func find(_ needle: [UInt8], from offset: Int) -> Int? {
    guard offset <= buffer.count - needle.count else { return nil }
    var index = offset
    let first = needle[0]
    while index <= buffer.count - needle.count {
      if buffer[index] == first, buffer[index..<index + needle.count].elementsEqual(needle) { return index }
      index += 1
    }
    return nil
  }

  private mutating func compactIfWorthIt() {
    if start > 0 && start >= buffer.count / 2 {
      buffer.removeFirst(start)
      searched = max(0, searched - start)
      start = 0
    }
  }
}
