import Foundation
import VStreamSource

/// Every diagnostic the front end (encoding checks and parser) emits: codes, names, wording and explanations in one
/// place, sorted by code. Codes are stable: a code is never reused for another meaning.
public enum SyntaxMessages {
  public static let invalidUTF8: DiagnosticCode = "VS001"
  public static let controlCharacter: DiagnosticCode = "VS002"
  public static let fileTooLarge: DiagnosticCode = "VS003"
  public static let tooManyProblems: DiagnosticCode = "VS004"
  public static let unknownKeyword: DiagnosticCode = "VS101"
  public static let unterminatedFrontMatter: DiagnosticCode = "VS102"
  public static let unterminatedString: DiagnosticCode = "VS103"
  public static let invalidDuration: DiagnosticCode = "VS104"
  public static let invalidPercentage: DiagnosticCode = "VS105"
  public static let invalidIdentifier: DiagnosticCode = "VS106"
  public static let missingIdentifier: DiagnosticCode = "VS107"
  public static let unexpectedToken: DiagnosticCode = "VS108"
  public static let attributeOutsideDeclaration: DiagnosticCode = "VS109"
  public static let attributeNotAllowed: DiagnosticCode = "VS110"
  public static let duplicateAttribute: DiagnosticCode = "VS111"
  public static let missingValue: DiagnosticCode = "VS112"
  public static let invalidEscape: DiagnosticCode = "VS113"
  public static let invalidFlow: DiagnosticCode = "VS114"
  public static let invalidList: DiagnosticCode = "VS115"
  public static let expectedString: DiagnosticCode = "VS116"
  public static let misplacedFrontMatter: DiagnosticCode = "VS117"

  private static let minimal = """
    stream s
    demand need
    step work
      activity engage
      practices service-desk
    value done

    """

  /// The descriptors for `vstream explain`, SARIF and the specification. A bad example is empty where the problem
  /// cannot be shown as text (bytes that are not UTF-8, a file over the size limit).
  public static let rules: [RuleDescriptor] = [
    rule(
      invalidUTF8, "invalid-utf8", "the file is not valid UTF-8 text",
      """
      A `.vstream` file must be UTF-8 text. A file with bytes that are not UTF-8 (a binary file, or text saved in \
      Latin-1 or UTF-16) is reported once, at the first bad byte, with a count of the others, and is not parsed \
      further: guessing at its text would only produce misleading errors. Save the file as UTF-8.
      """,
      bad: "", good: minimal),
    rule(
      controlCharacter, "control-character", "the file contains a control character",
      """
      Control characters other than tab, carriage return and line feed have no place in a `.vstream` file and are \
      often invisible in editors and diffs. A NUL byte marks the file as binary: it is reported and the file is not \
      parsed further. Other control characters are reported and treated as spaces. Delete them. A file whose lines \
      end with a carriage return alone (classic Mac OS; no line feed anywhere) is one finding too, whose safe fix \
      ends every line with a line feed; it is not parsed further until then.
      """,
      bad: "stream s\u{0C}\n" + String(minimal.dropFirst(9)), good: minimal),
    rule(
      fileTooLarge, "file-too-large", "the file is larger than the configured limit",
      """
      vstream refuses files larger than its size limit (128 MiB by default) so that a stray large file cannot \
      exhaust memory in CI. Split the stream or raise the limit with `--max-file-size`.
      """,
      bad: "", good: minimal),
    rule(
      tooManyProblems, "too-many-problems", "a file has more problems than are reported",
      """
      The front end and the checker each report at most 10,000 problems per file; past that they only count. One more \
      finding says how many more there were and points at the first of them, with the severity of the most \
      severe, so the exit status does not change. Such a file is usually not a stream at all (a log or a data file \
      named `.vstream`), or one mistake repeated on every line: fix the first problems and check again.
      """,
      bad: "", good: minimal),
    rule(
      unknownKeyword, "unknown-keyword", "a line does not start with a keyword",
      """
      Every line of the body starts with a keyword that says what it is: a declaration (`stream`, `demand`, \
      `step`, `value`, `flow`), an attribute of the declaration above it (`activity`, `practices`, `roles`, \
      `time`, `wait`, `ca`, `note`, `from`, `for`), or `->` to continue a flow. A misspelt keyword is reported with \
      the closest keyword, and parsing resumes on the next line.
      """,
      bad: minimal.replacingAll("  activity", "  activty"), good: minimal),
    rule(
      unterminatedFrontMatter, "unterminated-front-matter", "the front matter has no closing `---` line",
      """
      Front matter starts with a `---` line at the very top of the file and ends with the next line that is \
      exactly `---` (or `...`). Without the closing line the whole file would be YAML, so the body is not parsed. \
      Add the closing `---` line after the last YAML key.
      """,
      bad: "---\ntitle: Restore\n" + minimal, good: "---\ntitle: Restore\n---\n" + minimal),
    rule(
      unterminatedString, "unterminated-string", "a quoted string has no closing quote",
      """
      A `"` string must close on the same line; a `\"\"\"` block must close with `\"\"\"` before the end of the file. \
      To put a quote inside a string, write `\\"`. The fix closes the string at the end of its line; it is applied \
      without asking only when the quote opens a word and nothing on the rest of the line looks like a comment. In a \
      list of roles, a quote without its partner among unquoted words is one finding, with no fix: the quotes do not \
      pair up, and which one is missing is a guess.
      """,
      bad: minimal.replacingAll("step work", "step work \"Do the work"),
      good: minimal.replacingAll("step work", "step work \"Do the work\"")),
    rule(
      invalidDuration, "invalid-duration", "a duration is not written as numbers with units",
      """
      Durations are whole numbers followed by a unit, largest unit first, each unit at most once: `90s`, `5m`, \
      `1h30m`, `2d`, `1w`. Units are `w` (weeks), `d` (days), `h`, `m` and `s`; how long a day and a week are is a \
      setting (calendar days by default). Write `1h30m` rather than `1.5h` or `90 minutes`.
      """,
      bad: minimal.replacingAll("  practices service-desk", "  practices service-desk\n  time 5 minutes"),
      good: minimal.replacingAll("  practices service-desk", "  practices service-desk\n  time 5m")),
    rule(
      invalidPercentage, "invalid-percentage", "a percentage is not a number followed by `%`",
      """
      `ca` (percent complete and accurate) takes a percentage: a number with at most two decimals followed by \
      `%`, such as `90%` or `99.5%`. Write `90%` rather than `0.9` or `90`.
      """,
      bad: minimal.replacingAll("  practices service-desk", "  practices service-desk\n  ca 0.9"),
      good: minimal.replacingAll("  practices service-desk", "  practices service-desk\n  ca 90%")),
    rule(
      invalidIdentifier, "invalid-identifier", "an identifier has characters identifiers cannot have",
      """
      Identifiers name the stream, the demand, steps and values, and flows refer to them. They are ASCII words \
      that start with a letter and go on with letters, digits, `-` and `_`: kebab-case (`log-and-classify`) or \
      snake_case. Put the human-readable name in the quoted title instead.
      """,
      bad: minimal.replacingAll("step work", "step 1st-line"),
      good: minimal.replacingAll("step work", "step first-line")),
    rule(
      missingIdentifier, "missing-identifier", "a declaration has no identifier",
      """
      Each declaration names what it declares right after its keyword: `step triage "Log and classify"`. The \
      identifier is what flows refer to and what stays stable when the title changes.
      """,
      bad: minimal.replacingAll("step work", "step \"Do the work\""),
      good: minimal.replacingAll("step work", "step work \"Do the work\"")),
    rule(
      unexpectedToken, "unexpected-token", "a line has more than its construct allows",
      """
      A line holds one construct; anything after its end is reported rather than silently ignored. Often a title \
      lost its quotes or two lines were joined.
      """,
      bad: minimal.replacingAll("step work\n", "step work \"Work\" extra\n"),
      good: minimal),
    rule(
      attributeOutsideDeclaration, "attribute-outside-declaration", "an attribute line has no declaration above it",
      """
      Attribute lines (`activity`, `time`, ...) belong to the declaration above them. Before the first \
      declaration, or after a `flow` line, there is none to belong to. Move the line under its step.
      """,
      bad: "activity engage\n" + minimal, good: minimal),
    rule(
      attributeNotAllowed, "attribute-not-allowed", "an attribute does not belong to this kind of declaration",
      """
      Each declaration takes its own attributes: a stream `note`; a demand `from` and `note`; a step `activity`, \
      `practices`, `roles`, `time`, `wait`, `ca` and `note`; a value `for` and `note`. An attribute under the wrong \
      declaration is usually indented under the wrong line.
      """,
      bad: minimal.replacingAll("demand need", "demand need\n  activity engage"), good: minimal),
    rule(
      duplicateAttribute, "duplicate-attribute", "an attribute is given twice in one declaration",
      """
      Each attribute may appear once per declaration; a second one would silently override the first. To list \
      several practices or roles, separate them with commas on one line.
      """,
      bad: minimal.replacingAll(
        "  practices service-desk", "  practices service-desk\n  practices incident-management"),
      good: minimal.replacingAll("  practices service-desk", "  practices service-desk, incident-management")),
    rule(
      missingValue, "missing-value", "an attribute has no value",
      """
      An attribute keyword must be followed by its value on the same line: `activity engage`, `time 5m`.
      """,
      bad: minimal.replacingAll("  activity engage", "  activity"), good: minimal),
    rule(
      invalidEscape, "invalid-escape", "a string contains an unknown escape sequence",
      """
      Inside strings, a backslash starts an escape: `\\"` for a quote, `\\\\` for a backslash, `\\n` for a line break \
      and `\\t` for a tab. Any other backslash sequence is an error, so that a Windows path or a regular expression \
      is not silently changed: write `\\\\` for a literal backslash.
      """,
      bad: minimal.replacingAll("step work", "step work \"Save to C:\\data\""),
      good: minimal.replacingAll("step work", "step work \"Save to C:\\\\temp\"")),
    rule(
      invalidFlow, "invalid-flow", "a flow line is not a chain of names joined by arrows",
      """
      A flow is `flow a -> b -> c`, optionally ending with a quoted label that labels each of its arrows, and may \
      continue on following lines that start with `->`. Each arrow needs a name on both sides; a flow needs at \
      least one arrow.
      """,
      bad: minimal + "flow need -> work ->\n", good: minimal + "flow need -> work -> done\n"),
    rule(
      invalidList, "invalid-list", "a list is not separated by commas",
      """
      `practices` and `roles` take comma-separated lists: `practices service-desk, incident-management`. An item \
      is missing between two commas or after a trailing comma, or two items lack the comma between them.
      """,
      bad: minimal.replacingAll("practices service-desk", "practices service-desk,, incident-management"),
      good: minimal.replacingAll("practices service-desk", "practices service-desk, incident-management")),
    rule(
      expectedString, "expected-string", "text that must be quoted is not",
      """
      Titles, roles, `from`, `for` and `note` are free text and must be quoted: `step triage "Log and classify"`. \
      Quoting keeps free text apart from keywords and identifiers, so words like `flow` can appear in a title.
      """,
      bad: minimal.replacingAll("step work", "step work Do the work"),
      good: minimal.replacingAll("step work", "step work \"Do the work\"")),
    rule(
      misplacedFrontMatter, "misplaced-front-matter", "a `---` line appears below the top of the file",
      """
      Front matter is only recognised at the very top of the file (after an optional byte order mark). A `---` \
      line anywhere else is an error: move the YAML block to the top, or remove the stray line.
      """,
      bad: "# Restore\n---\ntitle: Restore\n---\n" + minimal, good: "---\ntitle: Restore\n---\n# Restore\n" + minimal),
  ]

  private static func rule(
    _ code: DiagnosticCode, _ name: String, _ summary: String, _ explanation: String, bad: String, good: String
  )
    -> RuleDescriptor
  {
    RuleDescriptor(
      code: code, name: name, defaultSeverity: .error, summary: summary, explanation: explanation,
      badExample: bad, goodExample: good, isConfigurable: false)
  }
}

/// The words of one syntax finding, without its place: what the wording functions below return, so that all the
/// parser's wording is in this catalogue. The parser adds the range.
public struct SyntaxMessage: Sendable {
  public var code: DiagnosticCode
  public var text: String
  public var label: String?
  public var secondary: [Diagnostic.Label] = []
  public var notes: [String] = []
  public var help: String?
  public var fixes: [Diagnostic.Fix] = []

  /// The finding at `range`: an error, as every syntax finding is.
  public func diagnostic(at range: SourceRange) -> Diagnostic {
    Diagnostic(
      code: code, severity: .error, message: text, range: range, label: label, secondary: secondary, notes: notes,
      help: help, fixes: fixes)
  }
}

// MARK: - Wording

extension SyntaxMessage {
  static func keywordExpected(found: String, isString: Bool) -> SyntaxMessage {
    SyntaxMessage(
      code: SyntaxMessages.unknownKeyword, text: "expected a keyword at the start of the line, found \(found)",
      label: "expected a keyword",
      help: isString ? "a title goes on the declaration line, after the identifier: `step triage \"Title\"`" : nil)
  }

  static let unterminatedFrontMatter = SyntaxMessage(
    code: SyntaxMessages.unterminatedFrontMatter, text: "front matter has no closing `---` line",
    label: "front matter starts here", help: "add a line `---` after the last front matter key")

  static func valueMissing(_ kind: AttributeKind, example: String?) -> SyntaxMessage {
    SyntaxMessage(
      code: SyntaxMessages.missingValue, text: "`\(kind.rawValue)` needs \(kind.valueDescription)",
      label: "value expected", help: example.map { "write `\($0)`" })
  }

  static let misplacedFrontMatter = SyntaxMessage(
    code: SyntaxMessages.misplacedFrontMatter, text: "front matter must be at the very top of the file",
    label: "not at the top", help: "move the front matter block to the first line of the file")

  static func capitalisedKeyword(_ word: String, lower: String, at range: SourceRange) -> SyntaxMessage {
    SyntaxMessage(
      code: SyntaxMessages.unknownKeyword, text: "keywords are written in lower case, found `\(word)`",
      label: "write `\(lower)`", help: "write `\(lower)`",
      fixes: [.replace(range, with: lower, "write `\(lower)`", safety: .safe)])
  }

  static func slashComment(at slashes: SourceRange) -> SyntaxMessage {
    SyntaxMessage(
      code: SyntaxMessages.unknownKeyword, text: "comments start with `#`, found `//`", label: "not a comment",
      help: "write `#` for `//`", fixes: [.replace(slashes, with: "#", "write `#`", safety: .safe)])
  }

  /// The did-you-mean is a guess: its fix is applied only when asked for.
  static func unknownKeyword(_ word: String, suggestion: String?, at range: SourceRange) -> SyntaxMessage {
    SyntaxMessage(
      code: SyntaxMessages.unknownKeyword, text: "unknown keyword `\(word)`", label: "not a keyword",
      help: suggestion.map { "did you mean `\($0)`?" },
      fixes: suggestion.map { [.replace(range, with: $0, "write `\($0)`", safety: .unsafe)] } ?? [])
  }

  static func missingIdentifier(after kind: DeclarationKind) -> SyntaxMessage {
    SyntaxMessage(
      code: SyntaxMessages.missingIdentifier, text: "expected an identifier after `\(kind.rawValue)`",
      label: "identifier expected", help: "write `\(kind.rawValue) some-name \"Title\"`")
  }

  static func identifierWithSpaces(
    _ written: String, joined: String, kind: DeclarationKind, title: String, at range: SourceRange
  ) -> SyntaxMessage {
    SyntaxMessage(
      code: SyntaxMessages.invalidIdentifier, text: "`\(written)` is not one identifier: ids have no spaces",
      label: "one id expected", help: "write `\(kind.rawValue) \(joined) \(title)`",
      fixes: [.replace(range, with: joined, "write `\(joined)`", safety: .unsafe)])
  }

  static func singleQuotedTitle(_ written: String, quoted: String, at range: SourceRange) -> SyntaxMessage {
    SyntaxMessage(
      code: SyntaxMessages.expectedString, text: "titles are in double quotes, found `\(written)`",
      label: "single quotes", help: "write `\(quoted)`",
      fixes: [.replace(range, with: quoted, "write `\(quoted)`", safety: .safe)])
  }

  static func unquotedTitle(_ written: String, quoted: String, at range: SourceRange) -> SyntaxMessage {
    SyntaxMessage(
      code: SyntaxMessages.expectedString, text: "expected a quoted title, found `\(written)`", label: "not quoted",
      help: "write `\(quoted)`", fixes: [.replace(range, with: quoted, "write `\(quoted)`", safety: .safe)])
  }

  static func extraAfterDeclaration(_ kind: DeclarationKind, found: String) -> SyntaxMessage {
    SyntaxMessage(
      code: SyntaxMessages.unexpectedToken,
      text: "expected the end of the line after the \(kind.rawValue) declaration, found \(found)", label: "unexpected",
      help: "a declaration line is `\(kind.rawValue) NAME \"Title\"`")
  }

  static func invalidIdentifier(_ written: String, suggestion: String?) -> SyntaxMessage {
    SyntaxMessage(
      code: SyntaxMessages.invalidIdentifier, text: "`\(written)` is not a valid identifier",
      label: "invalid identifier",
      help: suggestion.map { "identifiers start with a letter and use letters, digits, `-` and `_`: try `\($0)`" }
        ?? "identifiers start with a letter and use letters, digits, `-` and `_`")
  }

  /// A one-line string's fix adds the quote at `closingAt`; a guess when the rest of the line may be a comment.
  /// `isGuess`: closing the string at the end of its line may not be what was meant (it would swallow a comment, or
  /// the quote is stuck to a word): the fix is then asked for.
  static func unterminatedString(isBlock: Bool, closingAt: SourceRange?, isGuess: Bool) -> SyntaxMessage {
    SyntaxMessage(
      code: SyntaxMessages.unterminatedString, text: isBlock ? "unterminated `\"\"\"` block" : "unterminated string",
      label: isBlock ? "block starts here" : "no closing quote",
      help: isBlock
        ? "close the block with `\"\"\"` on a line of its own" : "add a closing `\"` at the end of the text",
      fixes: closingAt.map {
        [.replace($0, with: "\"", "add the closing `\"`", safety: isGuess ? .unsafe : .safe)]
      }
        ?? [])
  }

  static func invalidEscape(_ escape: String) -> SyntaxMessage {
    SyntaxMessage(
      code: SyntaxMessages.invalidEscape, text: "unknown escape `\(escape)` in a string", label: "unknown escape",
      help: "write `\\\\` for a backslash; the escapes are `\\\"`, `\\\\`, `\\n` and `\\t`")
  }

  static func attributeOutsideDeclaration(_ kind: AttributeKind, afterFlows: Bool) -> SyntaxMessage {
    SyntaxMessage(
      code: SyntaxMessages.attributeOutsideDeclaration, text: "`\(kind.rawValue)` must follow a declaration",
      label: "no declaration above",
      help: afterFlows
        ? "attributes belong to the declaration above them; move this line under its step, before the flows"
        : "attributes belong to the declaration above them, such as `step triage \"Log\"`")
  }

  static func attributeNotAllowed(_ kind: AttributeKind, in declaration: DeclarationKind, allowed: String)
    -> SyntaxMessage
  {
    SyntaxMessage(
      code: SyntaxMessages.attributeNotAllowed,
      text: "`\(kind.rawValue)` is not an attribute of \(declaration.withArticle)",
      label: "not allowed here", help: "\(declaration.withArticle) takes \(allowed)")
  }

  static func attributeGivenTwice(_ kind: AttributeKind, first: SourceRange) -> SyntaxMessage {
    SyntaxMessage(
      code: SyntaxMessages.duplicateAttribute, text: "`\(kind.rawValue)` is given twice", label: "given again here",
      secondary: [Diagnostic.Label(range: first, message: "first given here")],
      help: kind == .practices || kind == .roles
        ? "list several on one line, separated by commas" : "keep one `\(kind.rawValue)` line")
  }

  static func invalidDuration(_ written: String, kind: AttributeKind, suggestion: String?, at range: SourceRange)
    -> SyntaxMessage
  {
    SyntaxMessage(
      code: SyntaxMessages.invalidDuration, text: "expected a duration such as `5m` or `1h30m`, found `\(written)`",
      label: "not a duration",
      help: suggestion.map { "write `\(kind.rawValue) \($0)`" }
        ?? "use whole numbers with units w, d, h, m, s, largest first",
      // The suggestion is the same duration written as one (`2 hours` as `2h`, `1.5h` as `1h30m`): safe.
      fixes: suggestion.map { [.replace(range, with: $0, "write `\($0)`", safety: .safe)] } ?? [])
  }

  /// The fix is safe when it writes the same number (`90 percent` as `90%`); rounded to two decimals it is a guess.
  static func invalidPercentage(
    _ written: String, suggestion: (text: String, isExact: Bool)?, at range: SourceRange
  ) -> SyntaxMessage {
    SyntaxMessage(
      code: SyntaxMessages.invalidPercentage, text: "expected a percentage such as `90%`, found `\(written)`",
      label: "not a percentage",
      help: suggestion.map { "write `ca \($0.text)`" + ($0.isExact ? "" : " (at most two decimals)") }
        ?? "write a number from 0 to 100 followed by `%`, with at most two decimals",
      fixes: suggestion.map {
        [.replace(range, with: $0.text, "write `\($0.text)`", safety: $0.isExact ? .safe : .unsafe)]
      } ?? [])
  }

  static func wrongValue(_ kind: AttributeKind, found: String, expectsString: Bool, example: String?) -> SyntaxMessage {
    SyntaxMessage(
      code: expectsString ? SyntaxMessages.expectedString : SyntaxMessages.missingValue,
      text: "`\(kind.rawValue)` needs \(kind.valueDescription), found `\(found)`",
      label: expectsString ? "not quoted" : "unexpected value",
      help: expectsString ? "write `\(kind.rawValue) \"\(found.replacingQuotes())\"`" : example.map { "write `\($0)`" })
  }

  static func extraAfterValue(_ kind: AttributeKind, found: String) -> SyntaxMessage {
    SyntaxMessage(
      code: SyntaxMessages.unexpectedToken,
      text: "expected the end of the line after the `\(kind.rawValue)` value, found \(found)", label: "unexpected",
      help: kind == .activity ? "a step has exactly one activity; split it into two steps" : nil)
  }

  static func itemMissing(_ noun: String, commas: Int) -> SyntaxMessage {
    SyntaxMessage(
      code: SyntaxMessages.invalidList, text: "expected a \(noun) before `,`", label: "\(noun) missing",
      help: commas > 1 ? "remove the extra commas" : "remove the extra comma")
  }

  /// Words written without their quotes, as the string that holds them: in double quotes, a quote or backslash
  /// inside escaped. What the fixes for an unquoted title or role write.
  static func quoted(_ words: String) -> String {
    "\"" + words.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
  }

  /// `written` as shown; `whole`, the words at `range`, which the safe fix quotes (a quote or backslash inside
  /// them escaped).
  static func unquotedRole(_ written: String, fix whole: String, at range: SourceRange) -> SyntaxMessage {
    let quoted = quoted(whole)
    return SyntaxMessage(
      code: SyntaxMessages.expectedString, text: "roles are quoted text, found `\(written)`", label: "not quoted",
      help: "write `\"\(written)\"`",
      fixes: [.replace(range, with: quoted, "write `\(quoted)`", safety: .safe)])
  }

  /// The duration before it is good: the word is `planned` misspelt, and writing it right keeps what was meant.
  static func misspeltPlanned(_ written: String, at range: SourceRange) -> SyntaxMessage {
    SyntaxMessage(
      code: SyntaxMessages.invalidDuration, text: "`\(written)` after the wait is not `planned`",
      label: "did you mean `planned`?", help: "write `planned` to mark a wait that is booked, not a queue",
      fixes: [.replace(range, with: "planned", "write `planned`", safety: .safe)])
  }

  /// What follows a good duration. Removing it may drop something meant (a second figure, a note): asked for.
  static func extraAfterDuration(_ extra: String, kind: AttributeKind, at range: SourceRange) -> SyntaxMessage {
    SyntaxMessage(
      code: SyntaxMessages.invalidDuration, text: "`\(kind.rawValue)` takes one duration, found `\(extra)` after it",
      label: "after the duration",
      help: kind == .wait
        ? "only `planned` may follow a wait's duration; put anything else in a `note`"
        : "remove `\(extra)`, or put it in a `note`",
      fixes: [.replace(range, with: "", "remove `\(extra)`", safety: .unsafe)])
  }

  static func targetIsARange(_ written: String) -> SyntaxMessage {
    SyntaxMessage(
      code: SyntaxMessages.invalidDuration, text: "a target is one duration, found the range `\(written)`",
      label: "a range", help: "write the lead time to meet, such as the range's upper end")
  }

  static func unpairedQuotes(_ noun: String) -> SyntaxMessage {
    SyntaxMessage(
      code: SyntaxMessages.unterminatedString, text: "the quotes of this list do not pair up",
      label: "this quote has no partner",
      help:
        "give each \(noun) an opening and a closing `\"`, with commas between: `\"First \(noun)\", \"Second \(noun)\"`")
  }

  static func itemExpected(_ noun: String, found: String, isPractice: Bool) -> SyntaxMessage {
    SyntaxMessage(
      code: SyntaxMessages.invalidList, text: "expected a \(noun), found \(found)", label: "\(noun) expected",
      help: isPractice ? "practices are written without quotes: `practices service-desk`" : nil)
  }

  static func commaExpected(_ noun: String, between first: String, and second: String) -> SyntaxMessage {
    SyntaxMessage(
      code: SyntaxMessages.invalidList, text: "expected `,` between \(noun)s", label: "`,` expected",
      help: "separate the \(noun)s with commas: `\(first), \(second)`")
  }

  static func trailingComma(_ noun: String) -> SyntaxMessage {
    SyntaxMessage(
      code: SyntaxMessages.invalidList, text: "a trailing `,` after the last \(noun)", label: "nothing follows",
      help: "remove the trailing comma")
  }

  static func listWrappedWithoutComma(_ noun: String, at end: SourceRange) -> SyntaxMessage {
    SyntaxMessage(
      code: SyntaxMessages.invalidList,
      text: "the \(noun)s go on on the next line, but this line does not end with `,`",
      label: "`,` expected", help: "end the line with `,` to go on with the list on the next line",
      fixes: [.replace(end, with: ",", "end the line with `,`", safety: .safe)])
  }

  // MARK: Flows

  static let nothingToContinue = SyntaxMessage(
    code: SyntaxMessages.invalidFlow, text: "`->` continues a flow, but there is no `flow` line above",
    label: "nothing to continue", help: "start the chain with `flow`: `flow a -> b`")

  /// `blank`: from the end of the flow's last line to the start of this one, which the fix makes one line break.
  static func blankLineInFlow(removing blank: SourceRange) -> SyntaxMessage {
    SyntaxMessage(
      code: SyntaxMessages.invalidFlow, text: "a blank line ends the flow above, so this `->` continues nothing",
      label: "after a blank line", help: "remove the blank line: a flow's `->` lines follow it directly",
      fixes: [.replace(blank, with: "\n", "remove the blank line", safety: .safe)])
  }

  static let labelBeforeTheEnd = SyntaxMessage(
    code: SyntaxMessages.invalidFlow, text: "a flow's label must come at its end", label: "label before the end",
    help: "move the label to the end of the last `->` line")

  static func nameExpected(found: String) -> SyntaxMessage {
    SyntaxMessage(
      code: SyntaxMessages.invalidFlow, text: "expected a step name, found \(found)", label: "name expected",
      help: "a flow is a chain of names joined by arrows: `flow a -> b -> c`")
  }

  static func extraAfterLabel(found: String) -> SyntaxMessage {
    SyntaxMessage(
      code: SyntaxMessages.unexpectedToken, text: "expected the end of the line after the flow's label, found \(found)",
      label: "unexpected", help: "the label comes last on a flow line")
  }

  static func arrowExpected(between first: String, and second: String) -> SyntaxMessage {
    SyntaxMessage(
      code: SyntaxMessages.invalidFlow, text: "expected `->` between `\(first)` and `\(second)`",
      label: "`->` expected",
      help: "join the names with an arrow: `\(first) -> \(second)`")
  }

  static func arrowWrittenAnotherWay(_ written: String, at range: SourceRange) -> SyntaxMessage {
    SyntaxMessage(
      code: SyntaxMessages.invalidFlow, text: "arrows are written `->`, found `\(written)`", label: "not `->`",
      help: "write `->`", fixes: [.replace(range, with: "->", "write `->`", safety: .safe)])
  }

  static func arrowOrLabelExpected(found: String) -> SyntaxMessage {
    SyntaxMessage(
      code: SyntaxMessages.invalidFlow, text: "expected `->` or a label, found \(found)", label: "unexpected",
      help: "a flow is a chain of names joined by arrows: `flow a -> b -> c`")
  }

  /// The fix moves the arrow to the start of the next line, indented as a continuation: the chain is the same.
  static func arrowAtTheEndOfTheLine(removing arrow: SourceRange, indenting next: SourceRange) -> SyntaxMessage {
    SyntaxMessage(
      code: SyntaxMessages.invalidFlow, text: "a flow line ends with `->`, and the chain goes on on the next line",
      label: "the arrow goes on the next line",
      help: "start the next line with the arrow: `  -> name`; a flow's lines after the first begin with `->`",
      fixes: [
        Diagnostic.Fix(
          "move `->` to the next line",
          edits: [Diagnostic.Edit(range: arrow, replacement: ""), Diagnostic.Edit(range: next, replacement: "  -> ")],
          safety: .safe)
      ])
  }

  static let nameExpectedAfterArrow = SyntaxMessage(
    code: SyntaxMessages.invalidFlow, text: "expected a step name after `->`", label: "name expected",
    help: "end the line with a name; continue a long flow on a new line that starts with `->`")

  static let flowWithoutArrow = SyntaxMessage(
    code: SyntaxMessages.invalidFlow, text: "a flow needs at least one arrow", label: "no `->`",
    help: "write `flow a -> b`")

  static func flowWithoutKeyword(_ line: String, at start: SourceRange) -> SyntaxMessage {
    SyntaxMessage(
      code: SyntaxMessages.unknownKeyword, text: "a flow line starts with `flow`", label: "`flow` expected",
      help: "write `flow \(line)`", fixes: [.replace(start, with: "flow ", "start the line with `flow`", safety: .safe)]
    )
  }

  // MARK: Encoding

  static func notUTF8(firstByte: UInt8, count: Int, also: [String]) -> SyntaxMessage {
    SyntaxMessage(
      code: SyntaxMessages.invalidUTF8, text: "the file is not valid UTF-8",
      label: String(format: "byte 0x%02X", firstByte),
      notes: (count > 1 ? ["\(count) bytes in the file are not valid UTF-8"] : []) + also,
      help: "save the file as UTF-8 text")
  }

  static func nulBytes(count: Int, also: [String]) -> SyntaxMessage {
    SyntaxMessage(
      code: SyntaxMessages.controlCharacter, text: "the file contains NUL bytes", label: "NUL byte",
      notes: (count > 1 ? ["\(count) NUL bytes in the file; it looks like a binary file"] : []) + also,
      help: "a `.vstream` file must be text; remove the NUL bytes")
  }

  static func carriageReturnLines(count: Int, edits: [Diagnostic.Edit]) -> SyntaxMessage {
    SyntaxMessage(
      code: SyntaxMessages.controlCharacter, text: "the file's lines end with a carriage return alone (classic Mac OS)",
      label: "carriage return",
      notes: ["\(count) line\(count == 1 ? "" : "s") end this way, and no line ends with a line feed"],
      help: "save the file with line feeds (LF) or CRLF at the ends of its lines",
      fixes: [Diagnostic.Fix("end every line with a line feed", edits: edits, safety: .safe)])
  }

  static func controlCharacter(_ byte: UInt8, count: Int) -> SyntaxMessage {
    SyntaxMessage(
      code: SyntaxMessages.controlCharacter, text: String(format: "control character U+%04X in the file", byte),
      label: "control character", notes: count > 1 ? ["\(count) control characters in the file"] : [],
      help: "delete it; only tab, line feed and carriage return are allowed")
  }
}
