import Foundation
import VStreamSource
import VStreamYAML
import XCTest

/// Every node's range is file-absolute and byte-exact, although libyaml counts its marks in characters.
final class YAMLPositionTests: XCTestCase {
  func testNonASCIIKeysAndValuesKeepByteExactRanges() throws {
    let fixture = YAMLFixture(frontMatter: "---\ntitre: «Rétablir» 😀\nowner: Zoë\n🚀fusée: [é, 😀😀, z]\n---\nstream s\n")
    XCTAssertEqual(fixture.diagnostics, [])
    let pairs = try XCTUnwrap(fixture.root?.mapping)
    XCTAssertEqual(pairs.map(\.key.scalar), ["titre", "owner", "🚀fusée"])
    let title = try XCTUnwrap(fixture.root?["titre"])
    XCTAssertEqual(title.scalar, "«Rétablir» 😀")
    XCTAssertEqual(fixture.text(title.range), "«Rétablir» 😀")
    XCTAssertEqual(fixture.start(title.range), [2, 8])
    XCTAssertEqual(fixture.end(title.range), [2, 20])
    let owner = try XCTUnwrap(fixture.root?["owner"])
    XCTAssertEqual(fixture.start(owner.range), [3, 8])
    XCTAssertEqual(fixture.text(owner.range), "Zoë")
    XCTAssertEqual(fixture.text(pairs[2].key.range), "🚀fusée")
    let items = try XCTUnwrap(fixture.root?["🚀fusée"]?.sequence)
    XCTAssertEqual(items.map { fixture.text($0.range) }, ["é", "😀😀", "z"])
    XCTAssertEqual(items.map { fixture.start($0.range) }, [[4, 10], [4, 13], [4, 17]])
    XCTAssertEqual(fixture.text(try XCTUnwrap(fixture.root?["🚀fusée"]).range), "[é, 😀😀, z]")
  }

  func testCRLFLineEnds() throws {
    let fixture = YAMLFixture(frontMatter: "---\r\ntitle: Ünïcode\r\nnote: |\r\n  one\r\n  two\r\nowner: x\r\n---\r\n")
    XCTAssertEqual(fixture.diagnostics, [])
    let note = try XCTUnwrap(fixture.root?["note"])
    XCTAssertEqual(note.scalar, "one\ntwo\n", "libyaml normalizes line breaks inside scalars")
    XCTAssertEqual(fixture.text(note.range), "|\r\n  one\r\n  two")
    let owner = try XCTUnwrap(fixture.root?["owner"])
    XCTAssertEqual(fixture.start(owner.range), [6, 8])
    XCTAssertEqual(fixture.text(owner.range), "x")
    XCTAssertEqual(fixture.text(try XCTUnwrap(fixture.root?["title"]).range), "Ünïcode")
  }

  func testRangeInTheMiddleOfAFileAfterAByteOrderMark() throws {
    let fixture = YAMLFixture(frontMatter: "\u{FEFF}---\ntitle: «a»\ntags:\n  - é\n  - b\n---\nstream s\n")
    XCTAssertEqual(fixture.diagnostics, [])
    XCTAssertEqual(fixture.range.start, 7, "the fixture hands over the bytes after the BOM and the `---` line")
    let tags = try XCTUnwrap(fixture.root?["tags"])
    XCTAssertEqual(tags.sequence?.map { fixture.start($0.range) }, [[4, 5], [5, 5]])
    XCTAssertEqual(fixture.text(tags.range), "- é\n  - b", "a block sequence ends with its last item")
    XCTAssertEqual(fixture.text(try XCTUnwrap(fixture.root).range), "title: «a»\ntags:\n  - é\n  - b")
  }

  func testAWholeFileWithAByteOrderMarkParses() throws {
    // libyaml reads a BOM as a character of the first line when the encoding is set, which broke indentation.
    let fixture = YAMLFixture(wholeFile: Array("\u{FEFF}a: 1\nb: é\n".utf8))
    XCTAssertEqual(fixture.diagnostics, [])
    let pairs = try XCTUnwrap(fixture.root?.mapping)
    XCTAssertEqual(pairs.map(\.key.range.start), [3, 8])
    XCTAssertEqual(fixture.root?["b"]?.scalar, "é")
  }

  func testLibYAMLLineBreaksThatAreNotLineBreaksOfTheFile() throws {
    // libyaml starts a new line at U+2028, U+2029, U+0085 and a lone CR; the file's line table does not.
    for separator in ["\u{2028}", "\u{2029}", "\u{85}", "\r"] {
      let fixture = YAMLFixture(frontMatter: "---\na: \"x\(separator)y\"\nb: «c»\n---\n")
      XCTAssertEqual(fixture.diagnostics, [], "separator \(separator.unicodeScalars.first!.value)")
      let b = try XCTUnwrap(fixture.root?["b"])
      XCTAssertEqual(fixture.text(b.range), "«c»", "separator \(separator.unicodeScalars.first!.value)")
      XCTAssertEqual(fixture.start(b.range), [3, 4])
    }
  }

  func testBlockCollectionsEndAtTheirLastEntryNotAtTheNextToken() throws {
    let fixture = YAMLFixture(frontMatter: "---\nouter:\n  inner: 1\n  list:\n    - a\n\n  # a comment\nnext: 2\n---\n")
    XCTAssertEqual(fixture.diagnostics, [])
    let outer = try XCTUnwrap(fixture.root?["outer"])
    XCTAssertEqual(fixture.text(outer.range), "inner: 1\n  list:\n    - a")
    XCTAssertEqual(fixture.text(try XCTUnwrap(outer["list"]).range), "- a")
  }

  func testEmptyValuesSitAfterTheirIndicator() throws {
    let fixture = YAMLFixture(frontMatter: "---\ntitle:\nowner: x\ntags:\n  -\n  - b\n---\n")
    XCTAssertEqual(fixture.diagnostics, [])
    let title = try XCTUnwrap(fixture.root?["title"])
    XCTAssertTrue(title.isNull)
    XCTAssertEqual(title.range, SourceRange.empty(at: 10), "right after `title:`, not on the next line")
    let first = try XCTUnwrap(fixture.root?["tags"]?.sequence?.first)
    XCTAssertTrue(first.isNull)
    XCTAssertEqual(fixture.start(first.range), [5, 4])
  }

  func testPropertiesAreInsideTheNodeRange() throws {
    let fixture = YAMLFixture(frontMatter: "---\na: &x !!str «v»\nb: *x\n---\n")
    XCTAssertEqual(fixture.diagnostics, [])
    XCTAssertEqual(fixture.text(try XCTUnwrap(fixture.root?["a"]).range), "&x !!str «v»")
    let alias = try XCTUnwrap(fixture.root?["b"])
    XCTAssertEqual(fixture.text(alias.range), "*x")
    XCTAssertEqual(alias.scalar, "«v»")
    XCTAssertEqual(alias.tag, "!!str")
  }

  func testMarksOnOneLongLineAreConvertedExactly() throws {
    // 9,000 items on one line of 200 KB with non-ASCII characters: every position must still be exact, and
    // converting them must not rescan the line from its start each time (that took 29 s in a debug build; one pass takes 0.03 s).
    let items = (0..<9_000).map { "éèêë😀\($0)" + String(repeating: "x", count: 8) }
    let text = "---\nlist: [" + items.joined(separator: ", ") + "]\n---\n"
    let started = Date()
    let fixture = YAMLFixture(frontMatter: text)
    XCTAssertLessThan(Date().timeIntervalSince(started), 5)
    let nodes = try XCTUnwrap(fixture.root?["list"]?.sequence)
    XCTAssertEqual(nodes.count, 9_000)
    for index in [0, 1, 4_500, 8_999] {
      XCTAssertEqual(fixture.text(nodes[index].range), items[index])
    }
  }

  func testDiagnosticPositionsAfterNonASCIIText() throws {
    let fixture = YAMLFixture(frontMatter: "---\ntitre: «Rétablir»: x\n---\n")
    let diagnostic = try XCTUnwrap(fixture.diagnostics.first)
    XCTAssertEqual(diagnostic.code, YAMLMessages.syntax)
    XCTAssertEqual(fixture.start(diagnostic.range), [2, 18])
    XCTAssertEqual(fixture.text(diagnostic.range), ":")
  }
}
