import Dispatch

#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// Work spread over the machine's cores, with results in a fixed order so that nothing downstream can tell how it
/// was scheduled.
public enum Parallel {
  /// How many pieces of work run at once on this machine: the cores the system reports, at least one.
  public static var coreCount: Int {
    max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
  }

  /// Runs `work(0) ... work(count - 1)` concurrently and returns when all are done.
  @inlinable
  public static func forEach(_ count: Int, _ work: (Int) -> Void) {
    if count == 1 { work(0) } else if count > 1 { DispatchQueue.concurrentPerform(iterations: count, execute: work) }
  }

  /// `work(0) ... work(count - 1)`, run concurrently; the results in index order. Each call writes only its own
  /// slot, so no lock is needed and no result is copied.
  // Inlinable, so that it is specialised where it is called: unspecialised, every call looked up the generic
  // metadata of its result array.
  @inlinable
  public static func map<Result>(_ count: Int, _ work: (Int) -> Result) -> [Result] {
    guard count > 1 else { return count == 1 ? [work(0)] : [] }
    return [Result](unsafeUninitializedCapacity: count) { buffer, initialized in
      let slots = buffer.baseAddress!
      DispatchQueue.concurrentPerform(iterations: count) { index in
        (slots + index).initialize(to: work(index))
      }
      initialized = count
    }
  }
}

extension Parallel {
  /// `first()` and `second()`, run concurrently; both results. For two independent pieces of work of different types.
  public static func both<First, Second>(_ first: () -> First, _ second: () -> Second) -> (First, Second) {
    var results: (First?, Second?) = (nil, nil)
    // Each call writes only its own half of `results`.
    withUnsafeMutablePointer(to: &results.0) { firstSlot in
      withUnsafeMutablePointer(to: &results.1) { secondSlot in
        DispatchQueue.concurrentPerform(iterations: 2) { index in
          if index == 0 { firstSlot.pointee = first() } else { secondSlot.pointee = second() }
        }
      }
    }
    return (results.0!, results.1!)
  }
}
