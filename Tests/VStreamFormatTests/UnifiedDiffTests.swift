import Foundation
import TestSupport
import VStreamFormat
import XCTest

final class UnifiedDiffTests: XCTestCase {
  func testEqualTextsGiveNothing() {
    XCTAssertEqual(UnifiedDiff.diff(old: "a\nb\n", new: "a\nb\n", oldPath: "a", newPath: "b"), "")
    XCTAssertEqual(UnifiedDiff.diff(old: "", new: "", oldPath: "a", newPath: "b"), "")
    // Canonically equivalent but different bytes (é composed and decomposed) is a change.
    XCTAssertNotEqual(UnifiedDiff.diff(old: "\u{E9}\n", new: "e\u{301}\n", oldPath: "a", newPath: "b"), "")
  }

  func testKnownDiffs() {
    let old = "a\nb\nc\nd\ne\nf\ng\nh\n"
    XCTAssertEqual(
      UnifiedDiff.diff(old: old, new: "a\nb\nc\nD\ne\nf\ng\nh\ni\n", oldPath: "a/x", newPath: "b/x"),
      "--- a/x\n+++ b/x\n@@ -1,8 +1,9 @@\n a\n b\n c\n-d\n+D\n e\n f\n g\n h\n+i\n")
    // Two hunks when the unchanged gap is longer than twice the context; a count of 1 is left out.
    let long = (1...20).map { "line \($0)\n" }.joined()
    let changed = long.replacingOccurrences(of: "line 2\n", with: "LINE 2\n").replacingOccurrences(
      of: "line 19\n", with: "")
    XCTAssertEqual(
      UnifiedDiff.diff(old: long, new: changed, oldPath: "o", newPath: "n", context: 1),
      "--- o\n+++ n\n@@ -1,3 +1,3 @@\n line 1\n-line 2\n+LINE 2\n line 3\n@@ -18,3 +18,2 @@\n line 18\n-line 19\n line 20\n"
    )
    XCTAssertEqual(
      UnifiedDiff.diff(old: "x\n", new: "y\n", oldPath: "o", newPath: "n", context: 0),
      "--- o\n+++ n\n@@ -1 +1 @@\n-x\n+y\n")
    // An insertion into an empty file: the old range is empty and starts at 0.
    XCTAssertEqual(
      UnifiedDiff.diff(old: "", new: "a\n", oldPath: "o", newPath: "n"), "--- o\n+++ n\n@@ -0,0 +1 @@\n+a\n")
  }

  func testMissingFinalLineBreak() {
    XCTAssertEqual(
      UnifiedDiff.diff(old: "a\nb", new: "a\nb\n", oldPath: "a", newPath: "b"),
      "--- a\n+++ b\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n")
    XCTAssertEqual(
      UnifiedDiff.diff(old: "a\nz", new: "b\nz", oldPath: "a", newPath: "b"),
      "--- a\n+++ b\n@@ -1,2 +1,2 @@\n-a\n+b\n z\n\\ No newline at end of file\n")
  }

  func testCarriageReturnsAreKept() {
    XCTAssertEqual(
      UnifiedDiff.diff(old: "a\r\nb\r\n", new: "a\nb\r\n", oldPath: "a", newPath: "b"),
      "--- a\n+++ b\n@@ -1,2 +1,2 @@\n-a\r\n+a\n b\r\n")
  }

  /// Random edits of random texts: the diff applies (checked here and with patch(1)) and is as short as GNU diff's.
  func testAgreesWithDiffAndPatch() throws {
    var random = SeededGenerator(seed: 7)
    let words = ["stream s", "step a", "flow a -> b", "  activity engage", "# note", "", "  time 5m"]
    let hasDiff = FileManager.default.isExecutableFile(atPath: "/usr/bin/diff")
    let hasPatch = FileManager.default.isExecutableFile(atPath: "/usr/bin/patch")
    let folder = NSTemporaryDirectory() + "vstream-diff-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    for round in 0..<60 {
      let old = (0..<Int(random.next() % 50)).map { _ in words[Int(random.next() % UInt64(words.count))] }
      var new = old
      for _ in 0..<Int(random.next() % 8) {
        let position = new.isEmpty ? 0 : Int(random.next() % UInt64(new.count))
        switch random.next() % 3 {
        case 0 where !new.isEmpty: new.remove(at: position)
        case 1 where !new.isEmpty: new[position] = "changed \(round)"
        default: new.insert("inserted", at: position)
        }
      }
      let oldText = old.map { $0 + "\n" }.joined()
      let newText = new.joined(separator: "\n") + (random.next() % 4 == 0 || new.isEmpty ? "" : "\n")
      let ours = UnifiedDiff.diff(
        old: oldText, new: newText, oldPath: "old", newPath: "new", context: Int(random.next() % 4))
      XCTAssertEqual(try Self.apply(ours, to: oldText), newText, ours)
      if hasPatch {
        try oldText.write(toFile: folder + "/old", atomically: true, encoding: .utf8)
        try ours.write(toFile: folder + "/patch.diff", atomically: true, encoding: .utf8)
        if !ours.isEmpty {
          XCTAssertEqual(
            try Self.run("/usr/bin/patch", ["-s", folder + "/old", folder + "/patch.diff"]).status, 0, ours)
          XCTAssertEqual(try String(contentsOfFile: folder + "/old", encoding: .utf8), newText, ours)
        }
      }
      if hasDiff {
        try oldText.write(toFile: folder + "/a", atomically: true, encoding: .utf8)
        try newText.write(toFile: folder + "/b", atomically: true, encoding: .utf8)
        let theirs = try Self.run("/usr/bin/diff", ["-u", folder + "/a", folder + "/b"]).output
        // Both scripts are shortest, so they delete and insert as many lines (ties may pick other lines).
        XCTAssertEqual(Self.changeCounts(ours), Self.changeCounts(theirs), "ours:\n\(ours)\ndiff -u:\n\(theirs)")
      }
    }
  }

  func testHugeInputsFinishAndApply() throws {
    // Every line changes its indentation but many lines repeat: the worst case for the search, not for the pre-pass.
    let old = (0..<30_000).map { $0 % 3 == 0 ? "\n" : $0 % 3 == 1 ? "step s\($0 % 97)\n" : "\tactivity engage\n" }
      .joined()
    let new = (0..<30_000).map { $0 % 5 == 0 ? "\n" : $0 % 5 == 1 ? "step s\($0 % 89)\n" : "  activity engage\n" }
      .joined()
    let start = Date()
    let diff = UnifiedDiff.diff(old: old, new: new, oldPath: "o", newPath: "n")
    XCTAssertLessThan(Date().timeIntervalSince(start), 60, "the search must stay bounded")
    XCTAssertEqual(try Self.apply(diff, to: old), new)
    let unrelated = (0..<200_000).map { "old \($0)\n" }.joined()
    let replacement = (0..<200_000).map { "new \($0)\n" }.joined()
    XCTAssertEqual(
      try Self.apply(UnifiedDiff.diff(old: unrelated, new: replacement, oldPath: "o", newPath: "n"), to: unrelated),
      replacement)
  }

  /// The number of deleted and inserted lines of a unified diff.
  static func changeCounts(_ diff: String) -> [Int] {
    let lines = splitLines(diff).filter { !$0.hasPrefix("---") && !$0.hasPrefix("+++") }
    return [lines.filter { $0.hasPrefix("-") }.count, lines.filter { $0.hasPrefix("+") }.count]
  }

  /// Applies a unified diff strictly: every context and deleted line must match, hunks in order.
  static func apply(_ diff: String, to text: String) throws -> String {
    struct Mismatch: Error { let message: String }
    if diff.isEmpty { return text }
    var old = splitLines(text).map { $0 + "\n" }
    if old.last == "\n" { old.removeLast() } else { old[old.count - 1].removeLast() }
    var lines = splitLines(diff)
    if lines.last == "" { lines.removeLast() }
    guard lines.count >= 2, lines[0].hasPrefix("--- "), lines[1].hasPrefix("+++ ") else {
      throw Mismatch(message: "headers")
    }
    var result: [String] = []
    var position = 0
    var index = 2
    while index < lines.count {
      let header = lines[index]
      guard header.hasPrefix("@@ -"), let space = header.dropFirst(4).firstIndex(of: " ") else {
        throw Mismatch(message: header)
      }
      let oldRange = header[header.index(header.startIndex, offsetBy: 4)..<space].split(separator: ",")
      let count = oldRange.count > 1 ? Int(oldRange[1])! : 1
      let start = count == 0 ? Int(oldRange[0])! : Int(oldRange[0])! - 1
      guard start >= position else { throw Mismatch(message: "hunks out of order") }
      result += old[position..<start]
      position = start
      index += 1
      while index < lines.count, !lines[index].hasPrefix("@@") {
        let line = lines[index]
        let body = String(line.dropFirst()) + "\n"
        let noBreak = index + 1 < lines.count && lines[index + 1] == "\\ No newline at end of file"
        let content = noBreak ? String(body.dropLast()) : body
        switch line.first {
        case " ", "-":
          guard position < old.count, old[position] == content else {
            throw Mismatch(message: "line \(position + 1): \(line)")
          }
          if line.first == " " { result.append(content) }
          position += 1
        case "+": result.append(content)
        default: throw Mismatch(message: line)
        }
        index += noBreak ? 2 : 1
      }
    }
    result += old[position...]
    return result.joined()
  }

  /// Lines split at `\n` only: as Characters, `\r\n` is one grapheme and would not split.
  static func splitLines(_ text: String) -> [String] {
    text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map {
      String(String.UnicodeScalarView($0))
    }
  }

  static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }
}
