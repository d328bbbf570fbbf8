import VStreamSource

/// Every diagnostic the YAML reader emits, in one place, sorted by code.
public enum YAMLMessages {
  public static let syntax = "VS201"
  public static let duplicateKey = "VS202"
  public static let complexKey = "VS203"
  public static let tooDeep = "VS204"
  public static let tooLarge = "VS205"
  public static let unsupportedTag = "VS206"
  public static let multipleDocuments = "VS207"
  public static let undefinedAlias = "VS208"

  private static let body = "stream s\ndemand need\nstep work\n  activity engage\n  practices service-desk\nvalue done\n"

  private static func frontMatter(_ yaml: String) -> String { "---\n" + yaml + "---\n" + body }

  public static let rules: [RuleDescriptor] = [
    RuleDescriptor(
      code: syntax, name: "yaml-syntax", defaultSeverity: .error, summary: "the front matter is not valid YAML",
      explanation: """
        The front matter between the `---` lines is YAML, read with libyaml. A YAML syntax error is reported where \
        libyaml found it, with its own description. Common causes: a value containing `: ` that is not quoted, \
        inconsistent indentation, a tab used for indentation.
        """,
      badExample: frontMatter("title: Restore: the live service\n"),
      goodExample: frontMatter("title: \"Restore: the live service\"\n"), isConfigurable: false),
    RuleDescriptor(
      code: duplicateKey, name: "duplicate-key", defaultSeverity: .error, summary: "a YAML mapping has the same key twice",
      explanation: """
        YAML parsers disagree on which of two equal keys wins, so vstream rejects the second one. Remove or rename \
        one of them.
        """,
      badExample: frontMatter("title: Restore\ntitle: Recover\n"), goodExample: frontMatter("title: Restore\n"),
      isConfigurable: false),
    RuleDescriptor(
      code: complexKey, name: "complex-key", defaultSeverity: .error, summary: "a YAML key is a list or mapping",
      explanation: """
        Keys in the front matter and the configuration are plain words. YAML allows lists and mappings as keys \
        (`? [a, b]: value`), which no key of vstream can be.
        """,
      badExample: frontMatter("? [title, owner]\n: Restore\n"), goodExample: frontMatter("title: Restore\n"),
      isConfigurable: false),
    RuleDescriptor(
      code: tooDeep, name: "yaml-too-deep", defaultSeverity: .error, summary: "YAML nesting is deeper than the limit",
      explanation: """
        Lists and mappings may nest at most 64 levels deep. Metadata never needs more; the limit keeps a hostile \
        file from exhausting the stack or memory.
        """,
      badExample: frontMatter("tags: " + String(repeating: "[", count: 70) + String(repeating: "]", count: 70) + "\n"),
      goodExample: frontMatter("tags: [a, b]\n"), isConfigurable: false),
    RuleDescriptor(
      code: tooLarge, name: "yaml-too-large", defaultSeverity: .error,
      summary: "the YAML is larger than the limit, or aliases expand beyond it",
      explanation: """
        Front matter may hold at most 1 MiB and 10,000 values once aliases are expanded. A few lines of YAML with \
        nested aliases (the "billion laughs" attack) can otherwise expand to billions of values. Remove the aliases \
        or shrink the document.
        """,
      badExample: frontMatter(
        "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
          + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"),
      goodExample: frontMatter("tags: [a, b]\n"), isConfigurable: false),
    RuleDescriptor(
      code: unsupportedTag, name: "unsupported-tag", defaultSeverity: .warning, summary: "a YAML tag vstream does not know",
      explanation: """
        Only YAML's standard tags (`!!str`, `!!int`, `!!float`, `!!bool`, `!!null`, `!!seq`, `!!map`) mean anything \
        to vstream; a custom tag such as `!ruby/object` is ignored and the value is read as if untagged.
        """,
      badExample: frontMatter("title: !secret Restore\n"), goodExample: frontMatter("title: !!str Restore\n"),
      isConfigurable: true),
    RuleDescriptor(
      code: multipleDocuments, name: "multiple-documents", defaultSeverity: .error,
      summary: "the YAML holds more than one document",
      explanation: """
        Front matter is one YAML document. A second document (after a `---` inside the YAML) would be ignored by \
        some tools and read by others; vstream rejects it.
        """,
      badExample: "", goodExample: frontMatter("title: Restore\n"), isConfigurable: false),
    RuleDescriptor(
      code: undefinedAlias, name: "undefined-alias", defaultSeverity: .error, summary: "a YAML alias names no anchor",
      explanation: """
        An alias `*name` must refer to an anchor `&name` defined earlier in the same document.
        """,
      badExample: frontMatter("title: *name\n"), goodExample: frontMatter("title: &name Restore\nconsumer: *name\n"),
      isConfigurable: false),
  ]
}
