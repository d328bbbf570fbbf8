import Foundation
import TestSupport
import VStream
import VStreamEmit
import VStreamModel
import VStreamSource
import XCTest

final class DOTPictureTests: XCTestCase {
  func testLegendListsOnlyUsedActivitiesAndExplainsTheAbbreviations() throws {
    let (stream, _) = try Fixtures.stream("examples/restore-live-service.vstream")
    let dot = DOTEmitter().emit(stream)
    let legend = try XCTUnwrap(dot.components(separatedBy: "  legend [shape").last)
    XCTAssertFalse(legend.contains(">Plan<"))
    XCTAssertTrue(legend.contains(">Improve<"), "the improvement after the value")
    XCTAssertTrue(legend.contains(">Engage<"))
    for text in ["PT: process time", "WT: wait", "%C/A", "dashed arrows: rework", "dotted arrows: after the value"] {
      XCTAssertTrue(legend.contains(text), text)
    }
  }

  func testTooltipsNameTitlesRolesAndNotes() throws {
    let (stream, _) = try Fixtures.stream("examples/restore-live-service.vstream")
    let dot = DOTEmitter().emit(stream)
    XCTAssertTrue(
      dot.contains(
        "tooltip=\"Investigate and diagnose\\nDeliver and support\\nRoles: Second-line engineer\\nCheck the monitoring")
    )
    XCTAssertTrue(dot.contains("<I>Developer, Tester</I>"), "roles on the card")
    // Every node and arrow has a tooltip, so no browser shows an internal id such as step_0.
    for line in dot.split(separator: "\n")
    where line.contains("[") && !line.contains("graph [") && !line.contains("node [") && !line.contains("edge [")
      && !line.contains("style=invis")
    {
      XCTAssertTrue(line.contains("tooltip="), String(line))
    }
  }

  func testSVGTitlesAreTheTooltipsNotIDs() throws {
    let svg = """
      <g id="node2" class="node">
      <title>step_0</title>
      <g id="a_node2"><a xlink:title="Log &amp; classify&#10;Engage">
      <text>x</text></a></g></g>
      <g id="graph0" class="graph">
      <title>restore</title>
      <polygon/>
      """
    let fixed = GraphvizSVG.titlesFromTooltips(svg)
    XCTAssertTrue(fixed.contains("<title>Log &amp; classify&#10;Engage</title>"), fixed)
    XCTAssertTrue(fixed.contains("<title>restore</title>"), "a title with no tooltip after it stays")
    XCTAssertEqual(GraphvizSVG.titlesFromTooltips("<title>a"), "<title>a")

    let (stream, _) = try Fixtures.stream("examples/restore-live-service.vstream")
    guard
      let (status, rendered, errors) = try ExternalTool.run(
        "dot", ["-Tsvg", "{in}"], files: ["in": DOTEmitter().emit(stream)]
      ).map({ ($0.status, $0.output, $0.errors) })
    else {
      throw XCTSkip("Graphviz is not installed (CI installs it)")
    }
    XCTAssertEqual(status, 0, errors)
    let titled = GraphvizSVG.titlesFromTooltips(rendered)
    XCTAssertTrue(rendered.contains("<title>step_0</title>"))
    XCTAssertFalse(titled.contains("<title>step_"), "no internal id left for a browser to show")
    XCTAssertTrue(
      titled.contains("<title>Log and classify the incident&#10;Engage&#10;Roles: Service desk agent</title>"))
  }

  /// The one-pass `titlesFromTooltips` against its first, plain form (Foundation's searches on the text) on texts
  /// made of the pieces that matter: titles, links near and far, unclosed titles, other characters.
  func testTitlesFromTooltipsAgreesWithThePlainForm() {
    func plain(_ svg: String) -> String {
      var out = ""
      var rest = Substring(svg)
      while let open = rest.range(of: "<title>") {
        guard let close = rest.range(of: "</title>", range: open.upperBound..<rest.endIndex) else { break }
        out += rest[..<open.upperBound]
        let after = rest[close.upperBound...]
        var title = rest[open.upperBound..<close.lowerBound]
        if let link = after.prefix(200).range(of: "<a xlink:title=\""),
          after[..<link.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("<g id=\"a_"),
          let end = after[link.upperBound...].firstIndex(of: "\"")
        {
          title = after[link.upperBound..<end]
        }
        out += title
        out += "</title>"
        rest = after
      }
      return out + rest
    }
    let pieces = [
      "<title>", "</title>", "\n<g id=\"a_node1\">", "<a xlink:title=\"", "tip", "\"", ">", "é", " ", "\n",
      String(repeating: "x", count: 60), "<g id=\"b\">",
    ]
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<3000 {
      let svg = (0..<Int.random(in: 0...14, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
        .joined()
      XCTAssertEqual(GraphvizSVG.titlesFromTooltips(svg), plain(svg), svg)
    }
  }

  func testWrappedLayoutRowsAndRoleLanes() throws {
    let stream = try Generated.stream(steps: 10)
    XCTAssertEqual(DOTEmitter.Options.automaticLayout(for: stream), .wrap)
    let dot = DOTEmitter().emit(stream)
    XCTAssertTrue(dot.contains("rankdir=TB"))
    XCTAssertTrue(dot.contains("{ rank=same; demand; step_0; step_1; step_2; }"))
    XCTAssertTrue(dot.contains("{ rank=same; step_3; step_4; step_5; step_6; }"))
    XCTAssertTrue(dot.contains("step_9 -> step_0 [label=\"rework\", style=dashed, constraint=false"))
    let small = try Generated.stream(steps: 2)
    XCTAssertEqual(DOTEmitter.Options.automaticLayout(for: small), .lr)

    // Three lanes for ten steps: by size, the lanes are columns and the flow runs down them; the demand sits above
    // the first step rather than in a column of its own, and the legend goes below.
    let columns = DOTEmitter(options: .init(lanes: .role)).emit(stream)
    XCTAssertTrue(columns.contains("rankdir=TB"), "fewer lanes than steps: columns")
    XCTAssertTrue(columns.contains("{ rank=same; lane_0; lane_1; lane_2; }"))
    XCTAssertTrue(columns.contains("value_0 -> legend [style=invis]"))
    let wide = try Generated.stream(steps: 2)
    XCTAssertTrue(
      DOTEmitter(options: .init(lanes: .role)).emit(wide).contains("rankdir=LR"), "as many lanes as steps: rows")
    let lanes = DOTEmitter(options: .init(lanes: .role, layout: .lr)).emit(stream)
    XCTAssertTrue(lanes.contains("rankdir=LR"), "lanes are bands across the page")
    XCTAssertTrue(lanes.contains("{ rank=same; demand; lane_0; lane_1; lane_2; }"))
    // Three roles, so three lanes, in the order the flow reaches them, each titled once.
    XCTAssertEqual(lanes.components(separatedBy: "subgraph cluster_lane_").count - 1, 3)
    XCTAssertEqual(lanes.components(separatedBy: "label=<<B>Role 0</B>>").count - 1, 1)
    XCTAssertTrue(lanes.contains("lane_0 -> lane_1 -> lane_2 [style=invis]"))
    let lane0 = try XCTUnwrap(
      lanes.components(separatedBy: "subgraph cluster_lane_0").last?.components(separatedBy: "  }").first)
    for step in [0, 3, 6, 9] { XCTAssertTrue(lane0.contains("step_\(step) ["), "step \(step) in Role 0's lane") }
    XCTAssertFalse(lane0.contains("step_1 ["))
  }

  /// Found by the generated-stream properties: a role written as "" gave an empty <I></I>, which Graphviz rejects.
  func testEmptyRolesDoNotBreakDOT() throws {
    let text =
      "stream s\ndemand d\nstep a\n  activity engage\n  practices service-desk\n  roles \"\"\nstep b\n"
      + "  activity plan\n  practices service-desk\n  roles \"x\", \"\"\nvalue v\n"
    let result = Compiler.check(SourceFile(path: "empty-roles.vstream", text: text))
    let stream = try XCTUnwrap(result.stream, "\(result.diagnostics.map(\.message))")
    for options in [DOTEmitter.Options(), .init(lanes: .role), .init(lanes: .activity)] {
      let dot = DOTEmitter(options: options).emit(stream)
      XCTAssertFalse(dot.contains("<I></I>"))
      guard
        let (status, _, errors) = try ExternalTool.run("dot", ["-Tsvg", "{in}"], files: ["in": dot]).map({
          ($0.status, $0.output, $0.errors)
        })
      else {
        throw XCTSkip("Graphviz is not installed (CI installs it)")
      }
      XCTAssertEqual(status, 0, errors)
    }
  }

  func testGraphvizRendersEveryLayoutWithoutWarnings() throws {
    let stream = try Generated.stream(steps: 10)
    for options in [
      DOTEmitter.Options(layout: .lr), .init(layout: .tb), .init(layout: .wrap), .init(lanes: .activity),
      .init(lanes: .role, theme: .dark),
    ] {
      guard
        let (status, _, errors) = try ExternalTool.run(
          "dot", ["-Tsvg", "{in}"], files: ["in": DOTEmitter(options: options).emit(stream)]
        ).map({ ($0.status, $0.output, $0.errors) })
      else {
        throw XCTSkip("Graphviz is not installed (CI installs it)")
      }
      XCTAssertEqual(status, 0, errors)
      XCTAssertEqual(errors, "", "Graphviz warned for \(options)")
    }
  }
}

/// The default layout fits a page: rendered by Graphviz, a 10-step stream shown 1,000 px wide keeps its smallest text
/// at least 10 px high. Graphviz writes the SVG's size in points and draws in a viewBox of the same numbers, so shown
/// 1,000 px wide a text's height is its font size × 1,000 / the width; a narrower picture is shown at its own size,
/// where a point is 4/3 px.
final class LayoutFitTests: XCTestCase {
  struct Measure {
    var width: Double
    var height: Double
    var smallestFont: Double
    var textAt1000: Double { smallestFont * min(4.0 / 3, 1000 / width) }
  }

  static func measure(_ dot: String) throws -> Measure {
    guard
      let (status, svg, errors) = try ExternalTool.run("dot", ["-Tsvg", "{in}"], files: ["in": dot]).map({
        ($0.status, $0.output, $0.errors)
      })
    else {
      throw XCTSkip("Graphviz is not installed (CI installs it)")
    }
    XCTAssertEqual(status, 0, errors)
    func number(after key: String) -> Double? {
      guard let range = svg.range(of: key) else { return nil }
      return Double(svg[range.upperBound...].prefix { $0.isNumber || $0 == "." })
    }
    let sizes = svg.components(separatedBy: "font-size=\"").dropFirst().compactMap {
      Double($0.prefix { $0.isNumber || $0 == "." })
    }
    return Measure(
      width: try XCTUnwrap(number(after: "<svg width=\"")), height: try XCTUnwrap(number(after: "pt\" height=\"")),
      smallestFont: try XCTUnwrap(sizes.min()))
  }

  func testTenStepsFitAThousandPixelPage() throws {
    let stream = try Generated.stream(steps: 10)
    let fit = try Self.measure(DOTEmitter().emit(stream))
    print(
      String(
        format: "10 steps, default layout: %.0f x %.0f pt, smallest font %.0f pt, %.1f px at 1,000 px", fit.width,
        fit.height, fit.smallestFont, fit.textAt1000))
    XCTAssertLessThanOrEqual(fit.width, 1000)
    XCTAssertGreaterThanOrEqual(fit.textAt1000, 10)
    let row = try Self.measure(DOTEmitter(options: .init(layout: .lr)).emit(stream))
    print(String(format: "10 steps, lr: %.0f x %.0f pt, %.1f px at 1,000 px", row.width, row.height, row.textAt1000))
    XCTAssertLessThan(row.textAt1000, 10, "one row is what the default avoids")
  }

  /// Ten steps in three role lanes: the lanes are columns by default, narrower than the same lanes as rows.
  func testLanesAsColumnsAreNarrowerThanRows() throws {
    let stream = try Generated.stream(steps: 10)
    let columns = try Self.measure(DOTEmitter(options: .init(lanes: .role)).emit(stream))
    let rows = try Self.measure(DOTEmitter(options: .init(lanes: .role, layout: .lr)).emit(stream))
    print(
      String(
        format: "10 steps in 3 lanes: columns %.0f pt wide (%.1f px at 1,000 px), rows %.0f pt (%.1f px)",
        columns.width, columns.textAt1000, rows.width, rows.textAt1000))
    XCTAssertLessThan(columns.width, rows.width / 2)
    XCTAssertGreaterThanOrEqual(columns.textAt1000, 10)
  }

  func testExamplesFitAThousandPixelPage() throws {
    let examples = try FileManager.default.contentsOfDirectory(
      atPath: Repository.root.appendingPathComponent("examples").path
    )
    .filter { $0.hasSuffix(".vstream") }.sorted()
    for name in examples {
      let (stream, _) = try Fixtures.stream("examples/\(name)")
      let fit = try Self.measure(DOTEmitter().emit(stream))
      print(String(format: "%@: %.0f x %.0f pt, %.1f px at 1,000 px", name, fit.width, fit.height, fit.textAt1000))
      XCTAssertGreaterThanOrEqual(fit.textAt1000, 10, name)
    }
  }
}
