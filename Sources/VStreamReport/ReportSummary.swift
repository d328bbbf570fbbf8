import VStreamSource

/// Counts of unsuppressed findings, for summaries and exit codes; suppressed ones are counted apart.
public struct ReportSummary: Hashable, Sendable {
  /// Unsuppressed findings at error level.
  public var errors = 0
  /// Unsuppressed warnings.
  public var warnings = 0
  /// Unsuppressed notes.
  public var notes = 0
  /// Findings silenced by `# vstream: allow` comments, whatever their severity.
  public var suppressed = 0
  /// The number of reports, one per file.
  public var files = 0

  /// Counts the findings of `reports`.
  public init(_ reports: [FileReport]) {
    files = reports.count
    for diagnostic in reports.flatMap(\.diagnostics) {
      if diagnostic.isSuppressed {
        suppressed += 1
        continue
      }
      switch diagnostic.severity {
      case .error: errors += 1
      case .warning: warnings += 1
      case .note: notes += 1
      }
    }
  }

  /// `2 errors, 1 warning in 14 files`, or `no problems in 3 files`. Suppressed findings are not mentioned: they were
  /// silenced on purpose, with a reason, and the json and SARIF reports keep them for audits.
  public var line: String {
    func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
    var parts: [String] = []
    if errors > 0 { parts.append(count(errors, "error")) }
    if warnings > 0 { parts.append(count(warnings, "warning")) }
    if notes > 0 { parts.append(count(notes, "note")) }
    let findings = parts.isEmpty ? "no problems" : parts.joined(separator: ", ")
    return "\(findings) in \(count(files, "file"))"
  }
}
