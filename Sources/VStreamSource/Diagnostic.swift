/// One finding about a source file, as plain data.
///
/// The message says what is wrong, in lower case, without a full stop and without the location: renderers add
/// positions. The fix goes in `help`. Long explanations live with the rule (``RuleDescriptor``), shown by
/// `vstream explain`.
public struct Diagnostic: Hashable, Sendable {
  /// A secondary place that explains the primary one ("first declared here"). `path` is set when the place is in
  /// another file than the diagnostic's own.
  public struct Label: Hashable, Sendable {
    public var range: SourceRange
    public var message: String
    public var path: String?

    public init(range: SourceRange, message: String, path: String? = nil) {
      self.range = range
      self.message = BoundedText.bounded(message)
      self.path = path
    }
  }

  /// Why a finding was silenced: a `# vstream: allow RULE -- reason` comment or configuration. Suppressed findings
  /// are still reported to machine formats, marked, and never counted toward the exit code.
  public struct Suppression: Hashable, Sendable {
    public var reason: String
    /// Where the suppressing comment is, when it is in the file.
    public var range: SourceRange?

    public init(reason: String, range: SourceRange? = nil) {
      self.reason = reason
      self.range = range
    }
  }

  /// A change to the file that fixes a finding, as plain data: for `vstream check --fix`, the JSON and SARIF
  /// reports, and an editor's code actions.
  public struct Fix: Hashable, Sendable {
    /// Whether a tool may apply the fix without asking.
    public enum Safety: String, Hashable, Sendable {
      /// It keeps what the author meant (an alias written as its id, `2 hours` as `2h`): `check --fix` applies it.
      case safe
      /// It is a guess (a did-you-mean): applied only with `--unsafe-fixes`, and only when it is the finding's one
      /// candidate.
      case unsafe
    }

    /// What the fix does, as a command: "write `change-enablement`".
    public var message: String
    /// The edits, on ranges of the original file that do not overlap.
    public var edits: [Edit]
    public var safety: Safety

    public init(_ message: String, edits: [Edit], safety: Safety) {
      self.message = message
      self.edits = edits
      self.safety = safety
    }

    /// A fix that replaces one range.
    public static func replace(_ range: SourceRange, with text: String, _ message: String, safety: Safety) -> Fix {
      Fix(message, edits: [Edit(range: range, replacement: text)], safety: safety)
    }
  }

  /// One replacement of a range of the file's bytes by new text (an empty range inserts, an empty text deletes).
  public struct Edit: Hashable, Sendable {
    public var range: SourceRange
    public var replacement: String

    public init(range: SourceRange, replacement: String) {
      self.range = range
      self.replacement = replacement
    }
  }

  /// Stable code such as `VS104`.
  public var code: DiagnosticCode
  public var severity: Severity
  public var message: String
  /// The primary place: where the caret points.
  public var range: SourceRange
  /// The text under the carets ("not a duration").
  public var label: String?
  public var secondary: [Label]
  public var notes: [String]
  public var help: String?
  public var suppression: Suppression?
  /// Ways to fix it; the first is the one a tool applies. Empty when no mechanical fix is known.
  public var fixes: [Fix]

  public init(
    code: DiagnosticCode,
    severity: Severity,
    message: String,
    range: SourceRange,
    label: String? = nil,
    secondary: [Label] = [],
    notes: [String] = [],
    help: String? = nil,
    suppression: Suppression? = nil,
    fixes: [Fix] = []
  ) {
    self.code = code
    self.severity = severity
    self.message = BoundedText.bounded(message)
    self.range = range
    self.label = label.map(BoundedText.bounded)
    self.secondary = secondary
    self.notes = notes.map(BoundedText.bounded)
    self.help = help.map(BoundedText.bounded)
    self.suppression = suppression
    self.fixes = fixes
  }

  public var isSuppressed: Bool { suppression != nil }
}

extension Diagnostic {
  /// The order findings are reported in: by position, then code, then message. Sorting makes output independent of
  /// the order in which rules ran or files were read.
  public static func reportOrder(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
    if lhs.range.start != rhs.range.start { return lhs.range.start < rhs.range.start }
    if lhs.range.end != rhs.range.end { return lhs.range.end < rhs.range.end }
    if lhs.code != rhs.code { return lhs.code < rhs.code }
    return lhs.message < rhs.message
  }

  /// Sorts and removes exact duplicates, so that two routes to one finding report it once.
  public static func normalized(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
    // Already strictly in order (every stage hands its list on normalised): then nothing ties, so nothing repeats.
    if zip(diagnostics, diagnostics.dropFirst()).allSatisfy({ reportOrder($0, $1) }) { return diagnostics }
    // Sort positions rather than the (large) diagnostics themselves; ties keep their input order.
    let order = diagnostics.indices.sorted { left, right in
      if reportOrder(diagnostics[left], diagnostics[right]) { return true }
      if reportOrder(diagnostics[right], diagnostics[left]) { return false }
      return left < right
    }
    // Exact duplicates share position, code and message, so they fall in one run of the sorted order: compare
    // within the run only.
    var result: [Diagnostic] = []
    result.reserveCapacity(diagnostics.count)
    var runStart = 0
    for index in order {
      let diagnostic = diagnostics[index]
      if let last = result.last, reportOrder(last, diagnostic) { runStart = result.count }
      if result[runStart...].contains(diagnostic) { continue }
      result.append(diagnostic)
    }
    return result
  }
}
