import VStream
import VStreamReport
import VStreamSource

/// The one funnel every finding of a run goes through: it collects the reports of all files, sorts them (by path,
/// then ``Diagnostic/reportOrder``), counts them and renders them in each requested format, so that every format
/// and the exit status agree on what was found.
///
/// Suppressed findings are kept: the human, gcc and github formats leave them out and the counts ignore them, while
/// json and SARIF carry them, marked, so that an audit can see what was silenced and why.
struct DiagnosticsEngine {
  private(set) var reports: [FileReport] = []

  init(_ reports: [FileReport] = []) {
    add(reports)
  }

  /// Adds reports; the engine keeps them sorted by path bytes, each report's findings in report order.
  mutating func add(_ more: [FileReport]) {
    reports += more.map { FileReport(file: $0.file, diagnostics: Diagnostic.normalized($0.diagnostics)) }
    // Reports usually come in path order already: one look at each neighbour instead of a sort.
    if zip(reports, reports.dropFirst()).allSatisfy({ !$1.file.path.precedesInByteOrder($0.file.path) }) { return }
    // A stable sort, so that two reports under one name (a file and standard input named after it) keep their order.
    reports = reports.enumerated().sorted { lhs, rhs in
      if lhs.element.file.path != rhs.element.file.path {
        return lhs.element.file.path.precedesInByteOrder(rhs.element.file.path)
      }
      return lhs.offset < rhs.offset
    }.map(\.element)
  }

  /// The counts of findings that are not suppressed.
  var summary: ReportSummary { ReportSummary(reports) }

  /// Whether the findings fail the run: any error, or any warning with `--werror`.
  func fails(warningsAreErrors: Bool) -> Bool {
    let summary = self.summary
    return summary.errors > 0 || (warningsAreErrors && summary.warnings > 0)
  }

  /// The whole report in one format. `quiet` (human only) leaves out everything below error level, but not the
  /// summary line.
  func render(_ format: ReportFormat, colors: Bool = false, quiet: Bool = false) -> String {
    switch format {
    case .human:
      // With no file read at all (every input failed), "no problems in 0 files" would only mislead.
      guard !reports.isEmpty else { return "" }
      return humanDiagnostics(minimum: quiet ? .error : .note, colors: colors) + summary.line + "\n"
    case .gcc:
      return visible(minimum: .note).map { ShortRenderer.render($0.diagnostic, in: $0.file) + "\n" }.joined()
    case .github:
      let names = ruleNames
      return visible(minimum: .note).map {
        GitHubRenderer.render($0.diagnostic, in: $0.file, name: names[$0.diagnostic.code]) + "\n"
      }
      .joined()
    case .sarif:
      return SARIFRenderer.render(
        reports, rules: Compiler.rules, version: VStreamCommand.version, root: RepositoryRoot.workingDirectoryPrefix())
    case .json:
      return DiagnosticsJSON.render(reports, rules: Compiler.rules)
    }
  }

  /// The snippets of the visible findings at `minimum` severity or above, without a summary: what `build`, `fmt`
  /// and `parse` print on standard error.
  func humanDiagnostics(minimum: Severity, colors: Bool) -> String {
    let shown = visible(minimum: minimum)
    guard !shown.isEmpty else { return "" }
    let renderer = HumanRenderer(options: .init(colors: colors))
    var files: [String: SourceFile] = [:]
    for report in reports where files[report.file.path] == nil { files[report.file.path] = report.file }
    return shown.map { renderer.render($0.diagnostic, in: $0.file, otherFiles: files) + "\n" }.joined()
  }

  /// The Markdown summary for `$GITHUB_STEP_SUMMARY`.
  var stepSummary: String { GitHubRenderer.summary(reports) }

  private func visible(minimum: Severity) -> [(file: SourceFile, diagnostic: Diagnostic)] {
    reports.flatMap { report in
      report.diagnostics.filter { !$0.isSuppressed && $0.severity >= minimum }.map { (report.file, $0) }
    }
  }

  private var ruleNames: [DiagnosticCode: String] {
    Dictionary(Compiler.rules.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
  }
}
