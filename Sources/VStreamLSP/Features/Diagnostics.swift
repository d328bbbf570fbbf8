import VStreamSource

/// `textDocument/publishDiagnostics`: the findings of `vstream check` as LSP diagnostics, with the same codes,
/// messages and help, the secondary places as related information, and a link to the rule's page.
enum DiagnosticsFeature {
  /// Where the rule pages are published (`specs/diagnostics/` in the repository).
  static let rulePageBase = "https://github.com/vstream/vstream/blob/main/specs/diagnostics/"

  /// The LSP form of what `check` reports on a file; suppressed findings are left out, as `check` leaves them out
  /// of what it shows.
  static func diagnostics(
    _ diagnostics: [Diagnostic], file: SourceFile, uri: String, encoding: PositionEncoding,
    otherFile: (String) -> SourceFile?
  ) -> [[String: Any]] {
    diagnostics.filter { !$0.isSuppressed }.map {
      diagnostic($0, file: file, uri: uri, encoding: encoding, otherFile: otherFile)
    }
  }

  static func diagnostic(
    _ diagnostic: Diagnostic, file: SourceFile, uri: String, encoding: PositionEncoding,
    otherFile: (String) -> SourceFile?
  ) -> [String: Any] {
    var message = diagnostic.message
    if let label = diagnostic.label, !label.isEmpty { message += " (\(label))" }
    for note in diagnostic.notes { message += "\nnote: \(note)" }
    if let help = diagnostic.help { message += "\nhelp: \(help)" }
    var result: [String: Any] = [
      "range": LSPRange.json(diagnostic.range, in: file, encoding: encoding),
      "severity": severity(diagnostic.severity),
      "code": diagnostic.code.rawValue,
      "codeDescription": ["href": rulePageBase + diagnostic.code.rawValue + ".md"],
      "source": "vstream",
      "message": message,
    ]
    // A place in another file is given by its path; its lines come from that file as the workspace holds it.
    let related: [[String: Any]] = diagnostic.secondary.compactMap { label in
      if let path = label.path, path != file.path {
        guard let other = otherFile(path) else { return nil }
        return [
          "location": [
            "uri": DocumentURI.uri(path), "range": LSPRange.json(label.range, in: other, encoding: encoding),
          ] as [String: Any],
          "message": label.message,
        ]
      }
      return [
        "location": ["uri": uri, "range": LSPRange.json(label.range, in: file, encoding: encoding)],
        "message": label.message,
      ]
    }
    if !related.isEmpty { result["relatedInformation"] = related }
    return result
  }

  /// Errors, warnings and notes as LSP's Error, Warning and Information.
  static func severity(_ severity: Severity) -> Int {
    switch severity {
    case .error: return 1
    case .warning: return 2
    case .note: return 3
    }
  }
}

/// Ranges of bytes as LSP ranges, in the session's encoding.
enum LSPRange {
  static func json(_ range: SourceRange, in file: SourceFile, encoding: PositionEncoding) -> [String: Any] {
    [
      "start": position(encoding.position(of: range.start, in: file)),
      "end": position(encoding.position(of: range.end, in: file)),
    ]
  }

  static func position(_ position: PositionEncoding.Position) -> [String: Any] {
    ["line": position.line, "character": position.character]
  }

  /// Reads `{"line": …, "character": …}`.
  static func position(_ json: Any?) -> PositionEncoding.Position? {
    guard let object = json as? [String: Any], let line = object["line"] as? Int,
      let character = object["character"] as? Int
    else { return nil }
    return PositionEncoding.Position(line: line, character: character)
  }

  /// Reads `{"start": …, "end": …}`.
  static func range(_ json: Any?) -> (start: PositionEncoding.Position, end: PositionEncoding.Position)? {
    guard let object = json as? [String: Any], let start = position(object["start"]), let end = position(object["end"])
    else { return nil }
    return (start, end)
  }
}
