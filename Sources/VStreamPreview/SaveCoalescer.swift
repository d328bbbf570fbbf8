/// When to rebuild after a burst of file events: an editor's save is often several events (write, truncate, rename,
/// attribute change) within a few milliseconds, and a `git checkout` is hundreds. The rebuild waits until the files
/// have been quiet for `quiet` seconds, but never more than `longest` after the first event of the burst, so a
/// stream of events cannot postpone it for ever. Pure: times come in as numbers, so the tests need no clock.
public struct SaveCoalescer: Sendable, Equatable {
  public var quiet: Double
  public var longest: Double
  /// The first and last event of the burst not yet rebuilt.
  private var first: Double?
  private var last: Double?

  public init(quiet: Double = 0.01, longest: Double = 0.1) {
    self.quiet = quiet
    self.longest = longest
  }

  /// Notes an event at time `now`.
  public mutating func note(at now: Double) {
    if first == nil { first = now }
    last = now
  }

  /// When the rebuild is due, or nil when no event is waiting.
  public var deadline: Double? {
    guard let first, let last else { return nil }
    return min(last + quiet, first + longest)
  }

  /// Whether the rebuild is due at `now`; when it is, the burst is forgotten (the caller rebuilds).
  public mutating func take(at now: Double) -> Bool {
    guard let deadline, now >= deadline else { return false }
    first = nil
    last = nil
    return true
  }
}
