#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// The bytes of a source file: an array, or memory that something else owns and keeps (a large file mapped into
/// memory: see `VStreamLargeFile`).
public struct SourceBytes: Sendable {
  @usableFromInline
  enum Storage: Sendable {
    case array([UInt8])
    case borrowed(BorrowedBytes)
  }

  @usableFromInline let storage: Storage

  public init(_ bytes: [UInt8]) {
    storage = .array(bytes)
  }

  /// The bytes `owner` holds (see `BorrowedBytes`).
  public init(borrowing owner: BorrowedBytes) {
    storage = .borrowed(owner)
  }

  /// Whether the bytes are memory another object owns (tests).
  public var isBorrowed: Bool {
    if case .borrowed = storage { return true }
    return false
  }

  @inlinable
  public func withUnsafeBufferPointer<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result
  {
    switch storage {
    case .array(let array): return try array.withUnsafeBufferPointer(body)
    case .borrowed(let borrowed): return try body(UnsafeBufferPointer(start: borrowed.base, count: borrowed.count))
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
    case .borrowed(let borrowed): return borrowed.count
    }
  }

  @inlinable
  public subscript(position: Int) -> UInt8 {
    switch storage {
    case .array(let array): return array[position]
    case .borrowed(let borrowed):
      precondition(position >= 0 && position < borrowed.count, "index out of range")
      return borrowed.base[position]
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

/// `count` bytes at `base` that a subclass keeps valid and unchanged for as long as it lives, and releases when it
/// goes (a file mapped into memory: see `VStreamLargeFile`). Never written through: shared by every core that reads
/// the file.
open class BorrowedBytes: @unchecked Sendable {
  public let base: UnsafePointer<UInt8>
  public let count: Int

  public init(base: UnsafePointer<UInt8>, count: Int) {
    self.base = base
    self.count = count
  }
}
