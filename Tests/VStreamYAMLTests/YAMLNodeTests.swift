import VStreamSource
import VStreamYAML
import XCTest

/// The tree's shape for the documents front matter and `vstream.yml` hold, and the core-schema accessors.
final class YAMLNodeTests: XCTestCase {
  func testEmptyDocumentsHaveNoRoot() {
    for text in ["---\n---\n", "---\n# only a comment\n  # and another\n---\n", "---\n   \n\n---\n", "---\n...\n"] {
      let fixture = YAMLFixture(frontMatter: text)
      XCTAssertNil(fixture.root, text)
      XCTAssertEqual(fixture.diagnostics, [], text)
    }
    for text in ["", "# comment\n", "---\n", "--- # settings\n...\n", "\u{FEFF}"] {
      let fixture = YAMLFixture(wholeFile: Array(text.utf8))
      XCTAssertNil(fixture.root, text)
      XCTAssertEqual(fixture.diagnostics, [], text)
    }
    XCTAssertEqual(YAMLFixture(wholeFile: Array("~\n".utf8)).root?.isNull, true, "a written null is a root")
  }

  func testScalarStyles() throws {
    let fixture = YAMLFixture(
      frontMatter:
        "---\na: plain text\nb: 'single ''q'''\nc: \"double\\tq\"\nd: |\n  literal\n  text\ne: >\n  folded\n  text\n---\n"
    )
    XCTAssertEqual(fixture.diagnostics, [])
    let root = try XCTUnwrap(fixture.root)
    XCTAssertNil(root.style, "collections have no style")
    XCTAssertEqual(
      ["a", "b", "c", "d", "e"].map { root[$0]?.style }, [.plain, .singleQuoted, .doubleQuoted, .literal, .folded])
    XCTAssertEqual(
      ["a", "b", "c", "d", "e"].map { root[$0]?.scalar },
      ["plain text", "single 'q'", "double\tq", "literal\ntext\n", "folded text\n"])
    XCTAssertEqual(fixture.text(try XCTUnwrap(root["b"]).range), "'single ''q'''")
    XCTAssertEqual(fixture.text(try XCTUnwrap(root["e"]).range), ">\n  folded\n  text")
  }

  func testShapeAndLookup() throws {
    let fixture = YAMLFixture(frontMatter: "---\ntitle: T\ntags: [a, b]\nmeta: {k: v}\n---\n")
    let root = try XCTUnwrap(fixture.root)
    XCTAssertEqual(root.mapping?.map(\.key.scalar), ["title", "tags", "meta"])
    XCTAssertNil(root.scalar)
    XCTAssertNil(root.sequence)
    XCTAssertEqual(root["tags"]?.sequence?.compactMap(\.scalar), ["a", "b"])
    XCTAssertEqual(root["meta"]?["k"]?.scalar, "v")
    XCTAssertNil(root["missing"])
    XCTAssertNil(root["title"]?["k"], "a scalar has no keys")
    XCTAssertEqual(root.kindDescription, "a mapping")
    XCTAssertEqual(root["tags"]?.kindDescription, "a list")
    XCTAssertEqual(root["title"]?.kindDescription, "a scalar")
  }

  func testCoreSchemaAccessors() throws {
    let yaml = """
      ---
      null1: ~
      null2: null
      null3: NULL
      null4:
      null5: ""
      null6: !!null ""
      int1: 42
      int2: -7
      int3: +3
      int4: "42"
      int5: 0x10
      int6: 4.0
      int7: 99999999999999999999999
      int8: 1_000
      bool1: true
      bool2: False
      bool3: yes
      bool4: 'true'
      bool5: !!bool TRUE
      ---

      """
    let fixture = YAMLFixture(frontMatter: yaml)
    XCTAssertEqual(fixture.diagnostics, [])
    let root = try XCTUnwrap(fixture.root)
    XCTAssertEqual((1...6).map { root["null\($0)"]?.isNull }, [true, true, true, true, false, true])
    XCTAssertEqual(root["null4"]?.kindDescription, "an empty value")
    XCTAssertEqual((1...8).map { root["int\($0)"]?.intValue }, [42, -7, 3, nil, nil, nil, nil, nil])
    XCTAssertEqual((1...5).map { root["bool\($0)"]?.boolValue }, [true, false, nil, nil, true])
    XCTAssertNil(root["tags"]?.intValue)
    XCTAssertFalse(root.isNull, "a mapping is not null")
  }
}
