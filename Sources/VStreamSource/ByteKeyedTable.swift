#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// A hash table keyed by byte strings, looked up straight from a file's bytes.
///
/// The checker looks names up once per occurrence: a large stream names the same few practices and its own step ids
/// hundreds of thousands of times. A `[String: Value]` would build a `String` (often a heap allocation) for every
/// occurrence just to hash it; this table hashes the bytes in place and copies a key only when it is first inserted.
public struct ByteKeyedTable<Value> {
  /// The bytes of every key, one after another.
  @usableFromInline var arena: [UInt8] = []
  /// Where each key starts in the arena, and one more: key `i` is `arena[keyStarts[i]..<keyStarts[i + 1]]`.
  @usableFromInline var keyStarts: [UInt32] = [0]
  @usableFromInline var entries: [Value] = []
  /// The values, by entry number.
  @inlinable public var values: [Value] { entries }
  /// Open addressing: each slot is 0 when free, else the key's hash in the high half and its entry number plus one in
  /// the low half, so that a probe compares hashes without reading another array (one cache miss, not two, per slot
  /// on a table of 100,000s of step ids).
  @usableFromInline var slots: [UInt64]

  /// A table with room for `capacity` keys before it grows.
  @inlinable
  public init(capacity: Int = 0) {
    var slotCount = 16
    while capacity * 4 > slotCount * 3 { slotCount *= 2 }
    slots = [UInt64](repeating: 0, count: slotCount)
    if capacity > 0 {
      keyStarts.reserveCapacity(capacity + 1)
      entries.reserveCapacity(capacity)
      // Room for keys of eight bytes on average (a step id is a few): only what is written is ever touched.
      arena.reserveCapacity(capacity * 8)
    }
  }

  /// How many keys the table holds.
  @inlinable
  public var count: Int { entries.count }

  /// The entry number of the key `bytes[range]`, or nil when it is not in the table.
  @inlinable
  public func find(_ bytes: UnsafeBufferPointer<UInt8>, _ range: SourceRange) -> Int? {
    let key = Self.key(bytes, range)
    return probe(key, hash: Self.slotHash(key)).index
  }

  /// The entry number of the key `bytes[range]`, or nil.
  @inlinable
  public func find(_ bytes: [UInt8], _ range: SourceRange) -> Int? {
    bytes.withUnsafeBufferPointer { find($0, range) }
  }

  /// The entry number of the key `bytes[range]`, or nil.
  @inlinable
  public func find(_ bytes: SourceBytes, _ range: SourceRange) -> Int? {
    bytes.withUnsafeBufferPointer { find($0, range) }
  }

  /// Adds the key `bytes[range]` with `value` (the caller has checked it is absent) and returns its entry number.
  @inlinable
  @discardableResult
  public mutating func insert(_ bytes: [UInt8], _ range: SourceRange, value: Value) -> Int {
    bytes.withUnsafeBufferPointer { insert($0, range, value: value) }
  }

  /// Adds the key `bytes[range]` with `value` (the caller has checked it is absent) and returns its entry number.
  @inlinable
  @discardableResult
  public mutating func insert(_ bytes: SourceBytes, _ range: SourceRange, value: Value) -> Int {
    bytes.withUnsafeBufferPointer { insert($0, range, value: value) }
  }

  /// Adds the key `bytes[range]` with `value` (the caller has checked it is absent) and returns its entry number.
  @inlinable
  @discardableResult
  public mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>, _ range: SourceRange, value: Value) -> Int {
    insertIfAbsent(bytes, range, value: value).index
  }

  /// The entry number of the key `bytes[range]`, and whether it was added, with `value`, because it was absent: one
  /// hash and one probe, where `find` and then `insert` took two of each.
  @inlinable
  public mutating func insertIfAbsent(_ bytes: SourceBytes, _ range: SourceRange, value: Value) -> (
    index: Int, inserted: Bool
  ) {
    bytes.withUnsafeBufferPointer { insertIfAbsent($0, range, value: value) }
  }

  /// The entry number of the key `bytes[range]`, and whether it was added, with `value`, because it was absent.
  @inlinable
  public mutating func insertIfAbsent(_ bytes: UnsafeBufferPointer<UInt8>, _ range: SourceRange, value: Value)
    -> (index: Int, inserted: Bool)
  {
    if (entries.count + 1) * 4 > slots.count * 3 { grow() }
    let key = Self.key(bytes, range)
    let hash = Self.slotHash(key)
    let (found, slot) = probe(key, hash: hash)
    if let found { return (found, false) }
    let index = entries.count
    arena.append(contentsOf: key)
    keyStarts.append(UInt32(arena.count))
    entries.append(value)
    slots[slot] = hash | UInt64(index + 1)
    return (index, true)
  }

  /// The key's entry number when it is in the table, and the slot its probe stopped at: the key's, or the free one
  /// it would take. `hash` is `slotHash(key)`.
  @inlinable
  @inline(__always)
  func probe(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (index: Int?, slot: Int) {
    var slot = firstSlot(hash)
    while true {
      let occupant = slots[slot]
      if occupant == 0 { return (nil, slot) }
      if occupant & 0xFFFF_FFFF_0000_0000 == hash {
        let index = Int(occupant & 0xFFFF_FFFF) - 1
        if matches(index, key) { return (index, slot) }
      }
      slot = (slot + 1) & (slots.count - 1)
    }
  }

  /// The key's hash in the high half, as a slot holds it.
  @inlinable
  static func slotHash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 { UInt64(hash(key)) << 32 }

  /// The slot a probe for a key with this slot hash starts at.
  @inlinable
  func firstSlot(_ hash: UInt64) -> Int { Int(truncatingIfNeeded: hash >> 32) & (slots.count - 1) }

  @inlinable
  static func key(_ bytes: UnsafeBufferPointer<UInt8>, _ range: SourceRange) -> UnsafeBufferPointer<UInt8> {
    UnsafeBufferPointer(rebasing: bytes[Int(range.start)..<Int(range.end)])
  }

  /// The value of entry `index` (without handing out the array of all values).
  @inlinable
  public func value(at index: Int) -> Value { entries[index] }

  /// Replaces the value of entry `index`.
  @inlinable
  public mutating func update(_ index: Int, value: Value) {
    entries[index] = value
  }

  // The helpers are inlinable too: otherwise a table specialised in another module calls them unspecialised, through
  // generic metadata, on every lookup (a third of the checker's time on a large stream).
  @inlinable
  func matches(_ index: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
    let start = Int(keyStarts[index])
    let length = Int(keyStarts[index + 1]) - start
    guard length == key.count else { return false }
    guard length > 0 else { return true }
    return arena.withUnsafeBufferPointer { stored in
      memcmp(stored.baseAddress! + start, key.baseAddress!, length) == 0
    }
  }

  @inlinable
  mutating func place(_ occupant: UInt64) {
    var slot = firstSlot(occupant)
    while slots[slot] != 0 { slot = (slot + 1) & (slots.count - 1) }
    slots[slot] = occupant
  }

  @inlinable
  mutating func grow() {
    let old = slots
    slots = [UInt64](repeating: 0, count: old.count * 2)
    for occupant in old where occupant != 0 { place(occupant) }
  }

  @inlinable
  static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt32 { ByteHash.hash(key) }
}

/// The hash of a byte string for ``ByteKeyedTable``: eight bytes at a time, each word mixed in by a multiplication,
/// the last bytes read as one overlapping word. Deterministic (output never depends on it, only speed does) and
/// several times faster than FNV-1a on practice names, which are hashed once per occurrence. Outside the generic
/// table so that it is inlined wherever a table is specialised.
public enum ByteHash {
  @inlinable
  public static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt32 {
    let count = key.count
    var hash: UInt64 = 0x243F_6A88_85A3_08D3 ^ UInt64(truncatingIfNeeded: count)
    guard let base = key.baseAddress, count > 0 else { return UInt32(truncatingIfNeeded: hash) }
    let raw = UnsafeRawPointer(base)
    @inline(__always) func word(_ offset: Int) -> UInt64 {
      UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }
    @inline(__always) func half(_ offset: Int) -> UInt64 {
      UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
    }
    let last: UInt64
    if count >= 8 {
      var offset = 0
      while offset + 8 < count {
        hash = (hash ^ word(offset)) &* 0x9E37_79B9_7F4A_7C15
        hash ^= hash >> 29
        offset += 8
      }
      last = word(count - 8)
    } else if count >= 4 {
      last = half(0) << 32 | half(count - 4)
    } else {
      last = UInt64(base[0]) << 16 | UInt64(base[count / 2]) << 8 | UInt64(base[count - 1])
    }
    hash = (hash ^ last) &* 0x9E37_79B9_7F4A_7C15
    hash ^= hash >> 32
    return UInt32(truncatingIfNeeded: hash)
  }
}

extension ByteKeyedTable: Sendable where Value: Sendable {}
