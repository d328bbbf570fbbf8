/// The diagnostics of a run as JSON (`vstream check --format json`), format `vstream-diagnostics/1`, described by
/// `specs/vstream.schema.json`. Suppressed findings are included and marked.
public enum DiagnosticsJSON {
  public static func render(_ reports: [FileReport], rules: [RuleDescriptor]) -> String {
    let names = Dictionary(rules.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
    let summary = ReportSummary(reports)
    let files = reports.map { report in
      JSONValue.object([
        ("path", .string(report.file.path)),
        ("diagnostics", .array(report.diagnostics.map { diagnostic(for: $0, in: report.file, name: names[$0.code]) })),
      ])
    }
    return JSONValue.object([
      ("format", .string("vstream-diagnostics/1")),
      ("files", .array(files)),
      ("summary", .object([
        ("errors", .int(summary.errors)), ("warnings", .int(summary.warnings)), ("notes", .int(summary.notes)),
        ("suppressed", .int(summary.suppressed)), ("files", .int(summary.files)),
      ])),
    ]).rendered()
  }

  public static func diagnostic(for diagnostic: Diagnostic, in file: SourceFile, name: String?) -> JSONValue {
    JSONValue.object([
      ("code", .string(diagnostic.code)),
      ("name", .string(name)),
      ("severity", .string(diagnostic.severity.rawValue)),
      ("message", .string(diagnostic.message)),
      ("range", range(diagnostic.range, in: file)),
      ("label", .string(diagnostic.label)),
      ("secondary", .array(diagnostic.secondary.map { label in
        var members: [(String, JSONValue)] = [("message", .string(label.message))]
        if let path = label.path, path != file.path {
          members.append(("path", .string(path)))
          members.append(("offsets", .object([("start", .int(Int64(label.range.start))), ("end", .int(Int64(label.range.end)))])))
        } else {
          members.append(("range", range(label.range, in: file)))
        }
        return .object(members)
      })),
      ("notes", .array(diagnostic.notes.map { .string($0) })),
      ("help", .string(diagnostic.help)),
      ("suppressed", diagnostic.suppression.map { .object([("reason", .string($0.reason))]) } ?? .null),
    ])
  }

  /// A range with 1-based line and columns (Unicode scalars and UTF-16 units) and 0-based byte offsets.
  public static func range(_ range: SourceRange, in file: SourceFile) -> JSONValue {
    func position(_ offset: UInt32) -> JSONValue {
      let location = file.location(of: offset)
      return .object([
        ("line", .int(location.line)), ("column", .int(location.column)), ("utf16Column", .int(location.utf16Column)),
        ("offset", .int(Int64(location.offset))),
      ])
    }
    return .object([("start", position(range.start)), ("end", position(range.end))])
  }
}
