import TestSupport
import VStream
import VStreamCheck
import VStreamEmit
import VStreamModel
import VStreamSource
import XCTest

/// The portfolio over several streams, its `vstream.yml` settings and its findings.
final class PortfolioTests: XCTestCase {
  /// A stream of three steps whose roles are given; `owner` nil leaves it out of the front matter.
  static func stream(
    _ id: String, owner: String? = "Owner", roles: [String?], activity: String = "engage",
    practices: String = "service-desk", rework: Bool = false
  ) -> String {
    var text = "---\ntitle: \(id)\n" + (owner.map { "owner: \($0)\n" } ?? "") + "---\n"
    text += "stream \(id) \"\(id)\"\ndemand d \"Need\"\n"
    for (index, role) in roles.enumerated() {
      text += "step s\(index) \"Step \(index)\"\n  activity \(activity)\n  practices \(practices)\n"
      if let role { text += "  roles \(role)\n" }
    }
    text += "value v \"Done\"\nflow d -> " + roles.indices.map { "s\($0)" }.joined(separator: " -> ") + " -> v\n"
    if rework { text += "rework s\(roles.count - 1) -> s0\n" }
    return text
  }

  func results(_ texts: [String], configuration: Configuration = .default) -> [Compiler.FileResult] {
    let files = texts.enumerated().map { SourceFile(path: "streams/\($0.offset).vstream", text: $0.element) }
    return Compiler.checkRepository(files, configuration: { _ in configuration })
  }

  func testHandOffsAreArrowsBetweenStepsThatShareNoRole() throws {
    let texts = [
      // a → a (same role), a → b (hand-off), b → "b, c" (shared role), "b, c" → a (hand-off), rework a → a.
      Self.stream("one", roles: ["\"A\"", "\"A\"", "\"B\"", "\"B\", \"C\"", "\"A\""], rework: true),
      // Steps without roles are not judged.
      Self.stream("two", owner: nil, roles: [nil, "\"A\"", nil]),
    ]
    let built = results(texts).compactMap(\.stream)
    XCTAssertEqual(built.count, 2)
    let portfolio = Portfolio(built, catalogue: .itil)
    let one = portfolio.streams[0]
    XCTAssertEqual(one.handOffs.map { "\($0.from)>\($0.to)" }, ["s1>s2", "s3>s4"])
    XCTAssertEqual(one.handOffs.map(\.fromRole), ["A", "B"])
    XCTAssertEqual(one.mainPathHandOffs, 2)
    XCTAssertEqual(one.stepsWithoutRoles, 0)
    XCTAssertEqual(portfolio.streams[1].handOffs, [])
    XCTAssertEqual(portfolio.streams[1].stepsWithoutRoles, 2)
    XCTAssertEqual(portfolio.streamsWithoutOwner, ["two"])
    XCTAssertEqual(portfolio.unusedActivities.map(\.id).count, 5, "only engage is used")
    XCTAssertFalse(portfolio.unusedPractices.contains("service-desk"))
    XCTAssertEqual(portfolio.unusedPractices.count, 33)
  }

  func testAReworkArrowBetweenRolesIsAHandOffOffTheMainPath() throws {
    let built = results([Self.stream("r", roles: ["\"A\"", "\"B\""], rework: true)]).compactMap(\.stream)
    let entry = Portfolio(built, catalogue: .itil).streams[0]
    XCTAssertEqual(entry.handOffs.map(\.isRework), [false, true])
    XCTAssertEqual(entry.mainPathHandOffs, 1)
  }

  func testCustomPracticesCountAsUnusedToo() {
    let (configuration, diagnostics) = Configuration.load(
      SourceFile(
        path: "vstream.yml",
        text: "practices:\n  - id: vendor-onboarding\n    name: Vendor onboarding\n    purpose: bring suppliers in\n"))
    XCTAssertEqual(diagnostics, [])
    let built = results([Self.stream("a", roles: ["\"A\""])], configuration: configuration).compactMap(\.stream)
    XCTAssertTrue(Portfolio(built, catalogue: configuration.catalogue).unusedPractices.contains("vendor-onboarding"))
  }

  static let settings = """
    portfolio:
      unused-practices: warning
      unused-activities: note
      streams-without-owner: error
      hand-offs: { max: 1, severity: warning }
    """

  func testFindingsAreWhereTheTeamAsksAndAtTheRightPlaces() throws {
    let config = SourceFile(path: "vstream.yml", text: Self.settings)
    let (configuration, diagnostics) = Configuration.load(config)
    XCTAssertEqual(diagnostics, [])
    XCTAssertEqual(configuration.portfolio.handOffLimit, 1)
    let texts = [
      Self.stream("calm", roles: ["\"A\"", "\"A\""]),
      Self.stream("busy", owner: nil, roles: ["\"A\"", "\"B\"", "\"A\""]),
    ]
    let checked = results(texts, configuration: configuration)
    let run = Compiler.portfolio(checked, configuration: { _ in configuration })
    // Repository-wide findings: one each, at the key that asked, in vstream.yml.
    XCTAssertEqual(run.configurationReports.count, 1)
    let report = try XCTUnwrap(run.configurationReports.first)
    XCTAssertEqual(report.file.path, "vstream.yml")
    XCTAssertEqual(report.diagnostics.map(\.code), ["VS433", "VS434", "VS435"])
    XCTAssertEqual(report.diagnostics.map(\.severity), [.warning, .note, .error])
    for diagnostic in report.diagnostics {
      let key = config.text(diagnostic.range)
      XCTAssertTrue(
        ["unused-practices", "unused-activities", "streams-without-owner"].contains(key), "points at \(key)")
    }
    XCTAssertTrue(report.diagnostics[2].message.contains("`busy`"), report.diagnostics[2].message)
    // The stream over the limit, at its `stream` id; the calm one has none.
    XCTAssertEqual(Array(run.findings.keys), [1])
    let handOffs = try XCTUnwrap(run.findings[1]?.first)
    XCTAssertEqual(handOffs.code, "VS436")
    XCTAssertEqual(checked[1].file.text(handOffs.range), "busy")
    XCTAssertEqual(handOffs.notes.count, 2, "each hand-off is listed")
  }

  func testNothingIsReportedUnlessAsked() {
    let texts = [Self.stream("busy", owner: nil, roles: ["\"A\"", "\"B\"", "\"A\""])]
    let quiet = Compiler.portfolio(results(texts), configuration: { _ in .default })
    XCTAssertEqual(quiet.configurationReports.count, 0)
    XCTAssertEqual(quiet.findings.count, 0)
    XCTAssertEqual(quiet.portfolio.streams.count, 1, "the portfolio itself is always there")
    // Severities are set under `portfolio:` only; `rules:` says where.
    let (_, diagnostics) = Configuration.load(
      SourceFile(path: "vstream.yml", text: Self.settings + "\nrules:\n  VS433: off\n"))
    XCTAssertEqual(diagnostics.map(\.code), ["VS503"])
    XCTAssertTrue(diagnostics.first?.message.contains("portfolio") == true, "\(diagnostics)")
  }

  func testStreamsWithErrorsAreLeftOut() {
    let broken = Self.stream("broken", roles: ["\"A\""]).replacingOccurrences(of: "activity engage", with: "")
    let run = Compiler.portfolio(results([broken, Self.stream("fine", roles: ["\"A\""])]))
    XCTAssertEqual(run.portfolio.streams.map(\.id), ["fine"])
  }

  func testBadPortfolioSettingsAreReported() {
    let (configuration, diagnostics) = Configuration.load(
      SourceFile(
        path: "vstream.yml",
        text: """
          portfolio:
            unused-practises: warning
            unused-activities: loud
            hand-offs: { severity: error }
            streams-without-owner: off
          """))
    XCTAssertEqual(Diagnostic.normalized(diagnostics).map(\.code), ["VS501", "VS502", "VS502"])
    XCTAssertTrue(configuration.portfolio.isEmpty, "nothing valid is asked")
    XCTAssertTrue(diagnostics[0].help?.contains("unused-practices") == true, "\(diagnostics[0])")
  }

  func testThePortfolioJSONMatchesItsSchema() throws {
    let texts = [
      Self.stream("one", roles: ["\"A\"", "\"B\""], rework: true),
      Self.stream("two", owner: nil, roles: [nil, "\"A\""], activity: "plan", practices: "project-management"),
    ]
    let run = Compiler.portfolio(results(texts))
    let json = PortfolioEmitter().json(run.portfolio)
    XCTAssertTrue(json.contains("\"streamsWithoutOwner\": [\n    \"two\"\n  ]"), json)
    guard
      let validation = try ExternalTool.validateAgainstTheSchema([json], schema: "specs/vstream-portfolio.schema.json")
    else { throw XCTSkip("python3 with jsonschema is not installed") }
    XCTAssertEqual(validation.status, 0, validation.output)
  }

  func testTheIndexSectionsListThePortfolio() {
    let texts = [Self.stream("a|b", roles: ["\"A\"", "\"B\""])].map {
      $0.replacingOccurrences(of: "stream a|b", with: "stream ab")
    }
    let run = Compiler.portfolio(results(texts))
    let markdown = PortfolioEmitter().markdown(run.portfolio) { "\($0).md" }
    XCTAssertTrue(markdown.contains("## Portfolio"))
    XCTAssertTrue(markdown.contains("(ab.md) | Owner | 1 | 1 |"), markdown)
    XCTAssertTrue(markdown.contains("- Streams without an owner: none"))
    let html = PortfolioEmitter().html(run.portfolio) { "\($0).html" }
    XCTAssertTrue(html.contains("<a href=\"ab.html\">"), html)
    XCTAssertTrue(html.contains("<td>1</td><td>1</td>"))
  }
}
