import VStreamSource

/// Every diagnostic the YAML reader emits, in one place: the codes (sorted, stable), their wording and their rules.
public enum YAMLMessages {
  public static let syntax: DiagnosticCode = "VS201"
  public static let duplicateKey: DiagnosticCode = "VS202"
  public static let complexKey: DiagnosticCode = "VS203"
  public static let tooDeep: DiagnosticCode = "VS204"
  public static let tooLarge: DiagnosticCode = "VS205"
  public static let unsupportedTag: DiagnosticCode = "VS206"
  public static let multipleDocuments: DiagnosticCode = "VS207"
  public static let undefinedAlias: DiagnosticCode = "VS208"
  public static let mergeKey: DiagnosticCode = "VS209"

  // MARK: - Diagnostics

  static func syntaxError(
    problem: String, at range: SourceRange, label: String?, context: String?, contextRange: SourceRange?, help: String?
  ) -> Diagnostic {
    var secondary: [Diagnostic.Label] = []
    if let context = context, let contextRange = contextRange, contextRange.start != range.start {
      secondary.append(Diagnostic.Label(range: contextRange, message: startsHere(context)))
    }
    return Diagnostic(
      code: syntax, severity: .error, message: "yaml: \(problem)", range: range, label: label, secondary: secondary,
      notes: context.map { [$0] } ?? [], help: help)
  }

  /// The problem when libyaml gives none: it fails without a description only when it cannot allocate memory.
  static let outOfMemory = "out of memory"

  /// The label under bytes that are not UTF-8.
  static let notUTF8 = "not UTF-8"

  /// The label under a control character, `U+0000` style.
  static func controlCharacter(_ value: Int32) -> String {
    let hex = String(value, radix: 16, uppercase: true)
    return "control character U+" + String(repeating: "0", count: Swift.max(0, 4 - hex.count)) + hex
  }

  /// libyaml's context ("while parsing a block mapping") as a label at the place it names.
  static func startsHere(_ context: String) -> String {
    for prefix in ["while parsing ", "while scanning "] where context.hasPrefix(prefix) {
      var subject = String(context.dropFirst(prefix.count))
      if subject.hasPrefix("a ") { subject = "the " + subject.dropFirst(2) }
      if subject.hasPrefix("an ") { subject = "the " + subject.dropFirst(3) }
      return "\(subject) starts here"
    }
    return context
  }

  /// A help line for libyaml's problems that have a usual cause; `character` is the byte at the problem.
  static func syntaxHelp(problem: String, character: UInt8?) -> String? {
    switch problem {
    case "mapping values are not allowed in this context":
      return "quote the value if it contains `: `, as in `title: \"Restore: the service\"`"
    case "found character that cannot start any token":
      switch character {
      case 0x09: return "indent YAML with spaces, not tabs"
      case 0x40, 0x60: return "quote a value that starts with `@` or a backquote"
      case 0x25: return "quote a value that starts with `%`"
      default: return "quote the value"
      }
    case "found a tab character that violates indentation",
      "found a tab character where an indentation space is expected":
      return "indent YAML with spaces, not tabs"
    case "did not find expected key", "did not find expected <document start>":
      return "check the indentation: the keys of one mapping start in the same column"
    case "could not find expected ':'":
      return "write `key: value`, with a space after the colon, or quote the text"
    case "block sequence entries are not allowed in this context":
      return "start the list on the line after its key, or write it as `[a, b]`"
    case "did not find expected ',' or ']'":
      return "separate the items with `,` and close the list with `]`"
    case "did not find expected ',' or '}'":
      return "separate the entries with `,` and close the mapping with `}`"
    case "found unexpected end of stream":
      return "close the quoted text with the quote it started with"
    case "found unknown escape character":
      return "in double quotes, write a backslash as `\\\\`; or use single quotes, which have no escapes"
    case "found undefined tag handle":
      return "remove the tag, or declare its handle with a `%TAG` directive"
    case "did not find expected alphabetic or numeric character":
      return "quote a value that starts with `&`, `*` or `!`"
    case "control characters are not allowed":
      return "remove the control character; YAML text cannot contain one"
    case "invalid leading UTF-8 octet", "invalid trailing UTF-8 octet", "incomplete UTF-8 octet sequence",
      "invalid Unicode character":
      return "save the file as UTF-8"
    default:
      return nil
    }
  }

  static func tooLargeDiagnostic(bytes: Int, limit: Int, at range: SourceRange) -> Diagnostic {
    Diagnostic(
      code: tooLarge, severity: .error, message: "the YAML is \(bytes) bytes, more than the limit of \(limit)",
      range: range, label: "too large",
      help: "shorten the YAML (long text belongs in `note` attributes), or raise the limit with `--max-yaml-size`")
  }

  static func tooManyValues(limit: Int, at range: SourceRange, aliases: Bool) -> Diagnostic {
    Diagnostic(
      code: tooLarge, severity: .error,
      message: aliases ? "the YAML expands to more than \(limit) values" : "the YAML has more than \(limit) values",
      range: range, label: "limit reached here",
      help: (aliases ? "remove the aliases (`*name`) or shorten the document" : "shorten the document")
        + ", or raise the limit with `--max-yaml-values`")
  }

  static func tooDeepDiagnostic(limit: Int, at range: SourceRange) -> Diagnostic {
    Diagnostic(
      code: tooDeep, severity: .error, message: "the YAML nests more than \(limit) levels deep", range: range,
      label: "level \(limit + 1)", help: "flatten the structure, or raise the limit with `--max-yaml-depth`")
  }

  static func duplicateKeyDiagnostic(_ key: String, at range: SourceRange, first: SourceRange) -> Diagnostic {
    Diagnostic(
      code: duplicateKey, severity: .error, message: "duplicate key `\(shown(key))`", range: range,
      label: "defined again here", secondary: [Diagnostic.Label(range: first, message: "first defined here")],
      help: "remove or rename one of the two")
  }

  static func complexKeyDiagnostic(kind: String, at range: SourceRange) -> Diagnostic {
    Diagnostic(
      code: complexKey, severity: .error, message: "a key must be a plain value, not \(kind)", range: range,
      label: "complex key", help: "use a word as the key")
  }

  static func mergeKeyDiagnostic(at range: SourceRange) -> Diagnostic {
    Diagnostic(
      code: mergeKey, severity: .error, message: "merge keys (`<<`) are not supported", range: range,
      label: "merge key", help: "write the entries out in this mapping")
  }

  static func unsupportedTagDiagnostic(_ tag: String, at range: SourceRange) -> Diagnostic {
    Diagnostic(
      code: unsupportedTag, severity: .warning, message: "unsupported YAML tag `\(shown(tag))`", range: range,
      label: "tag ignored", help: "remove the tag; the value is read as if untagged")
  }

  static func multipleDocumentsDiagnostic(at range: SourceRange) -> Diagnostic {
    Diagnostic(
      code: multipleDocuments, severity: .error, message: "the YAML holds more than one document", range: range,
      label: "second document", help: "keep one YAML document: remove the `---` line that starts this one")
  }

  static func undefinedAliasDiagnostic(_ name: String, at range: SourceRange) -> Diagnostic {
    Diagnostic(
      code: undefinedAlias, severity: .error, message: "undefined alias `*\(shown(name))`", range: range,
      label: "no anchor `&\(shown(name))` before this",
      help: "define `&\(shown(name))` on a value before using `*\(shown(name))`")
  }

  static func recursiveAliasDiagnostic(_ name: String, at range: SourceRange, anchor: SourceRange) -> Diagnostic {
    Diagnostic(
      code: undefinedAlias, severity: .error, message: "alias `*\(shown(name))` refers to the value that contains it",
      range: range, label: "inside `&\(shown(name))`",
      secondary: [Diagnostic.Label(range: anchor, message: "`&\(shown(name))` is defined here")],
      help: "a value cannot contain itself; write the entries out")
  }

  /// User text quoted in a message: one line, at most 60 characters.
  static func shown(_ text: String) -> String {
    var result = ""
    var count = 0
    for scalar in text.unicodeScalars {
      if count == 60 {
        result += "…"
        break
      }
      switch scalar {
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      default: result.unicodeScalars.append(scalar)
      }
      count += 1
    }
    return result
  }

  // MARK: - Rules

  private static let body =
    "stream s\ndemand need\nstep work\n  activity engage\n  practices service-desk\nvalue done\n"

  /// A complete `.vstream` file with `yaml` as its front matter.
  private static func frontMatter(_ yaml: String) -> String { "---\n" + yaml + "---\n" + body }

  /// One descriptor per code above, sorted by code.
  public static let rules: [RuleDescriptor] = [
    RuleDescriptor(
      code: syntax, name: "yaml-syntax", defaultSeverity: .error, summary: "the front matter is not valid YAML",
      explanation: """
        The front matter between the `---` lines, like `vstream.yml`, is YAML, read with libyaml (YAML 1.1 syntax). \
        A syntax error is reported where libyaml found it, with libyaml's own description after `yaml:`, and the \
        read stops there. Common causes: a value containing `: ` that is not quoted, inconsistent indentation, a tab \
        used for indentation, a value that starts with `@` or a backquote. Bytes that are not UTF-8 and control \
        characters such as NUL are reported under this code too.
        """,
      badExample: frontMatter("title: Restore: the live service\n"),
      goodExample: frontMatter("title: \"Restore: the live service\"\n"), isConfigurable: false),
    RuleDescriptor(
      code: duplicateKey, name: "duplicate-key", defaultSeverity: .error,
      summary: "a YAML mapping has the same key twice",
      explanation: """
        YAML tools disagree on which of two equal keys wins (the first, the last, or neither), so vstream does not \
        guess. Keys are compared by their text: `title` and `"title"` are the same key. Remove or rename one of them.
        """,
      badExample: frontMatter("title: Restore\ntitle: Recover\n"), goodExample: frontMatter("title: Restore\n"),
      isConfigurable: false),
    RuleDescriptor(
      code: complexKey, name: "complex-key", defaultSeverity: .error, summary: "a YAML key is a list or a mapping",
      explanation: """
        Keys in the front matter and in `vstream.yml` are plain words. YAML also allows a list or a mapping as a key \
        (`? [a, b]`), which no key of vstream can be.
        """,
      badExample: frontMatter("? [title, owner]\n: Restore\n"), goodExample: frontMatter("title: Restore\n"),
      isConfigurable: false),
    RuleDescriptor(
      code: tooDeep, name: "yaml-too-deep", defaultSeverity: .error, summary: "the YAML nests deeper than the limit",
      explanation: """
        Lists and mappings may nest at most 64 levels deep. Metadata never needs more than a few; the limit keeps a \
        hostile file from exhausting the stack or memory, and the read stops at the first level too deep. \
        `--max-yaml-depth` changes the limit (up to 1000).
        """,
      badExample: frontMatter("tags: " + String(repeating: "[", count: 70) + String(repeating: "]", count: 70) + "\n"),
      goodExample: frontMatter("tags: [a, b]\n"), isConfigurable: false),
    RuleDescriptor(
      code: tooLarge, name: "yaml-too-large", defaultSeverity: .error,
      summary: "the YAML is larger than the limit, or aliases expand beyond it",
      explanation: """
        Front matter and `vstream.yml` may hold at most 1 MiB of YAML, and 10,000 values once aliases are expanded. \
        A few lines of YAML with nested aliases (the "billion laughs" attack) could otherwise expand to billions of \
        values. The read stops at the limit. Remove the aliases or shrink the document; `--max-yaml-size` and \
        `--max-yaml-values` raise the limits for a repository that needs more.
        """,
      badExample: frontMatter(
        "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
          + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"),
      goodExample: frontMatter("tags: [a, b]\n"), isConfigurable: false),
    RuleDescriptor(
      code: unsupportedTag, name: "unsupported-tag", defaultSeverity: .warning,
      summary: "a YAML tag vstream does not know",
      explanation: """
        Only YAML's standard tags (`!!str`, `!!int`, `!!float`, `!!bool`, `!!null`, `!!seq`, `!!map`) and the \
        non-specific tag `!` mean anything to vstream. Any other tag, such as `!secret` or \
        `!<tag:example.com,2026:x>`, is ignored and the value is read as if untagged.
        """,
      badExample: frontMatter("title: !secret Restore\n"), goodExample: frontMatter("title: !!str Restore\n"),
      isConfigurable: true),
    RuleDescriptor(
      code: multipleDocuments, name: "multiple-documents", defaultSeverity: .error,
      summary: "the YAML holds more than one document",
      explanation: """
        Front matter and `vstream.yml` are one YAML document each. A second document, which starts at a `---` line \
        after the first one, would be ignored by some tools and read by others, so vstream rejects it. In front \
        matter such a line has something after the dashes, such as `--- # comment`: a line that is exactly `---` \
        closes the front matter instead.
        """,
      badExample: frontMatter("title: Restore\n--- # owner\nowner: Desk\n"),
      goodExample: frontMatter("title: Restore\n# owner\nowner: Desk\n"), isConfigurable: false),
    RuleDescriptor(
      code: undefinedAlias, name: "undefined-alias", defaultSeverity: .error, summary: "a YAML alias names no anchor",
      explanation: """
        An alias `*name` must refer to an anchor `&name` defined earlier in the same document, outside the value \
        that contains the alias: YAML lets a value contain itself, but no setting of vstream can be infinite.
        """,
      badExample: frontMatter("title: *name\n"), goodExample: frontMatter("title: &name Restore\nconsumer: *name\n"),
      isConfigurable: false),
    RuleDescriptor(
      code: mergeKey, name: "merge-key", defaultSeverity: .error, summary: "a YAML mapping uses a merge key `<<`",
      explanation: """
        YAML 1.1's merge key (`<<: *defaults`) copies the entries of another mapping into this one. It is not part of \
        YAML 1.2 and tools disagree on it, so vstream does not merge; and because a setting silently left out would \
        be worse, a plain `<<` key is an error rather than an ordinary key. Write the entries out. A quoted `"<<"` \
        is an ordinary key.
        """,
      badExample: frontMatter("base: &base {owner: Desk}\n<<: *base\ntitle: Restore\n"),
      goodExample: frontMatter("owner: Desk\ntitle: Restore\n"), isConfigurable: false),
  ]
}
