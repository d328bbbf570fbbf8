import VStreamCheck
import VStreamModel
import VStreamSource

extension Compiler {
  /// The portfolio of a repository run and the findings of the checks its `vstream.yml` files ask for.
  public struct PortfolioRun: Sendable {
    /// Over every stream that checked, with the catalogue of the first file's configuration (the organisation's
    /// practices live in the repository's `vstream.yml`).
    public var portfolio: Portfolio
    /// The repository-wide findings, in the `vstream.yml` that asked for them, one report per file.
    public var configurationReports: [FileReport]
    /// Findings about single streams (the hand-off limit), by index into the results.
    public var findings: [Int: [Diagnostic]]
  }

  /// Runs the portfolio over `results` (from `checkRepository`; streams with errors have no model and are left out).
  /// Each `vstream.yml` that asks for checks judges the streams it applies to, so two teams' folders in one run keep
  /// their own settings and catalogues.
  public static func portfolio(
    _ results: [FileResult], configuration: (SourceFile) -> Configuration = { _ in .default }
  ) -> PortfolioRun {
    let built = results.indices.filter { results[$0].stream != nil }
    let catalogue = built.first.map { configuration(results[$0].file).catalogue } ?? .itil
    let portfolio = Portfolio(built.map { results[$0].stream! }, catalogue: catalogue)

    // The streams of each asking `vstream.yml`, in the order of the files.
    var groups: [(file: SourceFile, configuration: Configuration, members: [Int])] = []
    for index in built {
      let applied = configuration(results[index].file)
      guard let file = applied.portfolio.file else { continue }
      if let slot = groups.firstIndex(where: { $0.file.path == file.path }) {
        groups[slot].members.append(index)
      } else {
        groups.append((file, applied, [index]))
      }
    }
    var reports: [FileReport] = []
    var findings: [Int: [Diagnostic]] = [:]
    for group in groups {
      var declarations: [String: SourceRange] = [:]
      var indexByID: [String: Int] = [:]
      for index in group.members {
        let id = results[index].stream!.id
        indexByID[id] = index
        declarations[id] = RepositoryRules.streamID(of: results[index].syntax)
      }
      let result = PortfolioFindings.check(
        Portfolio(group.members.map { results[$0].stream! }, catalogue: group.configuration.catalogue),
        settings: group.configuration.portfolio, declarations: declarations)
      if !result.configuration.isEmpty {
        reports.append(FileReport(file: group.file, diagnostics: Diagnostic.normalized(result.configuration)))
      }
      for (id, diagnostics) in result.streams { findings[indexByID[id]!, default: []] += diagnostics }
    }
    return PortfolioRun(portfolio: portfolio, configurationReports: reports, findings: findings)
  }
}
