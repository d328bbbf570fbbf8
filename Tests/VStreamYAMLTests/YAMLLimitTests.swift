import Foundation
import VStreamSource
import VStreamYAML
import XCTest

/// Hostile input stops at the limits, fast, with one diagnostic and without a tree.
final class YAMLLimitTests: XCTestCase {
  /// Runs `body` and fails if it takes longer than `seconds` (generous: debug builds on a shared machine).
  func timed<T>(within seconds: TimeInterval, _ body: () -> T) -> T {
    let started = Date()
    let result = body()
    XCTAssertLessThan(Date().timeIntervalSince(started), seconds)
    return result
  }

  func testAliasBombStopsAtTheNodeLimit() throws {
    var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
    for level in 1...9 {
      yaml += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
    }
    let fixture = timed(within: 2) { YAMLFixture(frontMatter: "---\n" + yaml + "---\n") }
    XCTAssertNil(fixture.root)
    XCTAssertEqual(fixture.codes, [YAMLMessages.tooLarge])
    XCTAssertEqual(fixture.diagnostics[0].message, "the YAML expands to more than 10000 values")
    // a0 holds 11 nodes, a1 111, a2 1,111, a3 11,111: the limit is passed inside a3's list, at an alias.
    XCTAssertEqual(fixture.start(fixture.diagnostics[0].range)[0], 5)
    XCTAssertEqual(fixture.text(fixture.diagnostics[0].range), "*a2")
  }

  func testTheNodeLimitCountsAliasesAtTheirExpandedSize() {
    // The root, key `a`, its list of 5, key `b`, and a list holding the list of 5 twice: 1 + 1 + 5 + 1 + 11 = 19.
    let yaml = "---\na: &a [x, x, x, x]\nb: [*a, *a]\n---\n"
    XCTAssertEqual(YAMLFixture(frontMatter: yaml, limits: YAMLLimits(maxNodes: 19)).diagnostics, [])
    XCTAssertEqual(YAMLFixture(frontMatter: yaml, limits: YAMLLimits(maxNodes: 18)).codes, [YAMLMessages.tooLarge])
  }

  func testManyValuesWithoutAliasesHitTheSameLimit() {
    let yaml = "---\nlist: [" + Array(repeating: "x", count: 10_001).joined(separator: ",") + "]\n---\n"
    let fixture = YAMLFixture(frontMatter: yaml)
    XCTAssertEqual(fixture.codes, [YAMLMessages.tooLarge])
    XCTAssertEqual(fixture.diagnostics[0].message, "the YAML has more than 10000 values")
  }

  func testDeepFlowNestingStopsAtTheDepthLimit() throws {
    // libyaml needs over ten minutes for a full parse of this; stopping at the limit takes milliseconds.
    let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
    let limits = YAMLLimits(maxBytes: 1 << 22)
    let fixture = timed(within: 2) { YAMLFixture(frontMatter: "---\nx: " + deep + "\n---\n", limits: limits) }
    XCTAssertNil(fixture.root)
    XCTAssertEqual(fixture.codes, [YAMLMessages.tooDeep])
    XCTAssertEqual(fixture.diagnostics[0].message, "the YAML nests more than 64 levels deep")
    XCTAssertEqual(
      fixture.start(fixture.diagnostics[0].range), [2, 67], "the 64th `[` is the 65th level, under the root mapping")

    let mappings = String(repeating: "{a: ", count: 100_000) + String(repeating: "}", count: 100_000)
    let nested = timed(within: 2) { YAMLFixture(frontMatter: "---\nx: " + mappings + "\n---\n", limits: limits) }
    XCTAssertEqual(nested.codes, [YAMLMessages.tooDeep])

    let unclosed = timed(within: 2) { YAMLFixture(wholeFile: Array(String(repeating: "[", count: 1_000_000).utf8)) }
    XCTAssertEqual(unclosed.codes, [YAMLMessages.tooDeep])
  }

  func testDeepBlockNestingStopsAtTheDepthLimit() {
    var block = ""
    for level in 0..<100 { block += String(repeating: " ", count: level) + "k:\n" }
    let fixture = YAMLFixture(frontMatter: "---\n" + block + "---\n")
    XCTAssertEqual(fixture.codes, [YAMLMessages.tooDeep])
    XCTAssertEqual(fixture.start(fixture.diagnostics[0].range), [66, 65])
  }

  func testExactlyTheDepthLimitIsAllowed() throws {
    let nested = String(repeating: "[", count: 63) + "x" + String(repeating: "]", count: 63)
    let fixture = YAMLFixture(frontMatter: "---\nx: " + nested + "\n---\n")
    XCTAssertEqual(fixture.diagnostics, [], "the root mapping and 63 lists are 64 levels")
    var node = try XCTUnwrap(fixture.root?["x"])
    for _ in 0..<62 { node = try XCTUnwrap(node.sequence?.first) }
    XCTAssertEqual(node.sequence?.first?.scalar, "x")
    XCTAssertEqual(YAMLFixture(frontMatter: "---\nx: [" + nested + "]\n---\n").codes, [YAMLMessages.tooDeep])
  }

  func testSizeLimitRefusesWithoutParsing() {
    let text = "---\nx: " + String(repeating: "a", count: 2_000) + "\n: : :\n---\n"
    let fixture = YAMLFixture(frontMatter: text, limits: YAMLLimits(maxBytes: 1_000))
    XCTAssertNil(fixture.root)
    XCTAssertEqual(fixture.codes, [YAMLMessages.tooLarge], "one diagnostic: the syntax error is never seen")
    XCTAssertEqual(fixture.diagnostics[0].message, "the YAML is 2010 bytes, more than the limit of 1000")
    XCTAssertEqual(fixture.diagnostics[0].range, SourceRange.empty(at: 4))
  }

  func testAnyPrefixOfADocumentGivesRangesInsideTheFile() {
    // Cutting a document anywhere (inside a character, a quote, a flow collection) must give a tree or a
    // diagnostic, with every range inside the YAML.
    let document = Array("a: «é» # c\r\nb: [1, {c: \"😀\\n\"}, &x 'q']\nd: |\n  t\ne: *x\nf: !!str ~\n".utf8)
    for cut in 0...document.count {
      let bytes = Array(document[0..<cut])
      let fixture = YAMLFixture(wholeFile: bytes)
      for diagnostic in fixture.diagnostics {
        XCTAssertLessThanOrEqual(diagnostic.range.end, UInt32(cut), "cut at \(cut)")
      }
      var pending = fixture.root.map { [$0] } ?? []
      while let node = pending.popLast() {
        XCTAssertLessThanOrEqual(node.range.end, UInt32(cut), "cut at \(cut)")
        pending += node.sequence ?? []
        pending += (node.mapping ?? []).flatMap { [$0.key, $0.value] }
      }
    }
  }
}
