import Foundation
import VStreamModel
import XCTest

final class EditDistanceTests: XCTestCase {
  func testDistancesWithinTheLimit() {
    XCTAssertEqual(EditDistance.distance("kitten", "sitting", limit: 3), 3)
    XCTAssertNil(EditDistance.distance("kitten", "sitting", limit: 2))
    XCTAssertEqual(EditDistance.distance("same", "same", limit: 0), 0)
    XCTAssertEqual(EditDistance.distance("ab", "ba", limit: 1), 1, "a swap of neighbours is one edit")
    XCTAssertEqual(EditDistance.distance("", "abc", limit: 3), 3)
    XCTAssertNil(EditDistance.distance("", "abc", limit: 2))
    XCTAssertEqual(EditDistance.distance("café", "cafe", limit: 1), 1, "counts Unicode scalars, not bytes")
    XCTAssertNil(EditDistance.distance("a", "abcdef", limit: 4), "lengths differ by more than the limit")
    XCTAssertNil(EditDistance.distance("a", "a", limit: -1))
  }

  func testDefaultLimitIsAThirdOfTheLengthAtLeastTwo() {
    XCTAssertEqual(EditDistance.defaultLimit(for: "ab"), 2)
    XCTAssertEqual(EditDistance.defaultLimit(for: "incident-managment"), 6)
    XCTAssertEqual(
      EditDistance.defaultLimit(for: String(repeating: "x", count: 10_000)), EditDistance.maximumLength / 3)
  }

  func testClosestOrdersByDistanceThenCandidateOrder() {
    let keys = ["title", "owner", "version", "status", "tags", "titel", "title"]
    XCTAssertEqual(EditDistance.closest(to: "titl", among: keys), ["title", "titel"])
    XCTAssertEqual(EditDistance.closest(to: "stauts", among: keys, limit: 1), ["status"])
    XCTAssertEqual(EditDistance.closest(to: "tags", among: keys, limit: 0), ["tags"])
    XCTAssertEqual(EditDistance.closest(to: "zzzzzzzz", among: keys), [])
  }

  func testHugeInputsReturnAtOnce() {
    let huge = String(repeating: "a", count: 1_000_000)
    let start = Date()
    XCTAssertNil(EditDistance.distance(huge, huge, limit: 5), "longer than the cap: never compared")
    XCTAssertNil(EditDistance.distance(huge, "a", limit: 1_000_000))
    XCTAssertNil(EditDistance.distance("a", huge, limit: Int.max))
    XCTAssertEqual(EditDistance.closest(to: huge, among: [huge, "a"], limit: 10), [])
    XCTAssertLessThan(Date().timeIntervalSince(start), 1, "a 1 MB word must cost no more than a short one")
  }

  func testLongestComparedWordsStillWork() {
    let word = String(repeating: "ab", count: EditDistance.maximumLength / 2)
    var typo = word
    typo.removeLast()
    XCTAssertEqual(EditDistance.distance(word, typo, limit: 1), 1)
    XCTAssertNil(EditDistance.distance(word + "c", word, limit: 1), "one past the cap is not compared")
  }
}
