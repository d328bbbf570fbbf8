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
      parsed further. Other control characters are reported and treated as spaces. Delete them.
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
      To put a quote inside a string, write `\\"`.
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
      bad: minimal.replacingAll("  practices service-desk", "  practices service-desk\n  practices incident-management"),
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

  private static func rule(_ code: DiagnosticCode, _ name: String, _ summary: String, _ explanation: String, bad: String, good: String)
    -> RuleDescriptor
  {
    RuleDescriptor(
      code: code, name: name, defaultSeverity: .error, summary: summary, explanation: explanation,
      badExample: bad, goodExample: good, isConfigurable: false)
  }
}
