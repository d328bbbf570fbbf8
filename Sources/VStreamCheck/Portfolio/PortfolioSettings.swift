import VStreamSource
import VStreamYAML

/// The portfolio checks a team asks for in `vstream.yml`, run over every stream the configuration applies to when
/// `check` or `build` reads a repository:
///
/// ```yaml
/// portfolio:
///   unused-practices: warning       # VS433: practices of the catalogue that support no stream
///   unused-activities: note         # VS434: value chain activities no stream maps to
///   streams-without-owner: warning  # VS435: streams whose front matter names no owner
///   hand-offs: 3                    # VS436: a stream with more hand-offs between roles than this (a warning),
///                                   #   or { max: 3, severity: error }
/// ```
///
/// A check not named is not run: the portfolio is still printed (`index.md`, the HTML index, `portfolio.json`), but
/// gives findings only where a team wants them.
public struct PortfolioSettings: Sendable {
  /// One portfolio check.
  public enum Check: String, CaseIterable, Sendable {
    case unusedPractices = "unused-practices"
    case unusedActivities = "unused-activities"
    case streamsWithoutOwner = "streams-without-owner"
    case handOffs = "hand-offs"

    /// Its diagnostic code.
    public var code: DiagnosticCode {
      switch self {
      case .unusedPractices: return .unusedPractices
      case .unusedActivities: return .unusedActivities
      case .streamsWithoutOwner: return .streamsWithoutOwner
      case .handOffs: return .tooManyHandOffs
      }
    }
  }

  /// A check asked for: its severity and where it is asked (the key in `vstream.yml`), where the repository-wide
  /// findings point.
  public struct Request: Sendable {
    public var severity: Severity
    public var key: SourceRange
  }

  /// The checks asked for; look them up in `Check.allCases` order for a fixed output order.
  public var requests: [Check: Request] = [:]
  /// VS436 fires on a stream with more hand-offs than this.
  public var handOffLimit = 0
  /// The `vstream.yml` that asks, for the findings' positions; nil when nothing is asked.
  public var file: SourceFile?

  public init() {}

  /// Whether any check is asked for.
  public var isEmpty: Bool { requests.isEmpty }
}

extension ConfigurationReader {
  /// Reads `portfolio:`.
  mutating func portfolio(_ node: YAMLNode) -> PortfolioSettings {
    var settings = PortfolioSettings()
    for pair in mapping(node, "portfolio") {
      guard let check = PortfolioSettings.Check(rawValue: pair.key.scalar ?? "") else {
        unknownKey(pair.key, among: PortfolioSettings.Check.allCases.map(\.rawValue))
        continue
      }
      var severity: Severity? = .warning
      if check == .handOffs {
        if let pairs = pair.value.mapping {
          var limit: Int64?
          for entry in pairs {
            switch entry.key.scalar {
            case "max": limit = integer(entry.value, in: 0...10_000)
            case "severity": severity = severityValue(entry.value) ?? severity
            default: unknownKey(entry.key, among: ["max", "severity"])
            }
          }
          guard let limit else {
            invalid(
              pair.value, "`hand-offs` needs `max`", help: "write `hand-offs: 3` or `{ max: 3, severity: error }`")
            continue
          }
          settings.handOffLimit = Int(limit)
        } else {
          guard let limit = integer(pair.value, in: 0...10_000) else { continue }
          settings.handOffLimit = Int(limit)
        }
      } else {
        guard let value = severityValue(pair.value) else { continue }
        severity = value
      }
      if let severity { settings.requests[check] = PortfolioSettings.Request(severity: severity, key: pair.key.range) }
    }
    if !settings.isEmpty { settings.file = file }
    return settings
  }
}
