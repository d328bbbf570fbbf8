import VStreamSource

/// `textDocument/codeAction`: each fix of each finding that touches the requested range, as a quick fix whose edit
/// is the fix's edits. The first fix of a finding, when safe, is the preferred one (what `check --fix` applies).
enum CodeActionsFeature {
  static func actions(
    for diagnostics: [Diagnostic], in range: SourceRange, context: FeatureContext,
    lspDiagnostic: (Diagnostic) -> [String: Any]
  ) -> [[String: Any]] {
    var actions: [[String: Any]] = []
    for diagnostic in diagnostics where !diagnostic.isSuppressed && overlaps(diagnostic.range, range) {
      for (position, fix) in diagnostic.fixes.enumerated() {
        let edits = fix.edits.map { context.textEdit($0.range, $0.replacement) }
        actions.append([
          "title": fix.message.prefix(1).uppercased() + fix.message.dropFirst() + " (\(diagnostic.code.rawValue))",
          "kind": "quickfix",
          "diagnostics": [lspDiagnostic(diagnostic)],
          "isPreferred": position == 0 && fix.safety == .safe,
          "edit": ["changes": [context.uri: edits]],
        ])
      }
    }
    return actions
  }

  /// Whether two ranges share a byte, or touch (an empty range at a finding's edge is a cursor on it).
  static func overlaps(_ a: SourceRange, _ b: SourceRange) -> Bool {
    a.start <= b.end && b.start <= a.end
  }
}
