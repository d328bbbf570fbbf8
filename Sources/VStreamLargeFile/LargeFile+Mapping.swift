import VStreamSource

#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

extension LargeFile {
  /// Maps the first `count` bytes of the open file `descriptor` read-only, or returns nil when the system does not
  /// map it (the caller then reads it). The mapping stays valid after the descriptor is closed.
  ///
  /// A large file is mapped rather than read: reading copies it into memory the process has never touched, and
  /// every fresh page costs a fault and zeroing before the copy, all of it before the work can be shared between
  /// cores. A mapping shares the pages the system already holds for the file. Checking a 50 MB stream read instead
  /// of mapped took a third longer (0.767 s against 0.577 s median, 0.518 s against 0.372 s of CPU).
  ///
  /// A mapped file that another program truncates while it is mapped ends the process when a lost page is read,
  /// as it does for every program that maps its input; only regular files are mapped, and replacing a file (as
  /// editors, git and `vstream fmt` do) leaves the mapped one whole.
  public static func map(descriptor: Int32, count: Int) -> SourceBytes? {
    guard count > 0 else { return nil }
    guard let base = mmap(nil, count, PROT_READ, MAP_PRIVATE, descriptor, 0), base != MAP_FAILED else { return nil }
    return SourceBytes(borrowing: FileMapping(base: base.assumingMemoryBound(to: UInt8.self), count: count))
  }
}

/// A read-only mapping of a file, unmapped when the last `SourceBytes` holding it goes.
final class FileMapping: BorrowedBytes, @unchecked Sendable {
  deinit {
    munmap(UnsafeMutableRawPointer(mutating: base), count)
  }
}
