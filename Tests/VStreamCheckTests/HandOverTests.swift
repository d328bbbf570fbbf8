import VStream
import VStreamCheck
import VStreamEmit
import VStreamModel
import VStreamSource
import XCTest

/// Hand-overs between streams: the model's links, the checks across the files of a run, and how the pages and the
/// diagram show them.
final class HandOverTests: XCTestCase {
  /// A stream `id` of one step; `step`, `value` and `demand` add the attribute lines given.
  static func stream(_ id: String, step: String = "", value: String = "", demand: String = "") -> String {
    """
    ---
    title: \(id)
    owner: Owner
    ---
    stream \(id) "Stream \(id)"
    demand d "Need"
    \(demand)
    step s "Work"
      activity engage
      practices service-desk
    \(step)
    value v "Done"
    \(value)
    flow d -> s -> v

    """
  }

  func run(_ texts: [String]) -> [Compiler.FileResult] {
    Compiler.checkRepository(texts.enumerated().map { SourceFile(path: "s/\($0.offset).vstream", text: $0.element) })
  }

  func codes(_ results: [Compiler.FileResult]) -> [[String]] {
    results.map { $0.diagnostics.filter { $0.severity == .error }.map(\.code.rawValue) }
  }

  func testAChainOfHandOversIsValidAndInTheModel() throws {
    let results = run([
      Self.stream("a", step: "  hands-over-to b"),
      Self.stream("b", value: "  hands-over-to c", demand: "  from-stream a"),
      Self.stream("c"),
    ])
    XCTAssertEqual(codes(results), [[], [], []])
    let a = try XCTUnwrap(results[0].stream)
    let b = try XCTUnwrap(results[1].stream)
    XCTAssertEqual(a.steps[0].handsOverTo?.stream, "b")
    XCTAssertEqual(results[0].file.text(a.steps[0].handsOverTo!.range), "b")
    XCTAssertEqual(b.values[0].handsOverTo?.stream, "c")
    XCTAssertEqual(b.demand.fromStream?.stream, "a")
  }

  func testAnUnknownStreamIsReportedAtItsIDWithASuggestion() throws {
    let results = run([Self.stream("restore", step: "  hands-over-to problme"), Self.stream("problem")])
    XCTAssertEqual(codes(results), [["VS341"], []])
    let finding = try XCTUnwrap(results[0].diagnostics.first { $0.code == "VS341" })
    XCTAssertEqual(results[0].file.text(finding.range), "problme")
    XCTAssertEqual(finding.help, "did you mean `problem`?")
    XCTAssertNil(results[0].stream, "an error leaves no model")
    XCTAssertNotNil(results[1].stream)
    // Alone, a file cannot know the other streams: it still checks and builds.
    let alone = run([Self.stream("restore", step: "  hands-over-to problem")])
    XCTAssertEqual(codes(alone), [[]])
    XCTAssertNotNil(alone[0].stream)
  }

  func testAHandOverToItselfIsReported() {
    XCTAssertEqual(codes(run([Self.stream("a", value: "  hands-over-to a")])), [["VS342"]])
    XCTAssertEqual(codes(run([Self.stream("a", demand: "  from-stream a")])), [["VS342"]])
  }

  func testACycleIsReportedOnceWithItsChain() throws {
    let results = run([
      Self.stream("a", step: "  hands-over-to b"),
      Self.stream("b", step: "  hands-over-to c"),
      Self.stream("c", value: "  hands-over-to a"),
    ])
    XCTAssertEqual(codes(results), [["VS343"], [], []])
    let finding = try XCTUnwrap(results[0].diagnostics.first { $0.code == "VS343" })
    XCTAssertTrue(finding.message.hasSuffix("`a` → `b` → `c` → `a`"), finding.message)
    XCTAssertEqual(finding.secondary.map(\.path), ["s/1.vstream", "s/2.vstream"])
  }

  func testFromStreamReadsTheOtherWay() {
    // b says its demand comes from a, and hands over to a: a → b → a.
    let results = run([Self.stream("a"), Self.stream("b", step: "  hands-over-to a", demand: "  from-stream a")])
    XCTAssertEqual(codes(results).flatMap { $0 }, ["VS343"])
    // The same hand-over written at both ends is one arrow, not a cycle.
    XCTAssertEqual(
      codes(run([Self.stream("a", step: "  hands-over-to b"), Self.stream("b", demand: "  from-stream a")])), [[], []])
  }

  func testThePortfolioAddsLeadTimesAlongTheLongestChain() throws {
    let results = run([
      Self.stream("a", step: "  time 1h\n  hands-over-to b", value: "  hands-over-to c"),
      Self.stream("b", step: "  time 2h\n  hands-over-to c"),
      Self.stream("c", step: "  time 4h"),
      Self.stream("d", step: "  time 8h", demand: "  from-stream c"),
    ])
    XCTAssertEqual(codes(results), [[], [], [], []])
    let portfolio = Portfolio(results.compactMap(\.stream), catalogue: .itil)
    let hours = portfolio.streams.map { $0.endToEndLeadTime.map { $0.seconds / 3600 } }
    // a → b → c → d is the longest chain from a; c hands over to d through d's `from-stream`; d ends.
    XCTAssertEqual(hours, [15, 14, 12, nil])
    XCTAssertEqual(portfolio.streams.map(\.handsOverTo), [["b", "c"], ["c"], ["d"], []])
  }

  func testCheckWithoutModelsReportsTheSame() {
    let texts = [Self.stream("a", step: "  hands-over-to b"), Self.stream("b", step: "  hands-over-to a")]
    let files = texts.enumerated().map { SourceFile(path: "s/\($0.offset).vstream", text: $0.element) }
    XCTAssertEqual(
      Compiler.diagnoseRepository(files).map { $0.diagnostics.map(\.code) },
      Compiler.checkRepository(files).map { $0.diagnostics.map(\.code) })
  }

  func testPagesAndDiagramLinkTheOtherStreams() throws {
    let results = run([
      Self.stream("a", step: "  hands-over-to b"), Self.stream("b", demand: "  from-stream a"),
    ])
    let a = try XCTUnwrap(results[0].stream)
    let b = try XCTUnwrap(results[1].stream)
    let dot = DOTEmitter().emit(a)
    XCTAssertTrue(dot.contains("\"stream:b\" [shape=box"), dot)
    XCTAssertTrue(dot.contains("URL=\"b.html\""))
    XCTAssertTrue(dot.contains("step_0 -> \"stream:b\""))
    XCTAssertTrue(DOTEmitter().emit(b).contains("\"stream:a\" -> demand"))
    let html = HTMLEmitter().page(b, diagram: .missing(reason: "test"), map: nil, diagnostics: [])
    XCTAssertTrue(html.contains("handed over from <a href=\"a.html\">a</a>"), html)
    XCTAssertTrue(MarkdownEmitter().emit(a).contains("- Work: hands over to [b](b.md)"))
    XCTAssertFalse(
      DOTEmitter().emit(Compiler.check(SourceFile(path: "c.vstream", text: Self.stream("c"))).stream!)
        .contains("stream:"), "a stream without hand-overs draws none")
  }
}
