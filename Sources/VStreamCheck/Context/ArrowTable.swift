import VStreamSource

/// The arrows written so far, by their two node numbers, with where each was first written: finds a repeated arrow
/// in constant time.
///
/// A `[UInt64: SourceRange]` spent more time hashing (SipHash) and resizing than the rest of building the flow; the
/// table is sized once for the arrows the flows can give and hashes by one multiplication.
struct ArrowTable {
  /// Open addressing; a slot holds a key with its top bit set, or 0 when free (node numbers fit in 31 bits each).
  private var slots: [UInt64]
  private var firstWritten: [SourceRange]
  /// The first arrow's position in the flow's arrows.
  private var firstIndex: [Int32]
  private let shift: UInt64

  /// A table for up to `capacity` arrows, at most half full.
  init(capacity: Int) {
    var bits: UInt64 = 4
    while (1 << bits) < capacity * 2 { bits += 1 }
    slots = [UInt64](repeating: 0, count: 1 << bits)
    firstWritten = [SourceRange](repeating: SourceRange(start: 0, end: 0), count: 1 << bits)
    firstIndex = [Int32](repeating: -1, count: 1 << bits)
    shift = 64 - bits
  }

  /// Where the arrow `from -> to` was first written and its position among the arrows, or nil after recording it as
  /// written at `range`, to be the arrow at `index`.
  mutating func earlier(from: Int, to: Int, writtenAt range: SourceRange, index: Int) -> (
    range: SourceRange, index: Int
  )? {
    let key = (UInt64(from) << 32 | UInt64(to)) | (1 << 63)
    let mask = slots.count - 1
    // Fibonacci hashing: the top bits of the product spread consecutive node numbers over the table.
    var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    while slots[slot] != 0 {
      if slots[slot] == key { return (firstWritten[slot], Int(firstIndex[slot])) }
      slot = (slot + 1) & mask
    }
    slots[slot] = key
    firstWritten[slot] = range
    firstIndex[slot] = Int32(index)
    return nil
  }
}
