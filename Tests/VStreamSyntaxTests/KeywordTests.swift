import XCTest

@testable import VStreamSyntax

final class KeywordTests: XCTestCase {
  /// Every keyword is recognised from its bytes, and only exactly: not a prefix, an extension or another case.
  func testEveryKeywordAndNothingElse() {
    var words: [(String, String)] = DeclarationKind.allCases.map { ($0.rawValue, "declaration \($0)") }
    words += AttributeKind.allCases.map { ($0.rawValue, "attribute \($0)") }
    words += FlowKind.allCases.map { ($0.rawValue, "flow \($0)") }
    for (word, expected) in words {
      XCTAssertEqual(describe(word), expected)
      XCTAssertNil(classify(String(word.dropLast())), "prefix of \(word)")
      XCTAssertNil(classify(word + "s"), "extension of \(word)")
      XCTAssertNil(classify(word.uppercased()), "upper case \(word)")
    }
    for other in ["", "x", "stpe", "steps", "flows", "practice", "activities", "cA", "fore"] {
      XCTAssertNil(classify(other), other)
    }
  }

  private func classify(_ word: String) -> Keyword? {
    let bytes = Array(word.utf8)
    return bytes.withUnsafeBufferPointer { Keyword.classify($0, 0, UInt32($0.count)) }
  }

  private func describe(_ word: String) -> String? {
    switch classify(word) {
    case .declaration(let kind)?: return "declaration \(kind)"
    case .attribute(let kind)?: return "attribute \(kind)"
    case .flow(let kind)?: return "flow \(kind)"
    case nil: return nil
    }
  }
}
