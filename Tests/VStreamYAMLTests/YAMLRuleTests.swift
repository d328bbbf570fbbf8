import VStreamSource
import VStreamYAML
import XCTest

/// The rule catalog: one descriptor per code, examples that behave as documented.
final class YAMLRuleTests: XCTestCase {
  static let codes = [
    YAMLMessages.syntax, YAMLMessages.duplicateKey, YAMLMessages.complexKey, YAMLMessages.tooDeep,
    YAMLMessages.tooLarge, YAMLMessages.unsupportedTag, YAMLMessages.multipleDocuments, YAMLMessages.undefinedAlias,
    YAMLMessages.mergeKey,
  ]

  func testOneDescriptorPerCodeSortedAndNamed() {
    let rules = YAMLReader.rules
    XCTAssertEqual(rules.map(\.code), Self.codes)
    XCTAssertEqual(rules.map(\.code), rules.map(\.code).sorted())
    XCTAssertEqual(Set(rules.map(\.name)).count, rules.count)
    for rule in rules {
      XCTAssertEqual(rule.code.stage, .frontMatter, rule.code.rawValue)
      XCTAssertTrue(rule.name.allSatisfy { $0.isLowercase || $0 == "-" }, rule.name)
      XCTAssertEqual(rule.isConfigurable, rule.defaultSeverity != .error, "errors cannot be configured: \(rule.code)")
      XCTAssertFalse(rule.summary.hasSuffix("."), rule.code.rawValue)
      XCTAssertEqual(rule.summary.first?.isLowercase, true, rule.code.rawValue)
    }
  }

  func testExamplesBehaveAsDocumented() {
    for rule in YAMLReader.rules {
      XCTAssertTrue(
        rule.badExample.hasPrefix("---\n") && rule.badExample.contains("\n---\nstream "), rule.code.rawValue)
      let bad = YAMLFixture(frontMatter: rule.badExample)
      XCTAssertTrue(bad.codes.contains(rule.code), "\(rule.code) bad example gives \(bad.codes)")
      XCTAssertEqual(bad.diagnostics.filter { $0.code == rule.code }.map(\.severity).first, rule.defaultSeverity)
      let good = YAMLFixture(frontMatter: rule.goodExample)
      XCTAssertEqual(good.diagnostics, [], "\(rule.code) good example")
      XCTAssertNotNil(good.root, "\(rule.code) good example")
    }
  }

  func testMessagesFollowTheHouseStyle() {
    let samples = [
      "---\na: b: c\n---\n", "---\na: 1\na: 2\n---\n", "---\n? [a]\n: b\n---\n", "---\na: !x b\n---\n",
      "---\na: 1\n--- b\n---\n", "---\na: *b\n---\n", "---\n<<: {a: b}\n---\n",
      "---\nx: " + String(repeating: "[", count: 70) + "\n---\n",
    ]
    for sample in samples {
      let fixture = YAMLFixture(frontMatter: sample)
      XCTAssertFalse(fixture.diagnostics.isEmpty, sample)
      for diagnostic in fixture.diagnostics {
        XCTAssertFalse(diagnostic.message.hasSuffix("."), diagnostic.message)
        XCTAssertNotEqual(diagnostic.message.first?.isUppercase, true, diagnostic.message)
        XCTAssertFalse(diagnostic.message.contains("line "), "no location in the message: \(diagnostic.message)")
        XCTAssertNotNil(diagnostic.help, diagnostic.message)
      }
    }
  }
}
