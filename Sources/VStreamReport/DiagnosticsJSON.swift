import VStreamSource

/// The diagnostics of a run as JSON (`vstream check --format json`), format `vstream-diagnostics/1`, described by
/// `specs/vstream.schema.json`. Suppressed findings are included and marked.
///
/// ```json
/// {"format": "vstream-diagnostics/1",
///  "files": [{"path": "a.vstream", "diagnostics": [{"code": "VS104", "name": "invalid-duration", ...}]}],
///  "summary": {"errors": 1, "warnings": 0, "notes": 0, "suppressed": 0, "files": 1}}
/// ```
public enum DiagnosticsJSON {
  /// The whole report, files in the order given, with the summary counts of ``ReportSummary``.
  public static func render(_ reports: [FileReport], rules: [RuleDescriptor]) -> String {
    let names = Dictionary(rules.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
    var files: [String: SourceFile] = [:]
    for report in reports where files[report.file.path] == nil { files[report.file.path] = report.file }
    let summary = ReportSummary(reports)
    let entries = reports.map { report in
      JSONValue.object([
        ("path", .string(report.file.path)),
        (
          "diagnostics",
          .array(
            report.diagnostics.map { diagnostic(for: $0, in: report.file, name: names[$0.code], otherFiles: files) })
        ),
      ])
    }
    return JSONValue.object([
      ("format", .string("vstream-diagnostics/1")),
      ("files", .array(entries)),
      (
        "summary",
        .object([
          ("errors", .int(summary.errors)), ("warnings", .int(summary.warnings)), ("notes", .int(summary.notes)),
          ("suppressed", .int(summary.suppressed)), ("files", .int(summary.files)),
        ])
      ),
    ]).rendered()
  }

  /// One diagnostic. A secondary label in another file gets that file's `path` and, when the file is among
  /// `otherFiles`, its `range`; otherwise only its byte `offsets`.
  public static func diagnostic(
    for diagnostic: Diagnostic, in file: SourceFile, name: String?, otherFiles: [String: SourceFile] = [:]
  ) -> JSONValue {
    JSONValue.object([
      ("code", .string(diagnostic.code.rawValue)),
      ("name", .string(name)),
      ("severity", .string(diagnostic.severity.rawValue)),
      ("message", .string(diagnostic.message)),
      ("range", range(diagnostic.range, in: file)),
      ("label", .string(diagnostic.label)),
      ("secondary", .array(diagnostic.secondary.map { secondary($0, in: file, otherFiles: otherFiles) })),
      ("notes", .array(diagnostic.notes.map { .string($0) })),
      ("help", .string(diagnostic.help)),
      ("suppressed", diagnostic.suppression.map { .object([("reason", .string($0.reason))]) } ?? .null),
      ("fixes", .array(diagnostic.fixes.map { fix($0, in: file) })),
    ])
  }

  /// A fix: what it does, whether a tool may apply it unasked, and its edits on ranges of the file as it is.
  static func fix(_ fix: Diagnostic.Fix, in file: SourceFile) -> JSONValue {
    .object([
      ("message", .string(fix.message)),
      ("safety", .string(fix.safety.rawValue)),
      (
        "edits",
        .array(
          fix.edits.map { .object([("range", range($0.range, in: file)), ("replacement", .string($0.replacement))]) })
      ),
    ])
  }

  static func secondary(_ label: Diagnostic.Label, in file: SourceFile, otherFiles: [String: SourceFile]) -> JSONValue {
    var members: [(String, JSONValue)] = [("message", .string(label.message))]
    guard let path = label.path, path != file.path else {
      members.append(("range", range(label.range, in: file)))
      return .object(members)
    }
    members.append(("path", .string(path)))
    if let other = otherFiles[path], label.range.end <= other.bytes.count {
      members.append(("range", range(label.range, in: other)))
    } else {
      members.append(
        ("offsets", .object([("start", .int(Int64(label.range.start))), ("end", .int(Int64(label.range.end)))])))
    }
    return .object(members)
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
