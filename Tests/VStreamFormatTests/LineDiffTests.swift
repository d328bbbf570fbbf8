import TestSupport
import XCTest

@testable import VStreamFormat

final class LineDiffTests: XCTestCase {
  /// The length of a longest common subsequence, by the quadratic table: the reference for minimality.
  static func lcsLength(_ a: [Int], _ b: [Int]) -> Int {
    var previous = [Int](repeating: 0, count: b.count + 1)
    for symbol in a {
      var current = [Int](repeating: 0, count: b.count + 1)
      for (j, other) in b.enumerated() {
        current[j + 1] = symbol == other ? previous[j] + 1 : max(previous[j + 1], current[j])
      }
      previous = current
    }
    return previous[b.count]
  }

  static func randomLines(_ random: inout SeededGenerator, count: Int, alphabet: UInt64) -> [Int] {
    (0..<count).map { _ in Int(random.next() % alphabet) }
  }

  /// What is left after the deletions and what is left after the insertions must be the same lines.
  func assertValid(_ diff: LineDiff, _ a: [Int], _ b: [Int], file: StaticString = #filePath, line: UInt = #line) {
    let keptOld = a.indices.filter { !diff.deleted[$0] }.map { a[$0] }
    let keptNew = b.indices.filter { !diff.inserted[$0] }.map { b[$0] }
    XCTAssertEqual(keptOld, keptNew, "\(a) -> \(b)", file: file, line: line)
  }

  func testScriptsAreMinimalBelowTheCostLimit() {
    var random = SeededGenerator(seed: 11)
    for round in 0..<300 {
      let a = Self.randomLines(&random, count: Int(random.next() % 40), alphabet: 2 + UInt64(round % 6))
      let b = Self.randomLines(&random, count: Int(random.next() % 40), alphabet: 2 + UInt64(round % 6))
      let diff = LineDiff(old: a, new: b)
      assertValid(diff, a, b)
      let changes = diff.deleted.filter { $0 }.count + diff.inserted.filter { $0 }.count
      XCTAssertEqual(changes, a.count + b.count - 2 * Self.lcsLength(a, b), "\(a) -> \(b)")
    }
  }

  func testScriptsStayValidPastTheCostLimit() {
    var random = SeededGenerator(seed: 12)
    var longerThanMinimal = 0
    for _ in 0..<100 {
      let a = Self.randomLines(&random, count: 60 + Int(random.next() % 60), alphabet: 4)
      let b = Self.randomLines(&random, count: 60 + Int(random.next() % 60), alphabet: 4)
      let diff = LineDiff(old: a, new: b, costLimit: 3)
      assertValid(diff, a, b)
      let changes = diff.deleted.filter { $0 }.count + diff.inserted.filter { $0 }.count
      if changes > a.count + b.count - 2 * Self.lcsLength(a, b) { longerThanMinimal += 1 }
    }
    // The limit must actually cut searches short here, or this test would not test it.
    XCTAssertGreaterThan(longerThanMinimal, 0)
  }

  func testLinesOnOneSideOnlyAreChanges() {
    let diff = LineDiff(old: [0, 1, 2, 3], new: [4, 1, 5, 3, 6])
    XCTAssertEqual(diff.deleted, [true, false, true, false])
    XCTAssertEqual(diff.inserted, [true, false, true, false, true])
  }
}
