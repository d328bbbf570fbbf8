#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// The bytes of a source file: either an array, or the file itself mapped into memory.
///
/// A large file is mapped rather than read. Reading copies it into memory the process has never touched, and every
/// fresh page costs a fault and zeroing before the copy: on the virtual machines CI runs on that was about a tenth
/// of checking a 50 MB file, all of it before the work can be shared between cores. A mapping shares the pages the
/// system already holds for the file.
public struct SourceBytes: Sendable {
  @usableFromInline
  enum Storage: Sendable {
    case array([UInt8])
    case mapped(Mapping)
  }

  @usableFromInline let storage: Storage

  public init(_ bytes: [UInt8]) {
    storage = .array(bytes)
  }

  /// Maps the first `count` bytes of the open file `descriptor` read-only, or returns nil when the system does not
  /// map it (the caller then reads it). The mapping stays valid after the descriptor is closed.
  ///
  /// A mapped file that another program truncates while it is mapped ends the process when a lost page is read,
  /// as it does for every program that maps its input; only regular files are mapped, and replacing a file (as
  /// editors, git and `vstream fmt --write` do) leaves the mapped one whole.
  public static func mapping(descriptor: Int32, count: Int) -> SourceBytes? {
    guard count > 0 else { return nil }
    guard let base = mmap(nil, count, PROT_READ, MAP_PRIVATE, descriptor, 0), base != MAP_FAILED else { return nil }
    return SourceBytes(storage: .mapped(Mapping(base: UnsafePointer(base.assumingMemoryBound(to: UInt8.self)), count: count)))
  }

  init(storage: Storage) {
    self.storage = storage
  }

  /// Whether the bytes are the file mapped into memory (tests).
  public var isMapped: Bool {
    if case .mapped = storage { return true }
    return false
  }

  @inlinable
  public func withUnsafeBufferPointer<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
    switch storage {
    case .array(let array): return try array.withUnsafeBufferPointer(body)
    case .mapped(let mapping): return try body(UnsafeBufferPointer(start: mapping.base, count: mapping.count))
    }
  }

  @inlinable
  public func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
    try withUnsafeBufferPointer { try body(UnsafeRawBufferPointer($0)) }
  }
}

extension SourceBytes: RandomAccessCollection {
  public typealias Index = Int
  public typealias Indices = Range<Int>

  @inlinable public var startIndex: Int { 0 }

  @inlinable
  public var endIndex: Int {
    switch storage {
    case .array(let array): return array.count
    case .mapped(let mapping): return mapping.count
    }
  }

  @inlinable
  public subscript(position: Int) -> UInt8 {
    switch storage {
    case .array(let array): return array[position]
    case .mapped(let mapping):
      precondition(position >= 0 && position < mapping.count, "index out of range")
      return mapping.base[position]
    }
  }

  @inlinable
  public func withContiguousStorageIfAvailable<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows
    -> Result?
  {
    try withUnsafeBufferPointer(body)
  }
}

extension SourceBytes: Equatable {
  public static func == (left: SourceBytes, right: SourceBytes) -> Bool {
    right.withUnsafeBufferPointer { left.elementsEqual($0) }
  }

  /// Whether these are the bytes `other` holds, compared many bytes at a time (the generic `elementsEqual` takes
  /// them one by one, through the storage's switch).
  public func elementsEqual(_ other: UnsafeBufferPointer<UInt8>) -> Bool {
    withUnsafeBufferPointer { mine in
      guard mine.count == other.count else { return false }
      guard let a = mine.baseAddress, let b = other.baseAddress else { return true }
      return memcmp(a, b, mine.count) == 0
    }
  }

  public func elementsEqual(_ other: [UInt8]) -> Bool {
    other.withUnsafeBufferPointer { elementsEqual($0) }
  }
}

/// A read-only mapping of a file, unmapped when the last `SourceBytes` holding it goes.
@usableFromInline
final class Mapping: @unchecked Sendable {
  // Never written through, and only unmapped in `deinit`: shared by every core that reads the file.
  @usableFromInline let base: UnsafePointer<UInt8>
  @usableFromInline let count: Int

  init(base: UnsafePointer<UInt8>, count: Int) {
    self.base = base
    self.count = count
  }

  deinit {
    munmap(UnsafeMutableRawPointer(mutating: base), count)
  }
}
