#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// Asks the kernel to back a large buffer with huge pages (Linux's transparent huge pages), before it is first
/// written.
///
/// Every first write to a 4 KiB page is a page fault; on the virtual machines CI runs on one costs about 3 µs, and
/// checking a 50 MB file took 63,000 of them, a third of its time. Where huge pages are only given on request
/// (`madvise` mode, the common default) a 2 MiB page needs one fault instead of 512. Elsewhere, or for a buffer
/// that holds no whole aligned 2 MiB page, this does nothing.
public enum HugePages {
  static let size = 2 << 20

  /// Advises the whole 2 MiB pages inside `buffer` (none in a buffer that holds no aligned one). The buffer must not
  /// have been written yet to benefit.
  public static func advise(_ buffer: UnsafeMutableRawBufferPointer) {
    #if os(Linux)
      guard let base = buffer.baseAddress, buffer.count >= size else { return }
      let start = (Int(bitPattern: base) + size - 1) & ~(size - 1)
      let end = (Int(bitPattern: base) + buffer.count) & ~(size - 1)
      guard end > start, let pointer = UnsafeMutableRawPointer(bitPattern: start) else { return }
      // Only advice: when the kernel has no huge pages to give, the buffer works the same with small ones.
      _ = madvise(pointer, end - start, MADV_HUGEPAGE)
    #endif
  }

  /// Gives the system back the whole pages inside `buffer`, a part of a larger buffer that is written no more and
  /// whose contents are no longer needed (reading it afterwards gives zeros). Where a part of a huge page is given
  /// back, the kernel splits it: only the pages still in use are kept.
  public static func discard(_ buffer: UnsafeMutableRawBufferPointer) {
    #if os(Linux)
      let page = 4096
      guard let base = buffer.baseAddress else { return }
      let start = (Int(bitPattern: base) + page - 1) & ~(page - 1)
      let end = (Int(bitPattern: base) + buffer.count) & ~(page - 1)
      guard end > start, let pointer = UnsafeMutableRawPointer(bitPattern: start) else { return }
      _ = madvise(pointer, end - start, MADV_DONTNEED)
    #endif
  }

  /// An array of `count` copies of `value`, advised as above before it is filled: `Array(repeating:count:)` writes
  /// every page of a large table (a hash table's empty slots, a graph's counts) through small pages.
  @inlinable
  public static func filledArray<Element>(repeating value: Element, count: Int) -> [Element] {
    // No room asked for: the shared empty array, which must not be written (two cores would race on its count).
    guard count > 0 else { return [] }
    return [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
      advise(UnsafeMutableRawBufferPointer(buffer))
      buffer.initialize(repeating: value)
      initialized = count
    }
  }

  /// An empty array with room for `capacity` elements, advised as above when it is large.
  public static func reservedArray<Element>(of type: Element.Type = Element.self, capacity: Int) -> [Element] {
    // No room asked for: the shared empty array, which must not be written (two cores would race on its count).
    guard capacity > 0 else { return [] }
    return [Element](unsafeUninitializedCapacity: capacity) { buffer, count in
      advise(UnsafeMutableRawBufferPointer(buffer))
      count = 0
    }
  }
}
