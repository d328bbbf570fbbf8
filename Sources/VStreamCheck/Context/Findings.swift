import VStreamSource

/// What one rule found in one file: its findings, each at the severity the configuration gives its code, up to the
/// per-file limit, and a count of the rest.
///
/// A value each rule builds for itself, so rules share no state and can run in any order or at once. Past the limit
/// a finding is only counted (with where it is and how severe), so that a file of a million mistakes costs a count,
/// not a million messages: the wording is not even made (`add` takes it as a closure).
struct Findings {
  private(set) var kept: [Diagnostic] = []
  /// The findings past the limit: how many, the earliest place and the highest severity among them.
  private(set) var overflow = Overflow()
  private let limit: Int
  private let severity: (DiagnosticCode) -> Severity?

  /// `severity` gives each code's severity in this file (nil: turned off).
  init(limit: Int, severity: @escaping (DiagnosticCode) -> Severity?) {
    self.limit = limit
    self.severity = severity
  }

  /// Adds a finding of `code` at `range`, unless its rule is turned off; past the limit it is only counted.
  mutating func add(_ code: DiagnosticCode, at range: SourceRange, _ message: () -> Message) {
    guard let severity = severity(code) else { return }
    guard kept.count < limit else {
      overflow.record(range, severity: severity)
      return
    }
    let words = message()
    kept.append(
      Diagnostic(
        code: code, severity: severity, message: words.text, range: range, label: words.label,
        secondary: words.secondary, notes: words.notes, help: words.help, fixes: words.fixes))
  }

  /// The findings past the limit: how many, the earliest place and the highest severity among them.
  struct Overflow {
    private(set) var count = 0
    private(set) var first: SourceRange?
    private(set) var severity = Severity.note

    /// Counts `times` findings left out, the earliest of them at `range`.
    mutating func record(_ range: SourceRange, severity: Severity, times: Int = 1) {
      count += times
      if first.map({ (range.start, range.end) < ($0.start, $0.end) }) ?? true { first = range }
      self.severity = max(self.severity, severity)
    }

    mutating func add(_ other: Overflow) {
      guard let first = other.first else { return }
      record(first, severity: other.severity, times: other.count)
    }
  }

  /// The findings of every rule as one list: sorted and without repeats (see `Diagnostic.normalized`), the first
  /// `limit` of them in report order, and past those one finding of `summaryCode` that says how many more there
  /// were and points at the earliest of them. The result does not depend on the order of `parts`.
  static func merged(_ parts: [Findings], limit: Int, summaryCode: DiagnosticCode) -> [Diagnostic] {
    let all = Diagnostic.normalized(parts.flatMap(\.kept))
    var overflow = Overflow()
    for part in parts { overflow.add(part.overflow) }
    guard all.count > limit || overflow.count > 0 else { return all }
    for dropped in all.dropFirst(limit) { overflow.record(dropped.range, severity: dropped.severity) }
    guard let first = overflow.first else { return all }
    let summary = ProblemLimit.summary(
      code: summaryCode, unreported: overflow.count, first: first, severity: overflow.severity, limit: limit)
    return Array(all.prefix(limit)) + [summary]
  }
}
