/// How many problems one stage (the front end, the checker) keeps for one file, and a count of those past it.
///
/// A file of a million bad lines is a million findings: kept, they would cost hundreds of bytes each and a report no
/// one reads. Past the limit a stage only counts, and adds one finding that says how many more there were and where
/// the first of them is, with the severity of the most severe of them (so the exit status is the same).
public struct ProblemLimit: Sendable {
  /// Enough for any file a person writes; small enough that the kept findings cost a few MB.
  public static let perStage = 10_000

  public let limit: Int
  public private(set) var unreported = 0
  private var first: SourceRange?
  private var severity = Severity.note

  public init(limit: Int = ProblemLimit.perStage) {
    self.limit = limit
  }

  /// Whether a stage that has already kept `kept` findings may keep one more; if not, the finding is counted.
  public mutating func admits(kept: Int, range: SourceRange, severity: Severity) -> Bool {
    if kept < limit { return true }
    unreported += 1
    if first == nil { first = range }
    self.severity = max(self.severity, severity)
    return false
  }

  /// The finding that closes a list that reached the limit, or nil when nothing was left out.
  public func summary(code: DiagnosticCode) -> Diagnostic? {
    guard unreported > 0, let first else { return nil }
    return Self.summary(code: code, unreported: unreported, first: first, severity: severity, limit: limit)
  }

  /// The finding that says `unreported` findings, the first at `first`, were left out past `limit`.
  public static func summary(code: DiagnosticCode, unreported: Int, first: SourceRange, severity: Severity, limit: Int)
    -> Diagnostic
  {
    Diagnostic(
      code: code, severity: severity,
      message: "too many problems: \(unreported) more after this point are not reported",
      range: first, label: "the first problem not reported",
      help: "fix the problems above and check again; at most \(limit) are reported per file")
  }
}
