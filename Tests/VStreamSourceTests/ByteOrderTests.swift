import VStreamSource
import XCTest

final class ByteOrderTests: XCTestCase {
  /// Paths are sorted with `precedesInByteOrder`; it must be the order of their UTF-8 bytes, prefixes first.
  func testByteOrderIsTheOrderOfTheUTF8Bytes() {
    let pieces = ["", "a", "b", "A", "/", "-", "é", "e\u{301}", "😀", "a/b", "ab", "a.vstream", "\u{7F}", "z"]
    var strings: [String] = []
    for first in pieces { for second in pieces { strings.append(first + second) } }
    for left in strings {
      for right in strings {
        XCTAssertEqual(
          left.precedesInByteOrder(right), left.utf8.lexicographicallyPrecedes(right.utf8), "\(left) vs \(right)")
      }
    }
    // Unicode order is not byte order: a precomposed é (C3 A9) comes after e + combining accent (65 CC 81).
    XCTAssertTrue("e\u{301}".precedesInByteOrder("é"))
    XCTAssertFalse("abc".precedesInByteOrder("ab"))
    XCTAssertTrue("ab".precedesInByteOrder("abc"))
  }
}
