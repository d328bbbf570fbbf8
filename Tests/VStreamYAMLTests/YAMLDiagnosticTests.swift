import VStreamSource
import VStreamYAML
import XCTest

/// Each diagnostic the reader emits: its code, where it points, and whether the tree survives it.
final class YAMLDiagnosticTests: XCTestCase {
  func testSyntaxErrorAtLibYAMLsProblemWithContextAndHelp() throws {
    let fixture = YAMLFixture(frontMatter: "---\ntitle: Restore\nowner: Desk: A\n---\n")
    XCTAssertNil(fixture.root, "a syntax error leaves no tree")
    XCTAssertEqual(fixture.codes, [YAMLMessages.syntax])
    let diagnostic = fixture.diagnostics[0]
    XCTAssertEqual(diagnostic.severity, .error)
    XCTAssertEqual(diagnostic.message, "yaml: mapping values are not allowed in this context")
    XCTAssertEqual(fixture.start(diagnostic.range), [3, 12])
    XCTAssertEqual(fixture.text(diagnostic.range), ":")
    XCTAssertEqual(diagnostic.help, "quote the value if it contains `: `, as in `title: \"Restore: the service\"`")

    let unclosed = YAMLFixture(frontMatter: "---\ntags: [a, b\ntitle: x\n---\n")
    XCTAssertEqual(unclosed.codes, [YAMLMessages.syntax])
    let flow = unclosed.diagnostics[0]
    XCTAssertEqual(flow.message, "yaml: did not find expected ',' or ']'")
    XCTAssertEqual(flow.notes, ["while parsing a flow sequence"])
    XCTAssertEqual(flow.secondary.map(\.message), ["the flow sequence starts here"])
    XCTAssertEqual(flow.secondary.map { unclosed.start($0.range) }, [[2, 7]])
    XCTAssertEqual(flow.help, "separate the items with `,` and close the list with `]`")
  }

  func testTabIndentationGetsItsOwnHelp() throws {
    let fixture = YAMLFixture(frontMatter: "---\ntitle: a\n\towner: b\n---\n")
    XCTAssertEqual(fixture.codes, [YAMLMessages.syntax])
    XCTAssertEqual(fixture.start(fixture.diagnostics[0].range), [3, 1])
    XCTAssertEqual(fixture.diagnostics[0].help, "indent YAML with spaces, not tabs")
  }

  func testInvalidUTF8IsAnErrorAtTheBadByte() throws {
    let bytes = Array("---\ntitle: «é»".utf8) + [0xFF] + Array("\n---\n".utf8)
    let fixture = YAMLFixture(frontMatter: bytes)
    XCTAssertNil(fixture.root)
    XCTAssertEqual(fixture.codes, [YAMLMessages.syntax])
    let diagnostic = fixture.diagnostics[0]
    XCTAssertEqual(diagnostic.message, "yaml: invalid leading UTF-8 octet")
    XCTAssertEqual(diagnostic.range, SourceRange(start: 17, end: 18))
    XCTAssertEqual(diagnostic.label, "not UTF-8")
    XCTAssertEqual(diagnostic.help, "save the file as UTF-8")
  }

  func testACutUTF8SequencePointsAtItsLeadByte() throws {
    // `é` is C3 A9; C3 followed by `x` is a sequence cut short. libyaml reports the `x`; the range starts at C3.
    let bytes = Array("a: b\nc: ".utf8) + [0xC3] + Array("x\n".utf8)
    let fixture = YAMLFixture(wholeFile: bytes)
    XCTAssertEqual(fixture.codes, [YAMLMessages.syntax])
    XCTAssertEqual(fixture.diagnostics[0].message, "yaml: invalid trailing UTF-8 octet")
    XCTAssertEqual(fixture.diagnostics[0].range, SourceRange(start: 8, end: 9))

    let atTheEnd = YAMLFixture(wholeFile: Array("a: ".utf8) + [0xE2, 0x82])
    XCTAssertEqual(atTheEnd.codes, [YAMLMessages.syntax])
    XCTAssertEqual(atTheEnd.diagnostics[0].range.start, 3)
    XCTAssertLessThanOrEqual(atTheEnd.diagnostics[0].range.end, 5)
  }

  func testNULAndControlCharactersAreErrorsAtTheirByte() throws {
    let fixture = YAMLFixture(frontMatter: Array("---\nowner: «x»\ntitle: a".utf8) + [0x00] + Array("b\n---\n".utf8))
    XCTAssertNil(fixture.root)
    XCTAssertEqual(fixture.codes, [YAMLMessages.syntax])
    let diagnostic = fixture.diagnostics[0]
    XCTAssertEqual(diagnostic.message, "yaml: control characters are not allowed")
    XCTAssertEqual(diagnostic.label, "control character U+0000")
    XCTAssertEqual(fixture.start(diagnostic.range), [3, 9])
    XCTAssertEqual(diagnostic.range.length, 1)

    let formFeed = YAMLFixture(wholeFile: Array("a: \u{0C}".utf8))
    XCTAssertEqual(formFeed.diagnostics.map(\.label), ["control character U+000C"])
    XCTAssertEqual(formFeed.diagnostics.first?.range, SourceRange(start: 3, end: 4))
  }

  func testDuplicateKeysPointAtBothPlaces() throws {
    let fixture = YAMLFixture(frontMatter: "---\ntitle: a\nowner: b\n\"title\": c\nnested:\n  é: 1\n  é: 2\n---\n")
    XCTAssertNotNil(fixture.root, "a duplicate key is an error that keeps the tree")
    XCTAssertEqual(fixture.codes, [YAMLMessages.duplicateKey, YAMLMessages.duplicateKey])
    let top = fixture.diagnostics[0]
    XCTAssertEqual(top.message, "duplicate key `title`")
    XCTAssertEqual(fixture.start(top.range), [4, 1])
    XCTAssertEqual(fixture.text(top.range), "\"title\"")
    XCTAssertEqual(top.secondary.map(\.message), ["first defined here"])
    XCTAssertEqual(top.secondary.map { fixture.start($0.range) }, [[2, 1]])
    let nested = fixture.diagnostics[1]
    XCTAssertEqual(nested.message, "duplicate key `é`")
    XCTAssertEqual(fixture.start(nested.range), [7, 3])
    XCTAssertEqual(nested.secondary.map { fixture.start($0.range) }, [[6, 3]])
    XCTAssertEqual(fixture.root?["title"]?.scalar, "a", "lookup by key finds the first")
  }

  func testEqualKeysInDifferentMappingsAreFine() {
    let fixture = YAMLFixture(frontMatter: "---\na: {x: 1}\nb: {x: 2}\n---\n")
    XCTAssertEqual(fixture.diagnostics, [])
  }

  func testComplexKeys() throws {
    let fixture = YAMLFixture(frontMatter: "---\n? [a, b]\n: c\n? {d: e}\n: f\n---\n")
    XCTAssertEqual(fixture.codes, [YAMLMessages.complexKey, YAMLMessages.complexKey])
    XCTAssertEqual(
      fixture.diagnostics.map(\.message),
      ["a key must be a plain value, not a list", "a key must be a plain value, not a mapping"])
    XCTAssertEqual(fixture.diagnostics.map { fixture.text($0.range) }, ["[a, b]", "{d: e}"])
    XCTAssertEqual(fixture.root?.mapping?.count, 2)
  }

  func testMergeKeysAreRejectedButAQuotedOneIsAKey() throws {
    let fixture = YAMLFixture(frontMatter: "---\nbase: &b {owner: x}\n<<: *b\n\"<<\": y\n---\n")
    XCTAssertEqual(fixture.codes, [YAMLMessages.mergeKey, YAMLMessages.duplicateKey])
    XCTAssertEqual(fixture.diagnostics[0].message, "merge keys (`<<`) are not supported")
    XCTAssertEqual(fixture.start(fixture.diagnostics[0].range), [3, 1])
    XCTAssertNil(fixture.root?["owner"], "nothing is merged")

    let quoted = YAMLFixture(frontMatter: "---\n'<<': y\n---\n")
    XCTAssertEqual(quoted.diagnostics, [])
    XCTAssertEqual(quoted.root?["<<"]?.scalar, "y")
  }

  func testStandardTagsAreKeptInShortFormAndOthersWarned() throws {
    let fixture = YAMLFixture(
      frontMatter:
        "---\na: !!str 3\nb: !<tag:yaml.org,2002:int> 4\nc: ! 5\nd: !secret x\ne: &k !<tag:example.com,2026:v> 1\nf: !!seq [g]\n---\n"
    )
    XCTAssertEqual(fixture.codes, [YAMLMessages.unsupportedTag, YAMLMessages.unsupportedTag])
    XCTAssertEqual(fixture.diagnostics.map(\.severity), [.warning, .warning])
    XCTAssertEqual(
      fixture.diagnostics.map(\.message),
      ["unsupported YAML tag `!secret`", "unsupported YAML tag `!<tag:example.com,2026:v>`"])
    XCTAssertEqual(fixture.diagnostics.map { fixture.text($0.range) }, ["!secret", "!<tag:example.com,2026:v>"])
    let root = try XCTUnwrap(fixture.root)
    XCTAssertEqual(root["a"]?.tag, "!!str")
    XCTAssertNil(root["a"]?.intValue, "`!!str 3` is a string")
    XCTAssertEqual(root["b"]?.tag, "!!int")
    XCTAssertEqual(root["b"]?.intValue, 4)
    XCTAssertEqual(root["c"]?.tag, "!")
    XCTAssertNil(root["c"]?.intValue, "the non-specific tag `!` makes a string")
    XCTAssertNil(root["d"]?.tag, "an unsupported tag is dropped")
    XCTAssertEqual(root["d"]?.scalar, "x")
    XCTAssertEqual(root["e"]?.intValue, 1, "read as if untagged")
    XCTAssertEqual(root["f"]?.tag, "!!seq")
  }

  func testMoreThanOneDocument() throws {
    let fixture = YAMLFixture(frontMatter: "---\ntitle: a\n--- # owner\nowner: b\n---\n")
    XCTAssertEqual(
      fixture.root?.mapping?.map(\.key.scalar), ["title"], "the first document is kept, the second not read")
    XCTAssertEqual(fixture.codes, [YAMLMessages.multipleDocuments])
    XCTAssertEqual(fixture.start(fixture.diagnostics[0].range), [3, 1])

    let afterEnd = YAMLFixture(wholeFile: Array("a: 1\n...\n---\nb: 2\n".utf8))
    XCTAssertEqual(afterEnd.codes, [YAMLMessages.multipleDocuments])
    XCTAssertEqual(afterEnd.text(afterEnd.diagnostics[0].range), "---")
    XCTAssertEqual(afterEnd.start(afterEnd.diagnostics[0].range), [3, 1])

    XCTAssertEqual(YAMLFixture(wholeFile: Array("--- # settings\na: 1\n...\n# end\n".utf8)).diagnostics, [])
  }

  func testUndefinedAndRecursiveAliases() throws {
    let undefined = YAMLFixture(frontMatter: "---\ntitle: «x»\nowner: *nowhere\n---\n")
    XCTAssertNil(undefined.root)
    XCTAssertEqual(undefined.codes, [YAMLMessages.undefinedAlias])
    XCTAssertEqual(undefined.diagnostics[0].message, "undefined alias `*nowhere`")
    XCTAssertEqual(undefined.text(undefined.diagnostics[0].range), "*nowhere")

    let later = YAMLFixture(frontMatter: "---\na: *x\nb: &x 1\n---\n")
    XCTAssertEqual(later.codes, [YAMLMessages.undefinedAlias], "an anchor must come before its alias")

    let recursive = YAMLFixture(frontMatter: "---\nold: &x 1\nloop: &x [a, *x]\n---\n")
    XCTAssertEqual(recursive.codes, [YAMLMessages.undefinedAlias])
    let diagnostic = recursive.diagnostics[0]
    XCTAssertEqual(diagnostic.message, "alias `*x` refers to the value that contains it")
    XCTAssertEqual(diagnostic.secondary.map { recursive.text($0.range) }, ["&x"])
    XCTAssertEqual(diagnostic.secondary.map { recursive.start($0.range) }, [[3, 7]])
  }

  func testAliasesResolveToTheAnchoredValue() throws {
    let fixture = YAMLFixture(frontMatter: "---\na: &x [1, {k: v}]\nb: *x\n&key c: 2\nd: *key\n---\n")
    XCTAssertEqual(fixture.diagnostics, [])
    let a = try XCTUnwrap(fixture.root?["a"])
    let b = try XCTUnwrap(fixture.root?["b"])
    XCTAssertEqual(b.kind, a.kind)
    XCTAssertEqual(b.sequence?[1]["k"]?.range, a.sequence?[1]["k"]?.range, "an alias's children are the anchored ones")
    XCTAssertEqual(fixture.root?["d"]?.scalar, "c")
  }
}
