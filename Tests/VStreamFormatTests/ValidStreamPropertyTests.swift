import Foundation
import TestSupport
import VStream
import VStreamCheck
import VStreamEmit
import VStreamFormat
import VStreamModel
import VStreamSource
import XCTest

/// Properties of the whole pipeline over generated valid streams (``ValidStreams``): each parses without errors,
/// checks into the stream the generator meant, emits every format, and formats idempotently without changing what
/// any back end says. Samples of the JSON go through the project's schema and of the DOT through Graphviz.
///
/// These live beside the formatter's properties to share its generators and ``FormatProperties``.
final class ValidStreamPropertyTests: XCTestCase {
  static let count = 300

  /// The generated files with their intent, the same on every run.
  static let generated: [(file: SourceFile, intent: ValidStreams.Intent)] = {
    var streams = ValidStreams(seed: 8_2026)
    return (0..<count).map { index in
      let (text, intent) = streams.make()
      return (SourceFile(path: "generated-\(index).vstream", text: text), intent)
    }
  }()

  static let workingTime = Configuration(durationSettings: .legacy(hoursPerDay: 8, daysPerWeek: 5))

  func testEveryGeneratedStreamChecksIntoTheStreamItMeans() throws {
    for (file, intent) in Self.generated {
      let context = "\(file.path):\n\(file.text(file.wholeRange))"
      let parsed = Compiler.parse(file)
      XCTAssertEqual(parsed.diagnostics.filter { $0.severity == .error }.map(\.message), [], context)
      let result = Compiler.check(file)
      XCTAssertEqual(result.diagnostics.filter { $0.severity == .error }.map(\.message), [], context)
      guard let stream = result.stream else {
        XCTFail("no stream: \(context)")
        continue
      }
      XCTAssertEqual(stream.id, intent.streamID, context)
      XCTAssertEqual(stream.demand.id, intent.demand, context)
      XCTAssertEqual(stream.steps.map(\.id), intent.steps, context)
      XCTAssertEqual(stream.values.map(\.id), intent.values, context)
      let arrows = Set(stream.edges.map { "\(stream.node($0.from).id)>\(stream.node($0.to).id)" })
      XCTAssertEqual(arrows, intent.arrows, context)
      XCTAssertNotNil(Compiler.check(file, configuration: Self.workingTime).stream, "working time: \(context)")
    }
  }

  /// `check --fix` on a valid stream written with aliases, in any case, and with a practice repeated: the fixed file
  /// has none of those findings left, checks into the same stream (the same JSON), and fixing it again does nothing.
  func testFixesKeepTheStreamAndAreIdempotent() throws {
    // Repeat the first practice of every `practices` line that has no comment after it.
    let repeatFirst = try NSRegularExpression(
      pattern: "^([ \\t]*practices[ \\t]+)([A-Za-z_/&-]+)([^#\\r\\n]*)$", options: [.anchorsMatchLines])
    var (fixedSome, repeated) = (0, 0)
    for (file, _) in Self.generated {
      let text = file.text(file.wholeRange)
      let mutated = repeatFirst.stringByReplacingMatches(
        in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "$1$2$3, $2")
      if mutated != text { repeated += 1 }
      let context = "\(file.path):\n\(mutated)"
      let original = try XCTUnwrap(Compiler.check(file).stream, context)
      let fixed = Compiler.fixing(SourceFile(path: file.path, text: mutated))
      let bytes = fixed.bytes ?? Array(mutated.utf8)
      if fixed.bytes != nil { fixedSome += 1 }
      let again = Compiler.check(SourceFile(path: file.path, bytes: bytes))
      XCTAssertEqual(
        again.diagnostics.filter { ["VS408", "VS409", "VS410"].contains($0.code) }.map(\.message), [], context)
      let stream = try XCTUnwrap(again.stream, context)
      XCTAssertEqual(JSONEmitter().emit(stream), JSONEmitter().emit(original), context)
      XCTAssertNil(Compiler.fixing(SourceFile(path: file.path, bytes: bytes)).bytes, "idempotent: \(context)")
    }
    XCTAssertGreaterThan(fixedSome, Self.count / 2, "most generated streams have something to fix")
    XCTAssertGreaterThan(repeated, Self.count / 2, "most have a practice repeated")
  }

  func testEveryGeneratedStreamEmitsEveryFormat() throws {
    for (file, _) in Self.generated {
      guard let stream = Compiler.check(file).stream else { continue }
      for options in [DOTEmitter.Options(), DOTEmitter.Options(lanes: true, legend: false, theme: .dark)] {
        let dot = DOTEmitter(options: options).emit(stream)
        XCTAssertTrue(dot.hasPrefix("digraph ") && dot.hasSuffix("}\n"), "\(file.path): \(dot)")
      }
      let markdown = MarkdownEmitter().emit(stream)
      XCTAssertTrue(markdown.hasPrefix("# "), file.path)
      XCTAssertTrue(markdown.contains("```mermaid"), file.path)
      let json = Self.json(file)!
      let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
      XCTAssertEqual(object?["id"] as? String, stream.id, file.path)
      XCTAssertEqual((object?["steps"] as? [Any])?.count, stream.steps.count, file.path)
    }
  }

  /// fmt keeps the formatter's promises (``FormatProperties``), and every back end says the same before and after.
  func testFormattingKeepsWhatEveryBackEndSays() throws {
    for (file, _) in Self.generated {
      FormatProperties.assertAll(file)
      guard let formatted = FormatProperties.formatted(file) else { continue }
      let after = SourceFile(path: file.path, text: formatted)
      guard let before = Compiler.check(file).stream, let stream = Compiler.check(after).stream else {
        XCTFail("\(file.path) no longer checks after formatting:\n\(formatted)")
        continue
      }
      let context = "\(file.path):\n--- input\n\(file.text(file.wholeRange))\n--- output\n\(formatted)"
      XCTAssertEqual(JSONEmitter().emit(stream), JSONEmitter().emit(before), context)
      XCTAssertEqual(DOTEmitter().emit(stream), DOTEmitter().emit(before), context)
      XCTAssertEqual(MarkdownEmitter().emit(stream), MarkdownEmitter().emit(before), context)
    }
  }

  /// Both frameworks are generated, and each stream checks into the framework its front matter says.
  func testGeneratedStreamsFollowBothFrameworks() {
    var seen: [Framework: Int] = [:]
    for (file, _) in Self.generated {
      guard let stream = Compiler.check(file).stream else { continue }
      seen[stream.framework, default: 0] += 1
      XCTAssertEqual(stream.metrics.activityBreakdown.count, stream.framework.activities.count, file.path)
      XCTAssertTrue(stream.steps.allSatisfy { $0.activity.framework == stream.framework }, file.path)
    }
    XCTAssertGreaterThan(seen[.itil4] ?? 0, 100)
    XCTAssertGreaterThan(seen[.itil5] ?? 0, 30, "Version 5 streams: \(seen)")
  }

  func testGeneratedJSONValidatesAgainstTheSchema() throws {
    // Every fifth stream: one Python process validates them all.
    let documents = stride(from: 0, to: Self.count, by: 5).compactMap { Self.json(Self.generated[$0].file) }
    XCTAssertGreaterThan(documents.count, 40)
    guard let run = try ExternalTool.validateAgainstTheSchema(documents) else {
      try ExternalTool.skip("python3 with the jsonschema module is not installed: the JSON was not validated")
    }
    XCTAssertEqual(run.status, 0, run.output + run.errors)
  }

  func testGeneratedDOTIsAcceptedByGraphviz() throws {
    // Every tenth stream, in both looks; `-Tcanon` parses and lays out without rendering.
    var checked = 0
    for index in stride(from: 0, to: Self.count, by: 10) {
      guard let stream = Compiler.check(Self.generated[index].file).stream else { continue }
      for options in [DOTEmitter.Options(), DOTEmitter.Options(lanes: true, legend: false, theme: .dark)] {
        let dot = DOTEmitter(options: options).emit(stream)
        guard let run = try ExternalTool.run("dot", ["-Tcanon", "{in.dot}"], files: ["in.dot": dot]) else {
          try ExternalTool.skip("Graphviz (dot) is not installed: the DOT was not checked")
        }
        XCTAssertEqual(run.status, 0, "\(Self.generated[index].file.path): \(run.errors)\n\(dot)")
        checked += 1
      }
    }
    XCTAssertGreaterThan(checked, 40)
  }

  /// The JSON back end's document for a file that checks, diagnostics included, as `vstream build` writes it.
  static func json(_ file: SourceFile) -> String? {
    let result = Compiler.check(file)
    return result.stream.map {
      JSONEmitter().emit($0, diagnostics: result.diagnostics, file: file, rules: Compiler.rules)
    }
  }
}

extension ExternalTool {
  /// Says on the test log why a check did not run, then skips.
  static func skip(_ reason: String) throws -> Never {
    print("notice: \(reason)")
    throw XCTSkip(reason)
  }
}
