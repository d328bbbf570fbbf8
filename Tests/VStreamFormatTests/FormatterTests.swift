import Foundation
import VStream
import VStreamFormat
import VStreamModel
import VStreamSource
import XCTest

final class FormatterPropertyTests: XCTestCase {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// Every file the suite knows that parses cleanly: conformance cases and examples.
  static func corpus() throws -> [SourceFile] {
    var files: [SourceFile] = []
    for folder in ["specs/cases", "examples"] {
      let base = root.appendingPathComponent(folder)
      let enumerator = FileManager.default.enumerator(atPath: base.path)
      while let path = enumerator?.nextObject() as? String {
        guard path.hasSuffix(".vstream") else { continue }
        files.append(SourceFile(path: folder + "/" + path, bytes: [UInt8](try Data(contentsOf: base.appendingPathComponent(path)))))
      }
    }
    return files.sorted { $0.path < $1.path }
  }

  func formatted(_ file: SourceFile) -> String? {
    if case .formatted(let text) = Compiler.format(file) { return text }
    return nil
  }

  /// The syntax tree as JSON with positions removed and values normalised the way `fmt` normalises them.
  static func meaning(_ file: SourceFile) throws -> Any {
    let parsed = Compiler.parse(file)
    let data = Data(parsed.syntax.json(in: file).rendered().utf8)
    var object = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    object["comments"] = nil
    object["byteOrderMark"] = nil
    return normalize(object, attribute: nil)
  }

  static func normalize(_ value: Any, attribute: String?) -> Any {
    if var dictionary = value as? [String: Any] {
      dictionary["range"] = nil
      let name = dictionary["name"] as? String
      if let name = name, let raw = dictionary["value"] {
        switch name {
        case "time", "wait":
          var weeksAndDays: [String] = []
          var seconds = 0
          for part in raw as? [[String: Any]] ?? [] {
            let amount = part["amount"] as? Int ?? 0
            switch part["unit"] as? String {
            case "h": seconds += amount * 3600
            case "m": seconds += amount * 60
            case "s": seconds += amount
            case let unit?: weeksAndDays.append("\(amount)\(unit)")
            default: break
            }
          }
          dictionary["value"] = weeksAndDays.joined() + "+\(seconds)s"
        case "activity":
          dictionary["value"] = (raw as? String).map { Activity.resolve($0).entry?.id ?? $0 } as Any
        case "practices":
          dictionary["value"] = (raw as? [String])?.map { PracticeCatalogue.itil.resolve($0).entry?.id ?? $0 } as Any
        default:
          break
        }
      }
      // Attribute order is the formatter's to choose; what they say is not.
      if let attributes = dictionary["attributes"] as? [[String: Any]] {
        dictionary["attributes"] = attributes.sorted { ($0["name"] as? String ?? "") < ($1["name"] as? String ?? "") }
      }
      return dictionary.mapValues { normalize($0, attribute: name) }
    }
    if let array = value as? [Any] { return array.map { normalize($0, attribute: attribute) } }
    return value
  }

  static func comments(_ file: SourceFile) -> [String] {
    Compiler.parse(file).syntax.comments.map { file.text($0.range).trimmingCharacters(in: .whitespaces) }.sorted()
  }

  static func frontMatter(_ file: SourceFile) -> [UInt8] {
    guard let range = Compiler.parse(file).syntax.frontMatter?.range else { return [] }
    return Array(file.bytes[Int(range.start)..<Int(range.end)])
  }

  func assertFormattingProperties(_ file: SourceFile, line: UInt = #line) throws {
    guard let once = formatted(file) else { return }
    let first = SourceFile(path: file.path, text: once)
    XCTAssertEqual(Compiler.parse(first).diagnostics.filter { $0.severity == .error }, [], "formatted \(file.path) does not parse", line: line)
    XCTAssertEqual(formatted(first), once, "formatting \(file.path) is not idempotent", line: line)
    XCTAssertEqual(
      try JSONSerialization.data(withJSONObject: try Self.meaning(first), options: [.sortedKeys]),
      try JSONSerialization.data(withJSONObject: try Self.meaning(file), options: [.sortedKeys]),
      "formatting \(file.path) changed its syntax tree", line: line)
    XCTAssertEqual(Self.comments(first), Self.comments(file), "formatting \(file.path) lost or changed a comment", line: line)
    XCTAssertEqual(Self.frontMatter(first), Self.frontMatter(file), "formatting \(file.path) changed the front matter", line: line)
  }

  func testPropertiesOverEveryCaseAndExample() throws {
    let corpus = try Self.corpus()
    XCTAssertGreaterThan(corpus.count, 50)
    var formattedCount = 0
    for file in corpus {
      if formatted(file) != nil { formattedCount += 1 }
      try assertFormattingProperties(file)
    }
    XCTAssertGreaterThan(formattedCount, 25, "most cases parse and are formatted")
  }

  func testPropertiesOverGeneratedMessyStreams() throws {
    var generator = SeededGenerator(seed: 2026)
    for index in 0..<300 {
      let text = MessyStreams.make(&generator)
      let file = SourceFile(path: "generated-\(index).vstream", text: text)
      XCTAssertNotNil(formatted(file), "generated stream \(index) should parse:\n\(text)")
      try assertFormattingProperties(file)
    }
  }

  func testFilesWithSyntaxErrorsAreRefused() {
    guard case .syntaxErrors(let errors) = Compiler.format(SourceFile(path: "x", text: "stream s\nstep a\n  time 5 minutes\n")) else {
      return XCTFail("a file with errors must not be formatted")
    }
    XCTAssertEqual(errors.map(\.code), ["VS104"])
  }
}

final class FormatterGoldenTests: XCTestCase {
  func testMessyFileGolden() throws {
    let fixtures = FormatterPropertyTests.root.appendingPathComponent("Tests/VStreamFormatTests/Fixtures")
    let input = try String(contentsOf: fixtures.appendingPathComponent("messy.vstream"), encoding: .utf8)
    guard case .formatted(let output) = Compiler.format(SourceFile(path: "messy.vstream", text: input)) else { return XCTFail() }
    let golden = fixtures.appendingPathComponent("messy.formatted.vstream")
    if ProcessInfo.processInfo.environment["VSTREAM_RECORD"] == "1" {
      try output.write(to: golden, atomically: true, encoding: .utf8)
      XCTFail("recorded messy.formatted.vstream; review it before committing")
    }
    XCTAssertEqual(output, try String(contentsOf: golden, encoding: .utf8))
  }

  func testLongFlowsWrapAtTheWidth() throws {
    let names = (0..<40).map { "step-number-\($0)" }
    var text = "stream s\ndemand d\n"
    for name in names { text += "step \(name)\n  activity engage\n  practices service-desk\n" }
    text += "value v\nflow d -> " + names.joined(separator: " -> ") + " -> v \"all the way\"\n"
    guard case .formatted(let output) = Compiler.format(SourceFile(path: "x", text: text)) else { return XCTFail() }
    let flowLines = output.split(separator: "\n").drop { !$0.hasPrefix("flow ") }
    XCTAssertGreaterThan(flowLines.count, 5)
    for line in flowLines.dropLast() { XCTAssertLessThanOrEqual(line.count, 100, String(line)) }
    XCTAssertTrue(flowLines.dropFirst().allSatisfy { $0.hasPrefix("  -> ") })
    XCTAssertTrue(flowLines.last!.hasSuffix("-> v \"all the way\""))
  }

  func testDurationsAndNamesAreNormalised() throws {
    let text = "stream s\ndemand d\nstep a\n  wait 3600s\n  time 90m\n  practices Change_Control, request-fulfilment\n  activity Obtain/Build\n  ca 090.50%\nvalue v\n"
    guard case .formatted(let output) = Compiler.format(SourceFile(path: "x", text: text)) else { return XCTFail() }
    XCTAssertTrue(output.contains("  activity obtain-build\n  practices change-enablement, service-request-management\n  time 1h30m\n  wait 1h\n  ca 90.5%\n"), output)
  }

  func testCRLFFilesStayCRLF() throws {
    let text = "stream s\r\ndemand d\r\nstep a  # why\r\n  activity engage\r\nvalue v\r\n"
    guard case .formatted(let output) = Compiler.format(SourceFile(path: "x", text: text)) else { return XCTFail() }
    XCTAssertFalse(output.unicodeScalars.split(separator: "\n").dropLast().contains { $0.last != "\r" }, "every line ends with CRLF")
  }
}

final class UnifiedDiffTests: XCTestCase {
  func testSmallDiff() {
    let old = "a\nb\nc\nd\ne\nf\ng\nh\n"
    let new = "a\nb\nc\nD\ne\nf\ng\nh\ni\n"
    XCTAssertEqual(
      UnifiedDiff.diff(old: old, new: new, oldPath: "a/x", newPath: "b/x"),
      "--- a/x\n+++ b/x\n@@ -1,8 +1,9 @@\n a\n b\n c\n-d\n+D\n e\n f\n g\n h\n+i\n")
    XCTAssertEqual(UnifiedDiff.diff(old: old, new: old, oldPath: "a", newPath: "b"), "")
    XCTAssertEqual(
      UnifiedDiff.diff(old: "a\nb", new: "a\nb\n", oldPath: "a", newPath: "b"),
      "--- a\n+++ b\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n")
  }

  func testAgreesWithDiffU() throws {
    var generator = SeededGenerator(seed: 7)
    let words = ["stream", "step", "flow", "activity", "engage", "# note", ""]
    for _ in 0..<30 {
      let old = (0..<40).map { _ in words[Int(generator.next() % UInt64(words.count))] }
      var new = old
      for _ in 0..<5 {
        let position = Int(generator.next() % UInt64(new.count))
        if generator.next() % 2 == 0 { new.remove(at: position) } else { new.insert("inserted", at: position) }
      }
      let newText = new.joined(separator: "\n") + (generator.next() % 4 == 0 ? "" : "\n")
      let ours = UnifiedDiff.diff(old: old.joined(separator: "\n") + "\n", new: newText, oldPath: "old", newPath: "new")
      // Apply our diff with patch(1) when available: the result must be the new text.
      let folder = NSTemporaryDirectory() + "vstream-diff-\(UUID().uuidString)"
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      defer { try? FileManager.default.removeItem(atPath: folder) }
      try (old.joined(separator: "\n") + "\n").write(toFile: folder + "/old", atomically: true, encoding: .utf8)
      try ours.write(toFile: folder + "/patch.diff", atomically: true, encoding: .utf8)
      guard FileManager.default.isExecutableFile(atPath: "/usr/bin/patch") else { throw XCTSkip("patch(1) is not installed") }
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/usr/bin/patch")
      process.arguments = ["-s", folder + "/old", folder + "/patch.diff"]
      try process.run()
      process.waitUntilExit()
      XCTAssertEqual(process.terminationStatus, 0, ours)
      XCTAssertEqual(try String(contentsOfFile: folder + "/old", encoding: .utf8), newText, ours)
    }
  }
}

/// A small deterministic generator (SplitMix64), so generated cases are the same on every run.
struct SeededGenerator: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// Valid streams written in every untidy way the language allows.
enum MessyStreams {
  static func make(_ generator: inout SeededGenerator) -> String {
    func pick<T>(_ items: [T]) -> T { items[Int(generator.next() % UInt64(items.count))] }
    func chance(_ percent: UInt64) -> Bool { generator.next() % 100 < percent }
    let blanks = ["", " ", "  ", "\t", "    ", " \t "]
    let comments = ["# a comment", "#tight", "# vstream: allow no-practices -- generated", "#   spaced   ", "# ünïcode 🚑"]
    var lines: [String] = []
    func comment() { if chance(25) { lines.append(pick(blanks) + pick(comments)) } }
    func trailing() -> String { chance(20) ? pick(["  ", " ", "\t"]) + pick(comments) : pick(["", " ", "\t"]) }
    if chance(50) { lines += ["---", "title: Generated \(generator.next() % 1000)", "owner: \"Someone: with a colon\"", "tags: [a, b]", "---"] }
    if chance(50) { lines.append("") }
    comment()
    lines.append("stream s\(generator.next() % 100) \"A stream\"" + trailing())
    comment()
    lines.append(pick(["", "", "  "]) + "demand need \"The need\"" + trailing())
    if chance(50) { lines.append(pick(blanks) + "from \"Customer \\\"quoted\\\"\"" + trailing()) }
    let stepCount = 1 + Int(generator.next() % 6)
    for index in 0..<stepCount {
      if chance(50) { lines.append(String(repeating: "", count: 0)) }
      comment()
      lines.append(pick(["", " "]) + "step s\(index)" + (chance(70) ? " \"Step \(index) \\\\ title\"" : "") + trailing())
      var attributes = [
        pick(["activity engage", "activity obtain/build", "activity Design_Transition", "activity deliver-and-support"]),
        pick(["practices service-desk", "practices change-control,incident-management", "practices Service_Desk ,  event-management"]),
        pick(["time 90m", "time 1h90m", "time 3600s", "time 2d5h", "time 0m", "time 45s"]),
        pick(["wait 1w", "wait 120m", "wait 1d1h61m"]),
        pick(["ca 90%", "ca 090.50%", "ca 99.99%", "ca 100%"]),
        pick(["roles \"A\",\"B\"", "roles   \"Only one\""]),
        pick(["note \"short\"", "note \"\"\"\n      first\n        second \\\\ line\n      \"\"\"", "note \"\"\"inline block\"\"\""]),
      ]
      let count = 2 + Int(generator.next() % UInt64(attributes.count - 1))
      attributes = Array(attributes.prefix(count))
      attributes.shuffle(using: &generator)
      for attribute in attributes {
        comment()
        if chance(10) { lines.append("") }
        lines.append(pick(blanks) + attribute + (attribute.hasSuffix("\"\"\"") || attribute.contains("\n") ? "" : trailing()))
      }
    }
    lines.append("value done \"Done\"" + trailing())
    if chance(70) {
      var chain = ["need"] + (0..<stepCount).map { "s\($0)" } + ["done"]
      if chance(30) { chain = chain + chain.dropFirst().dropLast().map { $0 } }
      var flow = "flow " + chain[0]
      for name in chain.dropFirst() {
        if chance(15) {
          lines.append(flow + trailing())
          if chance(30) { lines.append("  # between flow lines") }
          flow = pick(["  ", "", "\t"]) + "->" + pick([" ", ""]) + name
        } else {
          flow += pick([" -> ", "->", " ->  "]) + name
        }
      }
      lines.append(flow + (chance(30) ? " \"label \\\"x\\\"\"" : "") + trailing())
    }
    comment()
    let separator = chance(20) ? "\r\n" : "\n"
    return lines.joined(separator: separator) + (chance(80) ? separator : "")
  }
}

final class FormatterCommentPlacementTests: XCTestCase {
  /// A comment directly above a declaration stays directly above it, even where a blank line is added.
  func testCommentStaysAttachedToTheDeclarationBelow() throws {
    let text = "stream s\ndemand d\nstep a\n  activity engage\n# about b\nstep b\n  activity engage\nvalue v\n"
    guard case .formatted(let output) = Compiler.format(SourceFile(path: "x", text: text)) else { return XCTFail() }
    XCTAssertTrue(output.contains("  activity engage\n\n# about b\nstep b\n"), output)
  }
}
