import VStreamModel
import VStreamSource

/// The findings of the portfolio checks a `vstream.yml` asks for, over the streams it applies to: a pure function
/// of the portfolio and the settings. The repository-wide ones (unused practices and activities, streams without an
/// owner) are one finding each, at the key in `vstream.yml` that asked; a stream over the hand-off limit gets one at
/// its `stream` line.
public enum PortfolioFindings {
  /// What the checks found: the findings in `vstream.yml`, and those for each stream (by stream id).
  public struct Result: Sendable {
    public var configuration: [Diagnostic] = []
    public var streams: [String: [Diagnostic]] = [:]
  }

  /// `declarations` gives each stream's `stream` id range in its own file.
  public static func check(_ portfolio: Portfolio, settings: PortfolioSettings, declarations: [String: SourceRange])
    -> Result
  {
    var result = Result()
    for check in PortfolioSettings.Check.allCases {
      guard let request = settings.requests[check] else { continue }
      let severity = request.severity
      switch check {
      case .unusedPractices:
        guard !portfolio.unusedPractices.isEmpty else { continue }
        result.configuration.append(
          .unusedPractices(portfolio.unusedPractices, of: portfolio.streams.count, severity, at: request.key))
      case .unusedActivities:
        guard !portfolio.unusedActivities.isEmpty else { continue }
        result.configuration.append(
          .unusedActivities(portfolio.unusedActivities.map(\.id), severity, at: request.key))
      case .streamsWithoutOwner:
        let ownerless = portfolio.streamsWithoutOwner
        guard !ownerless.isEmpty else { continue }
        result.configuration.append(
          .streamsWithoutOwner(ownerless, of: portfolio.streams.count, severity, at: request.key))
      case .handOffs:
        for entry in portfolio.streams where entry.handOffs.count > settings.handOffLimit {
          guard let range = declarations[entry.id] else { continue }
          result.streams[entry.id, default: []].append(
            .tooManyHandOffs(entry, limit: settings.handOffLimit, severity, at: range))
        }
      }
    }
    return result
  }
}

extension Diagnostic {
  /// Up to eight names, then how many more: a message stays one line however large the catalogue.
  static func listed(_ names: [String]) -> String {
    let shown = names.prefix(8).map { "`\($0)`" }.joined(separator: ", ")
    return names.count > 8 ? shown + " and \(names.count - 8) more" : shown
  }

  static func unusedPractices(_ ids: [String], of streams: Int, _ severity: Severity, at range: SourceRange)
    -> Diagnostic
  {
    Diagnostic(
      code: .unusedPractices, severity: severity,
      message: "\(ids.count) practice\(ids.count == 1 ? "" : "s") support no stream: \(listed(ids))",
      range: range, label: "over \(streams) stream\(streams == 1 ? "" : "s")",
      notes: ids.count > 8 ? ["all of them: " + ids.joined(separator: ", ")] : [],
      help: "map the work these practices do to steps, or note that the organisation does not run them")
  }

  static func unusedActivities(_ ids: [String], _ severity: Severity, at range: SourceRange) -> Diagnostic {
    Diagnostic(
      code: .unusedActivities, severity: severity,
      message: "no stream has a step in \(ids.count == 1 ? "the activity" : "the activities") \(listed(ids))",
      range: range, label: "asked here",
      help: "describe the streams that plan and improve as well as those that deliver")
  }

  static func streamsWithoutOwner(_ ids: [String], of streams: Int, _ severity: Severity, at range: SourceRange)
    -> Diagnostic
  {
    Diagnostic(
      code: .streamsWithoutOwner, severity: severity,
      message:
        "\(ids.count) of \(streams) stream\(streams == 1 ? "" : "s") \(ids.count == 1 ? "has" : "have") no owner: \(listed(ids))",
      range: range, label: "asked here",
      help: "add `owner: ...` to each stream's front matter")
  }

  static func tooManyHandOffs(_ entry: Portfolio.Entry, limit: Int, _ severity: Severity, at range: SourceRange)
    -> Diagnostic
  {
    let count = entry.handOffs.count
    return Diagnostic(
      code: .tooManyHandOffs, severity: severity,
      message:
        "the work changes hands \(count) time\(count == 1 ? "" : "s"), more than the portfolio's limit of \(limit)",
      range: range, label: "\(count) hand-off\(count == 1 ? "" : "s")",
      notes: entry.handOffs.map {
        "`\($0.from)` (\($0.fromRole)) → `\($0.to)` (\($0.toRole))\($0.isRework ? ", rework" : "")"
      },
      help: "let one role do neighbouring steps, or raise `portfolio: hand-offs` in `vstream.yml`")
  }
}
