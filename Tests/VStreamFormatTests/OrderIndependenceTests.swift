import Foundation
import TestSupport
import VStream
import VStreamEmit
import VStreamModel
import VStreamSource
import VStreamSyntax
import XCTest

/// Nothing a stream means depends on the order its lines are written in: every example, conformance case and
/// generated stream with arrow lines is checked again with its declarations and arrow lines shuffled, and its
/// findings (without positions), main path, worst case, their figures and its arrows must not change.
///
/// The pictures (DOT in its layouts, the Markdown page's Mermaid diagram, the value-stream map) must be identical
/// byte for byte: their statements follow `FlowShape`'s canonical order. Outputs that list declarations in the order
/// written (the JSON's `steps` and `edges`, the Markdown tables) follow it on purpose, so they are compared through
/// the model.
final class OrderIndependenceTests: XCTestCase {
  func testShufflingDeclarationsAndArrowLinesChangesNothing() throws {
    var random = SeededGenerator(seed: 17)
    let files =
      try FormatterPropertyTests.corpus() + ValidStreamPropertyTests.generated.map(\.file)
      + Self.parallelStreams(count: 12, random: &random)
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

  /// Streams with parallel work: a chain of steps where some fork into two or three branches of one to three steps
  /// (some with rework inside, some with alternatives that meet again) that join at the next step of the chain,
  /// with times drawn so that branches often tie.
  static func parallelStreams(count: Int, random: inout SeededGenerator) -> [SourceFile] {
    (0..<count).map { number in
      var steps: [String] = []
      var arrows: [String] = []
      func step(_ id: String) {
        let (time, wait) = (Int.random(in: 1...4, using: &random), Int.random(in: 0...3, using: &random))
        let ca = Bool.random(using: &random) ? "  ca \(Int.random(in: 70...95, using: &random))%\n" : ""
        steps.append(
          "step \(id)\n  activity obtain-build\n  practices deployment-management\n  time \(time)h\n  wait \(wait)h\n\(ca)"
        )
      }
      var previous = "need"
      for spine in 0..<Int.random(in: 2...4, using: &random) {
        let id = "s\(spine)"
        step(id)
        arrows.append("flow \(previous) -> \(id)\n")
        previous = id
        guard Bool.random(using: &random) else { continue }
        let join = "j\(spine)"
        for branch in 0..<Int.random(in: 2...3, using: &random) {
          var last = id
          var keyword = "parallel"
          for depth in 0..<Int.random(in: 1...3, using: &random) {
            let inner = "b\(spine)x\(branch)x\(depth)"
            step(inner)
            arrows.append("\(keyword) \(last) -> \(inner)\n")
            if depth > 0, Bool.random(using: &random) { arrows.append("rework \(inner) -> \(last)\n") }
            (last, keyword) = (inner, "flow")
          }
          arrows.append("flow \(last) -> \(join)\n")
        }
        step(join)
        previous = join
      }
      arrows.append("flow \(previous) -> done\n")
      let text =
        "---\ntitle: Parallel \(number)\nowner: Test\n---\nstream p\(number)\ndemand need\n" + steps.joined()
        + "value done\n" + arrows.joined()
      return SourceFile(path: "parallel-\(number).vstream", text: text)
    }
  }

  /// Every picture of the stream, which must not depend on the order lines are written in.
  static func pictures(of stream: ValueStream) -> [String] {
    let page = MarkdownEmitter().emit(stream)
    let mermaid = page.components(separatedBy: "```mermaid").dropFirst().first?.components(separatedBy: "```").first
    return [
      DOTEmitter().emit(stream), DOTEmitter(options: .init(lanes: .off, layout: .wrap)).emit(stream),
      DOTEmitter(options: .init(lanes: .role, layout: nil)).emit(stream), mermaid ?? "no mermaid",
      VSMEmitter().emit(stream),
    ]
  }

  /// What a stream says, without positions: its findings, and for a stream that checks its paths, figures and arrows.
  static func meaning(of text: String) -> [String] {
    let result = Compiler.check(SourceFile(path: "shuffled.vstream", text: text))
    var lines = result.diagnostics.map { "\($0.code) \($0.severity) \($0.message)" }.sorted()
    guard let stream = result.stream else { return lines }
    lines += pictures(of: stream)
    for (name, path) in [("main", stream.metrics.mainPath), ("worst", stream.metrics.worstCasePath)] {
      let ids = path.nodes.map { stream.node($0).id }
      let bottleneck = path.longestWait.map { stream.steps[$0].id }.joined(separator: ",")
      lines.append(
        "\(name): \(ids) lead \(path.leadTime.seconds) process \(path.processTime.seconds) wait \(path.waitTime.seconds)"
          + " efficiency \(path.flowEfficiency.map { "\($0)" } ?? "-")"
          + " rolled \(path.rolledCompleteAccurate.map { "\($0)" } ?? "-") bottleneck \(bottleneck)"
          + " effort \(path.totalEffort.seconds)")
    }
    // Each value's own path, by value id (the list itself is in declaration order).
    lines += stream.metrics.valuePaths.enumerated().map { index, path in
      "value \(stream.values[index].id): \(path.nodes.map { stream.node($0).id }) lead \(path.leadTime.seconds)"
    }.sorted()
    lines.append("after the value: \(stream.metrics.stepsAfterValue.map { stream.steps[$0].id }.sorted())")
    if let expected = stream.metrics.expected {
      // Exactly, as published: the solver adds in another order when lines move, and the figures are settled to
      // well above that rounding (a change in the last bits would read as a change in `diff`).
      lines.append(
        "expected lead \(expected.leadTime) process \(expected.processTime) effort \(expected.totalEffort)"
          + " efficiency \(expected.flowEfficiency.map { "\($0)" } ?? "-")")
      lines += zip(stream.steps, expected.visits).map { "visits \($0.id) \($1)" }.sorted()
    }
    // The Monte Carlo hands its draws out by node and arrow: the same draws whatever the order written.
    if let distribution = LeadTimeSimulation.run(stream, samples: 300) {
      lines.append(
        "simulated P50 \(distribution.p50.seconds) P85 \(distribution.p85.seconds) P95 \(distribution.p95.seconds)"
          + " mean \(distribution.mean.seconds) bins \(distribution.histogram.map(\.count))")
    }
    lines += stream.edges.map { "\(stream.node($0.from).id) -> \(stream.node($0.to).id) \($0.kind) \($0.label ?? "")" }
      .sorted()
    return lines
  }
}
