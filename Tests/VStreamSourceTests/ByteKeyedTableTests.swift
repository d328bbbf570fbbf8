import XCTest

@testable import VStreamSource

final class ByteKeyedTableTests: XCTestCase {
  /// Keys found by their bytes wherever they sit in the buffer; distinct keys stay distinct through many resizes.
  func testFindsKeysByBytesAcrossGrowth() {
    let words = (0..<5_000).map { "step-\($0)" } + ["", "a", "ab", "ba"]
    let text = words.joined(separator: " ")
    let bytes = Array(text.utf8)
    var ranges: [SourceRange] = []
    var offset: UInt32 = 0
    for word in words {
      ranges.append(SourceRange(start: offset, end: offset + UInt32(word.utf8.count)))
      offset += UInt32(word.utf8.count) + 1
    }
    var table = ByteKeyedTable<Int>()
    bytes.withUnsafeBufferPointer { buffer in
      for (index, range) in ranges.enumerated() {
        XCTAssertNil(table.find(buffer, range), "\(words[index]) found before insertion")
        XCTAssertEqual(table.insert(buffer, range, value: index * 7), index)
      }
      XCTAssertEqual(table.count, words.count)
      for (index, range) in ranges.enumerated() {
        guard let found = table.find(buffer, range) else { return XCTFail("\(words[index]) not found") }
        XCTAssertEqual(table.values[found], index * 7)
      }
    }
    // The same text at another place in another buffer is the same key.
    let other = Array("xx step-42 yy".utf8)
    other.withUnsafeBufferPointer { buffer in
      let found = table.find(buffer, SourceRange(start: 3, end: 10))
      XCTAssertEqual(found.map { table.values[$0] }, 42 * 7)
      XCTAssertNil(table.find(buffer, SourceRange(start: 3, end: 8)), "`step-`, a prefix of keys, is not a key")
    }
  }

  /// The hash reads words, halves and single bytes by length: each byte of a key of any length must count.
  func testEveryByteOfAKeyChangesItsHash() {
    for length in 1...24 {
      let base = [UInt8](repeating: 0x61, count: length)
      var hashes = Set([base.withUnsafeBufferPointer(ByteHash.hash)])
      for position in 0..<length {
        var changed = base
        changed[position] = 0x62
        hashes.insert(changed.withUnsafeBufferPointer(ByteHash.hash))
      }
      XCTAssertEqual(hashes.count, length + 1, "a key of \(length) bytes")
    }
  }

  /// One probe finds a key or adds it: the first time it is added at the next entry number, after that it is found
  /// with its first value, through many resizes.
  func testInsertIfAbsentAddsOnceAndThenFinds() {
    let words = (0..<3_000).map { "id-\($0 % 1_500)-" } + ["", "a", ""]
    let bytes = Array(words.joined().utf8)
    var ranges: [SourceRange] = []
    var offset: UInt32 = 0
    for word in words {
      ranges.append(SourceRange(start: offset, end: offset + UInt32(word.utf8.count)))
      offset += UInt32(word.utf8.count)
    }
    var table = ByteKeyedTable<Int>()
    var firstIndex: [String: Int] = [:]
    bytes.withUnsafeBufferPointer { buffer in
      for (position, range) in ranges.enumerated() {
        let (index, inserted) = table.insertIfAbsent(buffer, range, value: position)
        if let first = firstIndex[words[position]] {
          XCTAssertFalse(inserted, words[position])
          XCTAssertEqual(index, first, words[position])
        } else {
          XCTAssertTrue(inserted, words[position])
          XCTAssertEqual(index, firstIndex.count)
          firstIndex[words[position]] = index
        }
      }
    }
    XCTAssertEqual(table.count, 1_502, "1,500 ids, the empty key and `a`")
    XCTAssertEqual(table.value(at: firstIndex["id-7-"]!), 7, "a key found again keeps its first value")
  }

  func testUpdateReplacesTheValue() {
    let bytes = Array("incident-management".utf8)
    var table = ByteKeyedTable<String>()
    bytes.withUnsafeBufferPointer { buffer in
      let range = SourceRange(start: 0, end: UInt32(buffer.count))
      let index = table.insert(buffer, range, value: "first")
      table.update(index, value: "second")
      XCTAssertEqual(table.find(buffer, range).map { table.values[$0] }, "second")
    }
  }
}
