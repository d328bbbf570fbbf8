import Foundation
import TestSupport
import VStream
import VStreamModel
import VStreamSource
import VStreamSyntax
import XCTest

/// Nothing a stream means depends on the order its lines are written in: every example, conformance case and
/// generated stream with arrow lines is checked again with its declarations and arrow lines shuffled, and its
/// findings (without positions), main path, worst case, their figures and its arrows must not change.
///
/// Outputs that list declarations or arrows in the order written (the JSON's `steps` and `edges`, the diagrams'
/// statements) follow that order on purpose, so they are compared through the model rather than byte for byte.
final class OrderIndependenceTests: XCTestCase {
  func testShufflingDeclarationsAndArrowLinesChangesNothing() throws {
    var random = SeededGenerator(seed: 17)
    let files = try FormatterPropertyTests.corpus() + ValidStreamPropertyTests.generated.map(\.file)
    var compared = 0
    for file in files {
      guard let (prefix, items) = Self.pieces(of: file) else { continue }
      compared += 1
      let reference = Self.meaning(of: prefix + items.joined())
      for round in 0..<3 {
        let text = prefix + items.shuffled(using: &random).joined()
        XCTAssertEqual(Self.meaning(of: text), reference, "\(file.path), shuffle \(round):\n\(text)")
      }
    }
    XCTAssertGreaterThan(compared, 40, "the examples, the cases with arrow lines and the generated streams")
  }

  /// The text before the first item (front matter, file-wide directives) and each item's lines (a declaration with
  /// its attributes, an arrow line with its continuations) with their line break; nil for a file that does not parse,
  /// has no arrow line (its flow is the declaration order, which is meant to depend on order), has `# vstream:`
  /// comments (they apply to the line they are on or above) or declares an id, a stream or a demand twice (the first
  /// one written is the one that counts, by definition).
  static func pieces(of file: SourceFile) -> (String, [String])? {
    let (syntax, diagnostics) = (Compiler.parse(file).syntax, Compiler.parse(file).diagnostics)
    guard !diagnostics.contains(where: { $0.severity == .error }), syntax.directives.isEmpty,
      syntax.items.contains(where: { if case .flow = $0 { return true } else { return false } })
    else { return nil }
    let checked = Compiler.check(file).diagnostics.map(\.code.rawValue)
    guard !checked.contains(where: { ["VS302", "VS304", "VS306"].contains($0) }) else { return nil }
    let items = syntax.items.map { item -> String in
      let end = file.lineRange(file.line(of: item.range.end)).end
      return file.text(SourceRange(start: item.range.start, end: end)).trimmingCharacters(in: .newlines) + "\n"
    }
    let start = syntax.items.first.map { file.lineRange(file.line(of: $0.range.start)).start } ?? 0
    return (file.text(SourceRange(start: 0, end: start)), items)
  }

  /// What a stream says, without positions: its findings, and for a stream that checks its paths, figures and arrows.
  static func meaning(of text: String) -> [String] {
    let result = Compiler.check(SourceFile(path: "shuffled.vstream", text: text))
    var lines = result.diagnostics.map { "\($0.code) \($0.severity) \($0.message)" }.sorted()
    guard let stream = result.stream else { return lines }
    for (name, path) in [("main", stream.metrics.mainPath), ("worst", stream.metrics.worstCasePath)] {
      let ids = path.nodes.map { stream.node($0).id }
      let bottleneck = path.longestWait.map { stream.steps[$0].id }.joined(separator: ",")
      lines.append(
        "\(name): \(ids) lead \(path.leadTime.seconds) process \(path.processTime.seconds) wait \(path.waitTime.seconds)"
          + " efficiency \(path.flowEfficiency.map { "\($0)" } ?? "-")"
          + " rolled \(path.rolledCompleteAccurate.map { "\($0)" } ?? "-") bottleneck \(bottleneck)")
    }
    lines += stream.edges.map { "\(stream.node($0.from).id) -> \(stream.node($0.to).id) \($0.kind) \($0.label ?? "")" }
      .sorted()
    return lines
  }
}
