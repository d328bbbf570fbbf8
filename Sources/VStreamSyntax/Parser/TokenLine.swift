import VStreamSource

/// The tokens of the line being parsed, in one buffer reused for every line of the file.
///
/// An `Array` here checked its uniqueness on every append and went through the generic `replaceSubrange` to be
/// emptied for each line: a tenth of the time of a whole check. Tokens are plain values, so the buffer is only ever
/// overwritten, never deinitialised. The parse that makes a line calls ``release()`` when it is done.
struct TokenLine {
  private var base: UnsafeMutablePointer<Token>
  private var capacity: Int
  private(set) var count = 0

  init() {
    capacity = 64
    base = .allocate(capacity: capacity)
  }

  func release() { base.deallocate() }

  var isEmpty: Bool { count == 0 }
  var first: Token? { count > 0 ? base[0] : nil }
  var last: Token? { count > 0 ? base[count - 1] : nil }

  subscript(index: Int) -> Token {
    precondition(index >= 0 && index < count, "a token index past the end of the line")
    return base[index]
  }

  mutating func append(_ token: Token) {
    if count == capacity {
      let larger = UnsafeMutablePointer<Token>.allocate(capacity: capacity * 2)
      larger.moveInitialize(from: base, count: count)
      base.deallocate()
      base = larger
      capacity *= 2
    }
    (base + count).initialize(to: token)
    count += 1
  }

  mutating func removeAll() { count = 0 }
}
