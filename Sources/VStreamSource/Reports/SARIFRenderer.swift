/// SARIF 2.1.0, as GitHub code scanning reads it: every rule in the driver, results with physical locations relative
/// to `%SRCROOT%`, stable fingerprints, and suppressed findings marked rather than dropped.
public enum SARIFRenderer {
  public static func render(_ reports: [FileReport], rules: [RuleDescriptor], version: String) -> String {
    let ruleIndex = Dictionary(rules.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { first, _ in first })
    let driverRules = rules.map { rule -> JSONValue in
      var help = rule.explanation
      var markdown = rule.explanation
      if !rule.badExample.isEmpty {
        help += "\n\nExample that triggers it:\n\n" + rule.badExample + "\nFixed:\n\n" + rule.goodExample
        markdown += "\n\nExample that triggers it:\n\n```vstream\n" + rule.badExample + "```\n\nFixed:\n\n```vstream\n" + rule.goodExample + "```"
      }
      return .object([
        ("id", .string(rule.code)),
        ("name", .string(pascalCase(rule.name))),
        ("shortDescription", .object([("text", .string(rule.summary))])),
        ("fullDescription", .object([("text", .string(rule.explanation))])),
        ("help", .object([("text", .string(help)), ("markdown", .string(markdown))])),
        ("defaultConfiguration", .object([("level", .string(level(rule.defaultSeverity)))])),
        ("properties", .object([("tags", .array([.string(rule.code.hasPrefix("VS4") ? "lint" : "correctness")]))])),
      ])
    }
    var results: [JSONValue] = []
    var artifacts: [String] = []
    for report in reports {
      let uri = uriReference(report.file.path)
      if !artifacts.contains(uri) { artifacts.append(uri) }
      for diagnostic in report.diagnostics {
        results.append(result(diagnostic, in: report.file, uri: uri, ruleIndex: ruleIndex[diagnostic.code]))
      }
    }
    let run = JSONValue.object([
      ("tool", .object([("driver", .object([
        ("name", .string("vstream")),
        ("informationUri", .string("https://github.com/vstream/vstream")),
        ("semanticVersion", .string(version)),
        ("rules", .array(driverRules)),
      ]))])),
      ("originalUriBaseIds", .object([("%SRCROOT%", .object([("description", .object([("text", .string("The repository root."))]))]))])),
      ("artifacts", .array(artifacts.map { .object([("location", .object([("uri", .string($0)), ("uriBaseId", .string("%SRCROOT%"))]))]) })),
      ("results", .array(results)),
      ("columnKind", .string("unicodeCodePoints")),
    ])
    return JSONValue.object([
      ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
      ("version", .string("2.1.0")),
      ("runs", .array([run])),
    ]).rendered()
  }

  static func result(_ diagnostic: Diagnostic, in file: SourceFile, uri: String, ruleIndex: Int?) -> JSONValue {
    let start = file.location(of: diagnostic.range.start)
    let end = file.location(of: diagnostic.range.end)
    var message = diagnostic.message
    if let help = diagnostic.help { message += " (help: \(help))" }
    var members: [(String, JSONValue)] = [("ruleId", .string(diagnostic.code))]
    if let index = ruleIndex { members.append(("ruleIndex", .int(index))) }
    members += [
      ("level", .string(level(diagnostic.severity))),
      ("message", .object([("text", .string(message))])),
      ("locations", .array([.object([("physicalLocation", .object([
        ("artifactLocation", .object([("uri", .string(uri)), ("uriBaseId", .string("%SRCROOT%"))])),
        ("region", .object([
          ("startLine", .int(start.line)), ("startColumn", .int(start.column)),
          ("endLine", .int(end.line)), ("endColumn", .int(Swift.max(end.column, end.line == start.line ? start.column + 1 : 1))),
        ])),
      ]))])])),
      ("partialFingerprints", .object([("vstream/v1", .string(fingerprint(diagnostic, in: file)))])),
    ]
    if let suppression = diagnostic.suppression {
      members.append(("suppressions", .array([.object([("kind", .string("inSource")), ("justification", .string(suppression.reason))])])))
    }
    return .object(members)
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

  /// A relative URI reference: forward slashes, no leading `./`, reserved and non-ASCII bytes percent-encoded.
  public static func uriReference(_ path: String) -> String {
    var trimmed = path
    while trimmed.hasPrefix("./") { trimmed.removeFirst(2) }
    var out = ""
    for byte in trimmed.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
        UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
        out.unicodeScalars.append(Unicode.Scalar(byte))
      case UInt8(ascii: "\\"):
        out += "/"
      default:
        let hex = String(byte, radix: 16, uppercase: true)
        out += "%" + (hex.count == 1 ? "0" : "") + hex
      }
    }
    return out
  }

  /// FNV-1a over the code, the path, the message and the text of the line: stable across runs and machines (Swift's
  /// own hashing is seeded per process) and across edits elsewhere in the file.
  static func fingerprint(_ diagnostic: Diagnostic, in file: SourceFile) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    let line = file.text(file.lineRange(file.line(of: diagnostic.range.start)))
    for part in [diagnostic.code, file.path, diagnostic.message, line.trimmingBlanks()] {
      for byte in part.utf8 + [0] {
        hash ^= UInt64(byte)
        hash = hash &* 0x0000_0100_0000_01B3
      }
    }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
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
