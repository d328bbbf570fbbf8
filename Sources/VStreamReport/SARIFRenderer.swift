import VStreamSource

/// SARIF 2.1.0, as GitHub code scanning reads it: the rules that have results in the driver, results with physical
/// locations relative to `%SRCROOT%`, stable fingerprints, and suppressed findings marked rather than dropped.
///
/// Paths are relative to the run's working directory; `root` is that folder as seen from the repository root (`""`
/// when the run is at the root, `docs/` when it is one folder down), so that every URI is relative to the repository
/// root wherever `vstream check` ran. An absolute path becomes a `file://` URI. Columns count Unicode scalars (`columnKind`
/// `unicodeCodePoints`), as the human and gcc formats do, and end columns are exclusive, as SARIF defines them.
public enum SARIFRenderer {
  /// The address in the driver's `informationUri`.
  public static let informationURI = "https://github.com/vstream/vstream"

  /// The whole log: one run, the rules of `rules` that have a result in the driver (in their order), one result per
  /// diagnostic of `reports`.
  ///
  /// Only the rules with results are listed: all 70 made a report of 7 findings 187 KB. SARIF does not require a
  /// rule to be listed, and GitHub shows a result's rule from its entry, so nothing a reader sees is lost.
  public static func render(_ reports: [FileReport], rules: [RuleDescriptor], version: String, root: String = "")
    -> String
  {
    let used = Set(reports.flatMap { $0.diagnostics.map(\.code) })
    let listed = rules.filter { used.contains($0.code) }
    let ruleIndex = Dictionary(listed.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { first, _ in first })
    let driverRules = listed.map { rule -> JSONValue in
      var help = rule.explanation
      var markdown = rule.explanation
      if !rule.badExample.isEmpty {
        help += "\n\nExample that triggers it:\n\n" + rule.badExample + "\nFixed:\n\n" + rule.goodExample
        markdown +=
          "\n\nExample that triggers it:\n\n```vstream\n" + rule.badExample + "```\n\nFixed:\n\n```vstream\n"
          + rule.goodExample + "```"
      }
      return .object([
        ("id", .string(rule.code.rawValue)),
        ("name", .string(pascalCase(rule.name))),
        ("shortDescription", .object([("text", .string(rule.summary))])),
        ("fullDescription", .object([("text", .string(rule.explanation))])),
        ("help", .object([("text", .string(help)), ("markdown", .string(markdown))])),
        ("defaultConfiguration", .object([("level", .string(level(rule.defaultSeverity)))])),
        ("properties", .object([("tags", .array([.string(rule.code.stage == .lint ? "lint" : "correctness")]))])),
      ])
    }
    var results: [JSONValue] = []
    var artifacts: [JSONValue] = []
    var files: [String: SourceFile] = [:]
    for report in reports where files[report.file.path] == nil {
      files[report.file.path] = report.file
      artifacts.append(.object([("location", artifactLocation(report.file.path, root: root))]))
    }
    for report in reports {
      for diagnostic in report.diagnostics {
        results.append(
          result(diagnostic, in: report.file, ruleIndex: ruleIndex[diagnostic.code], files: files, root: root))
      }
    }
    let run = JSONValue.object([
      (
        "tool",
        .object([
          (
            "driver",
            .object([
              ("name", .string("vstream")),
              ("informationUri", .string(informationURI)),
              ("semanticVersion", .string(version)),
              ("rules", .array(driverRules)),
            ])
          )
        ])
      ),
      (
        "originalUriBaseIds",
        .object([("%SRCROOT%", .object([("description", .object([("text", .string("The repository root."))]))]))])
      ),
      ("artifacts", .array(artifacts)),
      ("results", .array(results)),
      ("columnKind", .string("unicodeCodePoints")),
    ])
    return JSONValue.object([
      ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
      ("version", .string("2.1.0")),
      ("runs", .array([run])),
    ]).rendered()
  }

  static func result(
    _ diagnostic: Diagnostic, in file: SourceFile, ruleIndex: Int?, files: [String: SourceFile], root: String
  ) -> JSONValue {
    var message = diagnostic.message
    if let help = diagnostic.help { message += " (help: \(help))" }
    var members: [(String, JSONValue)] = [("ruleId", .string(diagnostic.code.rawValue))]
    if let index = ruleIndex { members.append(("ruleIndex", .int(index))) }
    var primary: [(String, JSONValue)] = [
      ("physicalLocation", physicalLocation(diagnostic.range, in: file, root: root))
    ]
    if let label = diagnostic.label { primary.append(("message", .object([("text", .string(label))]))) }
    members += [
      ("level", .string(level(diagnostic.severity))),
      ("message", .object([("text", .string(message))])),
      ("locations", .array([.object(primary)])),
    ]
    // Secondary labels ("also declared here") become related locations, which code scanning shows beside the result.
    var related: [JSONValue] = []
    for (index, label) in diagnostic.secondary.enumerated() {
      let target = label.path.flatMap { files[$0] } ?? (label.path == nil ? file : nil)
      let location: JSONValue
      if let target, label.range.end <= target.bytes.count {
        location = physicalLocation(label.range, in: target, root: root)
      } else {
        location = .object([("artifactLocation", artifactLocation(label.path ?? file.path, root: root))])
      }
      related.append(
        .object([
          ("id", .int(index + 1)), ("physicalLocation", location),
          ("message", .object([("text", .string(label.message))])),
        ]))
    }
    if !related.isEmpty { members.append(("relatedLocations", .array(related))) }
    if !diagnostic.fixes.isEmpty {
      members.append(("fixes", .array(diagnostic.fixes.map { fix($0, in: file, root: root) })))
    }
    members.append(("partialFingerprints", .object([("vstream/v1", .string(fingerprint(diagnostic, in: file)))])))
    if let suppression = diagnostic.suppression {
      members.append(
        (
          "suppressions",
          .array([.object([("kind", .string("inSource")), ("justification", .string(suppression.reason))])])
        ))
    }
    return .object(members)
  }

  /// A fix as SARIF's `fix`: its description and one artifact change, whose replacements delete exactly the edited
  /// region (empty for an insertion) and insert the new text.
  static func fix(_ fix: Diagnostic.Fix, in file: SourceFile, root: String) -> JSONValue {
    let replacements = fix.edits.map { edit -> JSONValue in
      let start = file.location(of: edit.range.start)
      let end = file.location(of: edit.range.end)
      return .object([
        (
          "deletedRegion",
          .object([
            ("startLine", .int(start.line)), ("startColumn", .int(start.column)), ("endLine", .int(end.line)),
            ("endColumn", .int(end.column)),
          ])
        ),
        ("insertedContent", .object([("text", .string(edit.replacement))])),
      ])
    }
    return .object([
      ("description", .object([("text", .string(fix.message))])),
      (
        "artifactChanges",
        .array([
          .object([
            ("artifactLocation", artifactLocation(file.path, root: root)), ("replacements", .array(replacements)),
          ])
        ])
      ),
    ])
  }

  /// A file and a region in it. An empty range still covers one column: SARIF regions are never empty, and code
  /// scanning needs something to underline.
  static func physicalLocation(_ range: SourceRange, in file: SourceFile, root: String) -> JSONValue {
    let start = file.location(of: range.start)
    let end = file.location(of: range.end)
    let endColumn = end.line == start.line ? Swift.max(end.column, start.column + 1) : end.column
    return .object([
      ("artifactLocation", artifactLocation(file.path, root: root)),
      (
        "region",
        .object([
          ("startLine", .int(start.line)), ("startColumn", .int(start.column)),
          ("endLine", .int(end.line)), ("endColumn", .int(endColumn)),
        ])
      ),
    ])
  }

  /// A relative path as a URI reference against `%SRCROOT%` (`root` + the path, with `.` and `..` resolved); an
  /// absolute path as a `file://` URI.
  static func artifactLocation(_ path: String, root: String) -> JSONValue {
    if path.hasPrefix("/") { return .object([("uri", .string("file://" + uriReference(path)))]) }
    return .object([("uri", .string(uriReference(resolved(root + path)))), ("uriBaseId", .string("%SRCROOT%"))])
  }

  /// A relative path with its `.` and `..` components resolved, as far as they stay inside the root
  /// (`docs/../a.vstream` is `a.vstream`; a `..` above the root is kept).
  static func resolved(_ path: String) -> String {
    var parts: [Substring] = []
    for part in path.split(separator: "/", omittingEmptySubsequences: true) {
      if part == "." { continue }
      if part == "..", let last = parts.last, last != ".." {
        parts.removeLast()
      } else {
        parts.append(part)
      }
    }
    return parts.joined(separator: "/")
  }

  static func level(_ severity: Severity) -> String {
    switch severity {
    case .error: return "error"
    case .warning: return "warning"
    case .note: return "note"
    }
  }

  /// `no-practices` -> `NoPractices`, as SARIF's examples name rules.
  static func pascalCase(_ name: String) -> String {
    name.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
  }

  /// A relative URI reference: no leading `./`, reserved and non-ASCII bytes (and backslashes, which are ordinary
  /// file-name characters on Linux) percent-encoded.
  public static func uriReference(_ path: String) -> String {
    var trimmed = path
    while trimmed.hasPrefix("./") { trimmed.removeFirst(2) }
    var out = ""
    for byte in trimmed.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"),
        UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
        out.unicodeScalars.append(Unicode.Scalar(byte))
      default:
        let hex = String(byte, radix: 16, uppercase: true)
        out += "%" + (hex.count == 1 ? "0" : "") + hex
      }
    }
    return out
  }

  /// FNV-1a over the code, the path, the message and the text of the line (blanks trimmed), each followed by a NUL:
  /// stable across runs and machines (Swift's own hashing is seeded per process) and across edits elsewhere in the
  /// file, so code scanning recognises a finding that only moved.
  static func fingerprint(_ diagnostic: Diagnostic, in file: SourceFile) -> String {
    let line = file.text(file.lineRange(file.line(of: diagnostic.range.start))).trimmingBlanks()
    var bytes: [UInt8] = []
    for part in [diagnostic.code.rawValue, file.path, diagnostic.message, line] { bytes += Array(part.utf8) + [0] }
    let hex = String(fnv1a64(bytes), radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }

  /// The 64-bit FNV-1a hash (http://www.isthe.com/chongo/tech/comp/fnv/).
  static func fnv1a64(_ bytes: [UInt8]) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01B3
    }
    return hash
  }
}

extension String {
  fileprivate func trimmingBlanks() -> String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" && $0 != "\r" }) else { return "" }
    let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" && $0 != "\r" })!
    return String(scalars[first...last])
  }
}
