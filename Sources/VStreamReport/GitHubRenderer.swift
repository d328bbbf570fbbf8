import Foundation
import VStreamSource

/// GitHub Actions workflow commands, so that findings appear as annotations on a pull request's changed lines:
/// `::error file=PATH,line=L,col=C,endLine=L2,endColumn=C2,title=VS104 invalid-duration::message`.
public enum GitHubRenderer {
  /// One workflow command for `diagnostic`: `::error`, `::warning` or `::notice`, titled with the code and the rule's
  /// `name` when known, the help appended to the message on its own line.
  public static func render(_ diagnostic: Diagnostic, in file: SourceFile, name: String?) -> String {
    let start = file.location(of: diagnostic.range.start)
    let end = file.location(of: diagnostic.range.end)
    let command = diagnostic.severity == .error ? "error" : diagnostic.severity == .warning ? "warning" : "notice"
    let title = name.map { "\(diagnostic.code) \($0)" } ?? diagnostic.code.rawValue
    var message = diagnostic.message
    if let help = diagnostic.help { message += "\nhelp: " + help }
    let properties = [
      "file=\(escapeProperty(file.path))", "line=\(start.line)", "col=\(start.column)", "endLine=\(end.line)",
      "endColumn=\(end.column)", "title=\(escapeProperty(title))",
    ]
    return "::\(command) \(properties.joined(separator: ","))::\(escapeData(message))"
  }

  /// The escaping GitHub's runner applies to a command's message.
  public static func escapeData(_ text: String) -> String {
    text.replacingAll("%", "%25").replacingAll("\r", "%0D").replacingAll("\n", "%0A")
  }

  /// The escaping of a command's properties: also `:` and `,`, which separate them.
  public static func escapeProperty(_ text: String) -> String {
    escapeData(text).replacingAll(":", "%3A").replacingAll(",", "%2C")
  }

  /// A Markdown table of the findings for `$GITHUB_STEP_SUMMARY`. GitHub refuses a job summary over 1 MiB, so the
  /// table stops after `limit` rows and says how many it left out.
  public static func summary(_ reports: [FileReport], limit: Int = 500) -> String {
    let summary = ReportSummary(reports)
    var out = "### vstream check\n\n\(summary.line)\n"
    let rows = reports.flatMap { report in report.diagnostics.filter { !$0.isSuppressed }.map { (report.file, $0) } }
    guard !rows.isEmpty else { return out + "\n" }
    out += "\n| file | line | severity | code | message |\n| --- | --- | --- | --- | --- |\n"
    for (file, diagnostic) in rows.prefix(limit) {
      let line = file.location(of: diagnostic.range.start).line
      out +=
        "| \(cell(file.path)) | \(line) | \(diagnostic.severity.rawValue) | \(diagnostic.code) | \(cell(diagnostic.message)) |\n"
    }
    if rows.count > limit {
      out += "\n\(rows.count - limit) more not shown; the annotations and the SARIF report have them all.\n"
    }
    return out + "\n"
  }

  static func cell(_ text: String) -> String {
    text.replacingAll("\\", "\\\\").replacingAll("|", "\\|").replacingAll("\n", " ").replacingAll("\r", " ")
  }
}
