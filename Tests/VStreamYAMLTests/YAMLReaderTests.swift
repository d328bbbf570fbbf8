import VStreamSource
import VStreamYAML
import XCTest

final class YAMLReaderTests: XCTestCase {
  /// Reads the YAML between the first line and the `---` that closes it, as the parser hands front matter over.
  func read(_ text: String, limits: YAMLLimits = YAMLLimits()) -> (YAMLNode?, [Diagnostic], SourceFile) {
    let file = SourceFile(path: "t.vstream", text: text)
    let bytes = file.bytes
    let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    let contentStart = bytes[start...].firstIndex(of: 0x0A)! + 1
    let closing = Array("\n---".utf8)
    var contentEnd = contentStart
    while !Array(bytes[(contentEnd - 1)..<Swift.min(bytes.count, contentEnd + 3)]).elementsEqual(closing) { contentEnd += 1 }
    let (root, diagnostics) = YAMLReader(limits: limits).read(file, range: SourceRange(start: UInt32(contentStart), end: UInt32(contentEnd)))
    return (root, diagnostics, file)
  }

  func position(_ range: SourceRange, _ file: SourceFile) -> [Int] {
    let location = file.location(of: range.start)
    return [location.line, location.column]
  }

  func testMappingWithPositionsAfterNonASCII() throws {
    let (root, diagnostics, file) = read("---\ntitre: «Rétablir» 😀\nowner: Zoë\ntags: [a, b]\n---\n")
    XCTAssertEqual(diagnostics, [])
    let mapping = try XCTUnwrap(root?.mapping)
    XCTAssertEqual(mapping.map { $0.key.scalar }, ["titre", "owner", "tags"])
    XCTAssertEqual(root?["titre"]?.scalar, "«Rétablir» 😀")
    XCTAssertEqual(position(try XCTUnwrap(root?["owner"]).range, file), [3, 8])
    XCTAssertEqual(file.text(try XCTUnwrap(root?["titre"]).range), "«Rétablir» 😀", "byte ranges cover the characters exactly")
    XCTAssertEqual(root?["tags"]?.sequence?.map(\.scalar), ["a", "b"])
    XCTAssertEqual(position(try XCTUnwrap(root?["tags"]?.sequence?[1]).range, file), [4, 11])
  }

  func testCRLFAndByteOrderMark() throws {
    let (root, diagnostics, file) = read("\u{FEFF}---\r\ntitle: Ünïcode\r\nowner: x\r\n---\r\n")
    XCTAssertEqual(diagnostics, [])
    XCTAssertEqual(root?["owner"]?.scalar, "x")
    XCTAssertEqual(position(try XCTUnwrap(root?["owner"]).range, file), [3, 8])
    XCTAssertEqual(file.text(try XCTUnwrap(root?["title"]).range), "Ünïcode")
  }

  func testScalarStylesAndTypes() {
    let (root, _, _) = read("---\na: plain\nb: 'single'\nc: \"double\"\nd: |\n  literal\ne: 3\nf: ~\ng: yes\nh: true\n---\n")
    XCTAssertEqual(root?["a"]?.style, .plain)
    XCTAssertEqual(root?["b"]?.style, .singleQuoted)
    XCTAssertEqual(root?["c"]?.style, .doubleQuoted)
    XCTAssertEqual(root?["d"]?.style, .literal)
    XCTAssertEqual(root?["d"]?.scalar, "literal\n")
    XCTAssertEqual(root?["e"]?.intValue, 3)
    XCTAssertEqual(root?["f"]?.isNull, true)
    XCTAssertNil(root?["g"]?.boolValue, "yes is a string in YAML 1.2's core schema")
    XCTAssertEqual(root?["h"]?.boolValue, true)
  }

  func testDuplicateKeysReportBothPlaces() throws {
    let (_, diagnostics, file) = read("---\ntitle: a\nowner: b\ntitle: c\n---\n")
    let diagnostic = try XCTUnwrap(diagnostics.first)
    XCTAssertEqual(diagnostic.code, YAMLMessages.duplicateKey)
    XCTAssertEqual(position(diagnostic.range, file), [4, 1])
    XCTAssertEqual(position(try XCTUnwrap(diagnostic.secondary.first).range, file), [2, 1])
  }

  func testComplexKeysAndTagsAndUndefinedAliases() {
    XCTAssertEqual(read("---\n? [a, b]\n: c\n---\n").1.map(\.code), [YAMLMessages.complexKey])
    let tagged = read("---\na: !secret x\nb: !!str 3\n---\n")
    XCTAssertEqual(tagged.1.map(\.code), [YAMLMessages.unsupportedTag])
    XCTAssertEqual(tagged.1.first?.severity, .warning)
    XCTAssertEqual(tagged.0?["b"]?.tag, "tag:yaml.org,2002:str")
    XCTAssertEqual(read("---\na: *nowhere\n---\n").1.map(\.code), [YAMLMessages.undefinedAlias])
  }

  func testAliasesResolveToTheAnchoredValue() {
    let (root, diagnostics, _) = read("---\na: &x [1, 2]\nb: *x\n---\n")
    XCTAssertEqual(diagnostics, [])
    XCTAssertEqual(root?["b"]?.sequence?.map(\.scalar), ["1", "2"])
  }

  func testAliasBombStopsAtTheNodeLimit() {
    var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
    for level in 1...9 {
      yaml += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
    }
    let (root, diagnostics, _) = read("---\n" + yaml + "---\n")
    XCTAssertNil(root)
    XCTAssertEqual(diagnostics.map(\.code), [YAMLMessages.tooLarge])
  }

  func testDeepNestingStopsAtTheDepthLimit() {
    let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
    let (_, diagnostics, _) = read("---\nx: " + deep + "\n---\n", limits: YAMLLimits(maxBytes: 1 << 22))
    XCTAssertEqual(diagnostics.map(\.code), [YAMLMessages.tooDeep])
    var block = ""
    for level in 0..<100 { block += String(repeating: " ", count: level) + "k:\n" }
    XCTAssertEqual(read("---\n" + block + "---\n").1.map(\.code), [YAMLMessages.tooDeep])
  }

  func testSizeLimit() {
    let (_, diagnostics, _) = read("---\nx: " + String(repeating: "a", count: 2_000) + "\n---\n", limits: YAMLLimits(maxBytes: 1_000))
    XCTAssertEqual(diagnostics.map(\.code), [YAMLMessages.tooLarge])
  }

  func testSyntaxErrorsPointAtTheProblem() throws {
    let (_, diagnostics, file) = read("---\ntitle: Restore: the service\n---\n")
    let diagnostic = try XCTUnwrap(diagnostics.first)
    XCTAssertEqual(diagnostic.code, YAMLMessages.syntax)
    XCTAssertEqual(position(diagnostic.range, file), [2, 15])
    XCTAssertEqual(diagnostic.message, "yaml: mapping values are not allowed in this context")
  }

  func testEmptyAndCommentOnlyDocuments() {
    XCTAssertNil(read("---\n---\n").0)
    let (root, diagnostics, _) = read("---\n# only a comment\n---\n")
    XCTAssertNil(root)
    XCTAssertEqual(diagnostics, [])
  }

  func testInvalidUTF8IsAnErrorNotACrash() {
    var bytes = Array("---\ntitle: ".utf8) + [0xFF, 0xFE] + Array("\n---\n".utf8)
    let file = SourceFile(path: "t", bytes: bytes)
    let (_, diagnostics) = YAMLReader().read(file, range: SourceRange(start: 4, end: UInt32(bytes.count - 4)))
    XCTAssertEqual(diagnostics.map(\.code), [YAMLMessages.syntax])
    XCTAssertEqual(file.location(of: diagnostics[0].range.start).line, 2)
    bytes = Array("a: \u{0}".utf8)
    XCTAssertEqual(YAMLReader().read(SourceFile(path: "t", bytes: bytes), range: SourceRange(start: 0, end: 4)).1.map(\.code), [YAMLMessages.syntax])
  }
}
