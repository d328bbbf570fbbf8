import VStream
import VStreamCheck
import VStreamModel
import VStreamSource
import XCTest

/// Streams of both frameworks, the repository's default and the mistakes between them, checked through the facade.
final class FrameworkCheckTests: XCTestCase {
  /// A stream of `activities` in order, one step each, with `framework:` when one is given.
  static func stream(_ activities: [String], framework: String? = nil, demandFrom: String? = "Service user") -> String {
    var text = "---\ntitle: T\nowner: O\n" + (framework.map { "framework: \($0)\n" } ?? "") + "---\nstream s\n"
    text += "demand d\n" + (demandFrom.map { "  from \"\($0)\"\n" } ?? "")
    for (index, activity) in activities.enumerated() {
      text += "step s\(index)\n  activity \(activity)\n  practices service-desk\n  time 1h\n  wait 1h\n"
    }
    return text + "value v\n  for \"Service user\"\n"
  }

  static func check(_ text: String, configuration: Configuration = .default) -> Compiler.FileResult {
    Compiler.check(SourceFile(path: "s.vstream", text: text), configuration: configuration)
  }

  static func configuration(_ text: String) -> (Configuration, [Diagnostic]) {
    Configuration.load(SourceFile(path: "vstream.yml", text: text))
  }

  func testEveryVersion5ActivityMakesACleanStreamThatKeepsItsFramework() throws {
    let eight = Framework.itil5.activities
    let result = Self.check(Self.stream(["support"] + eight.map(\.id), framework: "itil5"))
    XCTAssertEqual(result.diagnostics.map(\.code), [])
    let stream = try XCTUnwrap(result.stream)
    XCTAssertEqual(stream.framework, .itil5)
    XCTAssertEqual(stream.steps.map(\.activity), [.support] + eight)
    XCTAssertEqual(stream.metrics.activityBreakdown.map(\.activity), eight, "the breakdown has Version 5's eight")
    XCTAssertEqual(stream.metrics.activityBreakdown.map(\.steps), [1, 1, 1, 1, 1, 1, 1, 2])
    XCTAssertEqual(stream.metrics.practiceMatrix.activityCounts, [[1, 1, 1, 1, 1, 1, 1, 2]])
  }

  func testTheRepositorysFrameworkIsTheDefaultAndTheFrontMatterWins() throws {
    let (itil5, problems) = Self.configuration("framework: itil5\n")
    XCTAssertEqual(problems, [])
    XCTAssertEqual(itil5.framework, .itil5)
    XCTAssertEqual(
      try XCTUnwrap(Self.check(Self.stream(["discover", "build"]), configuration: itil5).stream).framework, .itil5)
    // `build` is Version 5's own here, not an alias of obtain-build.
    XCTAssertEqual(Self.check(Self.stream(["discover", "build"]), configuration: itil5).diagnostics.map(\.code), [])
    let four = Self.check(Self.stream(["engage", "build"], framework: "itil4"), configuration: itil5)
    XCTAssertEqual(four.diagnostics.map(\.code), ["VS409"], "build is an ITIL 4 alias in an ITIL 4 stream")
    XCTAssertEqual(four.stream?.steps.map(\.activity), [.engage, .obtainBuild])
    XCTAssertEqual(Self.check(Self.stream(["engage", "build"])).stream?.framework, .itil4, "ITIL 4 stays the default")
  }

  func testAStreamMissingItsFrameworkGetsOneDiagnosticWithTheFix() throws {
    let text = Self.stream(["discover", "design", "transition", "operate", "support"])
    let result = Self.check(text)
    XCTAssertEqual(result.diagnostics.map(\.code), ["VS350"], "one root cause, one diagnostic")
    let diagnostic = try XCTUnwrap(result.diagnostics.first)
    XCTAssertTrue(diagnostic.message.contains("ITIL 4 (the default)"), diagnostic.message)
    let fix = try XCTUnwrap(diagnostic.fixes.first)
    let fixed = String(decoding: Diagnostic.Edit.apply(fix.edits, to: Array(text.utf8)), as: UTF8.self)
    XCTAssertEqual(Self.check(fixed).diagnostics.map(\.code), [], fixed)
  }

  func testEachStrayStepIsReportedWithItsCounterpartsAsFixes() throws {
    // Every ITIL 4 activity in a Version 5 stream, and every Version 5 one in an ITIL 4 stream, between steps of the
    // stream's own framework.
    for (framework, own) in [(Framework.itil5, "support"), (.itil4, "engage")] {
      // `build` is not a stray in ITIL 4: it is its alias of obtain-build (testTheRepositorysFramework...).
      for stray in framework.others.flatMap(\.activities) where !(framework == .itil4 && stray == .build) {
        let text = Self.stream([own, stray.id, own], framework: framework.id)
        let result = Self.check(text)
        XCTAssertEqual(result.diagnostics.map(\.code), ["VS350"], "\(stray) in \(framework)")
        let diagnostic = try XCTUnwrap(result.diagnostics.first)
        XCTAssertTrue(diagnostic.message.contains(framework.name), diagnostic.message)
        let counterparts = ActivityCorrespondence.counterparts(of: stray, in: framework)
        // The same counterparts, ranked by the step's practice (service-desk points to support).
        let fixes = diagnostic.fixes.map { $0.edits.map(\.replacement) }
        XCTAssertEqual(Set(fixes), Set(counterparts.map { [$0.id] }))
        XCTAssertEqual(
          fixes.first, [ActivityCorrespondence.ranked(counterparts, practices: ["service-desk"]).candidates[0].id])
        XCTAssertTrue(diagnostic.fixes.allSatisfy { $0.safety == .unsafe }, "a person chooses")
        for fix in diagnostic.fixes {
          let fixed = String(decoding: Diagnostic.Edit.apply(fix.edits, to: Array(text.utf8)), as: UTF8.self)
          XCTAssertFalse(Self.check(fixed).diagnostics.contains { $0.severity == .error }, fixed)
        }
      }
    }
  }

  func testAnUnknownFrameworkIsOneDiagnosticWhateverTheStepsName() {
    let result = Self.check(Self.stream(["discover", "deliver-and-support", "build"], framework: "itil-6"))
    XCTAssertEqual(result.diagnostics.filter { $0.severity == .error }.map(\.code), ["VS351"])
    XCTAssertTrue(result.diagnostics.first { $0.code == "VS351" }?.fixes.isEmpty ?? false, "itil6 is as near 4 as 5")
    let typo = Self.check(Self.stream(["discover"], framework: "itl5"))
    XCTAssertEqual(typo.diagnostics.first { $0.code == "VS351" }?.fixes.first?.edits.first?.replacement, "itil5")
  }

  func testARepositoryThatForbidsMixingReportsTheOtherFrameworkOnce() {
    let (forbid, problems) = Self.configuration("framework: itil4\nmixed-frameworks: forbid\n")
    XCTAssertEqual(problems, [])
    XCTAssertFalse(forbid.allowsMixedFrameworks)
    let five = Self.check(Self.stream(["discover", "support"], framework: "itil5"), configuration: forbid)
    XCTAssertEqual(five.diagnostics.map(\.code), ["VS352"])
    XCTAssertTrue(five.diagnostics[0].message.contains("ITIL 4"), five.diagnostics[0].message)
    XCTAssertEqual(Self.check(Self.stream(["engage"], framework: "itil4"), configuration: forbid).diagnostics, [])
    XCTAssertEqual(
      Self.check(Self.stream(["engage"], framework: "itil5"), configuration: Configuration()).diagnostics.map(\.code),
      ["VS350"], "mixing is allowed by default")
    // Where mixing is forbidden, the missing-framework fix would break the rule: no fix, and the help says why.
    let missing = Self.check(Self.stream(["discover", "support"]), configuration: forbid)
    XCTAssertEqual(missing.diagnostics.map(\.code), ["VS350"])
    XCTAssertEqual(missing.diagnostics[0].fixes, [])
    XCTAssertTrue(missing.diagnostics[0].help?.contains("mixed-frameworks: forbid") ?? false)
  }

  func testConfigurationProblemsWithTheFramework() {
    let (configuration, problems) = Self.configuration("framework: itil6\nmixed-frameworks: sometimes\n")
    XCTAssertEqual(Diagnostic.normalized(problems).map(\.code), ["VS516", "VS502"])
    XCTAssertEqual(configuration.framework, .itil4, "an unknown framework keeps the default")
    XCTAssertTrue(configuration.allowsMixedFrameworks)
  }

  func testTheShapeLintsSpeakVersion5() {
    let codes = { (text: String) in Self.check(text).diagnostics.map(\.code) }
    XCTAssertEqual(codes(Self.stream(["discover", "design", "build", "deliver"], framework: "itil5")), [])
    XCTAssertEqual(codes(Self.stream(["support", "operate"], framework: "itil5")), [])
    XCTAssertEqual(codes(Self.stream(["design", "support"], framework: "itil5")), ["VS403"])
    XCTAssertEqual(codes(Self.stream(["design", "build", "transition"], framework: "itil5")), ["VS402"])
    // Event-driven demand starts in operate.
    XCTAssertEqual(codes(Self.stream(["operate", "support"], framework: "itil5", demandFrom: "Monitoring")), [])
    XCTAssertEqual(codes(Self.stream(["operate", "support"], framework: "itil5", demandFrom: "A customer")), ["VS403"])
    // ITIL 4 keeps its words.
    XCTAssertEqual(codes(Self.stream(["plan", "engage"])), ["VS403"])
    XCTAssertTrue(Self.check(Self.stream(["plan", "engage"])).diagnostics[0].message.contains("`engage`"))
  }

  func testCandidatesAreRankedByTheStepsPracticesWithoutDeciding() {
    let ranked = ActivityCorrespondence.ranked(
      [.operate, .deliver, .support], practices: ["incident-management", "problem-management", "service-desk"])
    XCTAssertEqual(ranked.candidates, [.support, .operate, .deliver])
    XCTAssertEqual(ranked.because, ["incident-management", "problem-management", "service-desk"])
    let tie = ActivityCorrespondence.ranked(
      [.operate, .deliver, .support], practices: ["monitoring-and-event-management", "incident-management"])
    XCTAssertEqual(tie.candidates, [.operate, .support, .deliver], "a tie keeps the table's order")
    XCTAssertEqual(tie.because, [], "and claims no reason")
    XCTAssertEqual(
      ActivityCorrespondence.ranked([.design, .transition], practices: []).candidates, [.design, .transition])
  }
}
