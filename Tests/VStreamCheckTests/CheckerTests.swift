import VStream
import VStreamCheck
import VStreamModel
import VStreamSource
import XCTest

final class CheckerTests: XCTestCase {
  /// A demand without `from` and a value without `for` are one note each (VS460), at the id; the unsafe fix
  /// inserts a placeholder line that parses, and the note is gone once it is applied. `from-stream` names a source.
  func testADemandAndAValueThatNameNobodyAreOneNoteEach() {
    let unnamed = Self.twoSteps((time: "1h", wait: "1h"), (time: "1h", wait: "1h"))
      .replacingOccurrences(of: "  from \"User\"\n", with: "").replacingOccurrences(of: "  for \"User\"\n", with: "")
    let file = SourceFile(path: "s.vstream", text: unnamed)
    let notes = Compiler.check(file).diagnostics.filter { $0.code == "VS460" }
    XCTAssertEqual(notes.map(\.severity), [.note, .note])
    XCTAssertEqual(notes.map { file.text($0.range) }, ["d", "v"])
    XCTAssertEqual(notes.map { $0.fixes.first?.safety }, [.unsafe, .unsafe])
    XCTAssertNil(Compiler.fixing(file).bytes, "a placeholder is not applied without asking")
    let fixed = Compiler.fixing(file, unsafe: true)
    XCTAssertEqual(fixed.applied, 2)
    let after = SourceFile(path: "s.vstream", bytes: fixed.bytes ?? [])
    let again = Compiler.check(after).diagnostics
    XCTAssertEqual(again.filter { $0.code == "VS460" || $0.severity == .error }.map(\.code), [])
    XCTAssertTrue(
      String(decoding: fixed.bytes ?? [], as: UTF8.self).contains("demand d\n  from \"Service consumer\"\n"))
    let broken = unnamed.replacingOccurrences(of: "activity engage", with: "activity engagg")
    XCTAssertEqual(
      Compiler.check(SourceFile(path: "s.vstream", text: broken)).diagnostics.map(\.code), ["VS405", "VS308", "VS308"],
      "advice waits until the file has no errors")
    let fromStream = unnamed.replacingOccurrences(of: "demand d\n", with: "demand d\n  from-stream other\n")
    XCTAssertEqual(
      Compiler.check(SourceFile(path: "s.vstream", text: fromStream)).diagnostics.filter { $0.code == "VS460" }.count,
      1,
      "only the value: the demand names the stream it comes from")
  }

  static let restore = """
    ---
    title: Restore a live service
    owner: Major Incident Manager
    status: live
    tags: [incident, availability]
    ---
    stream restore-live-service "Restore a live service"
    demand outage "Customer reports that online banking is down"
      from "Retail customer"
    step triage "Log and classify the incident"
      activity engage
      practices service-desk, incident-management
      time 5m
      wait 2m
      ca 90%
    step diagnose "Investigate and diagnose"
      activity deliver-and-support
      practices incident-management, monitoring-and-event-management
      time 30m
      wait 1h
    step fix "Build and test a fix"
      activity obtain-build
      practices software-development-and-management, service-validation-and-testing
      time 2h
      wait 4h
      ca 80%
    step deploy "Deploy the fix"
      activity design-and-transition
      practices change-enablement, deployment-management
      time 30m
      wait 2h
    step confirm "Confirm recovery with the customer"
      activity engage
      practices service-desk, relationship-management
      time 10m
      wait 0s
    value restored "Customer can bank online again"
      for "Retail customer"
    main outage -> triage -> diagnose -> fix -> deploy -> confirm -> restored
    flow diagnose -> confirm "workaround available"
    rework fix -> diagnose "fix fails its tests"

    """

  func testTheIssuesExampleChecksAndItsMetricsMatchAHandCalculation() throws {
    let result = Compiler.check(SourceFile(path: "restore.vstream", text: Self.restore))
    XCTAssertEqual(result.diagnostics, [])
    let stream = try XCTUnwrap(result.stream)
    XCTAssertEqual(stream.id, "restore-live-service")
    XCTAssertEqual(stream.metadata.status, .live)
    XCTAssertEqual(
      stream.steps.map(\.activity), [.engage, .deliverAndSupport, .obtainBuild, .designAndTransition, .engage])
    let main = stream.metrics.mainPath
    // PT 5 + 30 + 120 + 30 + 10 = 195 min; WT 2 + 60 + 240 + 120 + 0 = 422 min; LT 617 min.
    XCTAssertEqual(main.processTime.seconds, 195 * 60)
    XCTAssertEqual(main.waitTime.seconds, 422 * 60)
    XCTAssertEqual(main.leadTime.seconds, 617 * 60)
    XCTAssertEqual(main.flowEfficiency!, 195.0 / 617.0, accuracy: 1e-12)
    XCTAssertEqual(main.rolledCompleteAccurate!, 0.72, accuracy: 1e-12)
    XCTAssertEqual(main.longestWait, [2])
    XCTAssertEqual(stream.edges.count, 8)
    XCTAssertEqual(stream.edges[6].label, "workaround available")
  }

  func testWorkingDaysChangeWhatADayMeans() throws {
    let text = Self.restore.replacingOccurrences(of: "wait 4h", with: "wait 1d")
    let working = Configuration(durationSettings: .legacy(hoursPerDay: 8, daysPerWeek: 5))
    let stream = try XCTUnwrap(Compiler.check(SourceFile(path: "r", text: text), configuration: working).stream)
    XCTAssertEqual(stream.steps[2].waitTime?.seconds, 8 * 3600)
    let calendar = try XCTUnwrap(Compiler.check(SourceFile(path: "r", text: text)).stream)
    XCTAssertEqual(calendar.steps[2].waitTime?.seconds, 24 * 3600)
  }

  /// `d` and `w` are calendar time, `wd` and `ww` working time from `time: working-day` and `working-week`; effort
  /// in calendar days and waits in working days are each one warning with an unsafe fix, a mix is one error.
  func testWorkingAndCalendarDaysAreDistinct() throws {
    let config = SourceFile(path: "vstream.yml", text: "time:\n  working-day: 7h30m\n  working-week: 4\n")
    let (configuration, problems) = Configuration.load(config)
    XCTAssertEqual(problems, [])
    let text = Self.restore.replacingOccurrences(of: "time 2h", with: "time 1ww2wd")
      .replacingOccurrences(of: "wait 4h", with: "wait 1w2d")
    let stream = try XCTUnwrap(Compiler.check(SourceFile(path: "r", text: text), configuration: configuration).stream)
    XCTAssertEqual(stream.steps[2].processTime?.seconds, 6 * 27_000, "4 + 2 working days of 7.5 hours")
    XCTAssertEqual(stream.steps[2].waitTime?.seconds, 9 * 86_400, "a calendar week and two days")

    let effort = Self.restore.replacingOccurrences(of: "time 2h", with: "time 2d")
    let effortFindings = Compiler.check(SourceFile(path: "r", text: effort)).diagnostics
    XCTAssertEqual(effortFindings.map(\.code), ["VS426"])
    XCTAssertEqual(effortFindings.first?.fixes.first?.edits.first?.replacement, "2wd")
    XCTAssertEqual(effortFindings.first?.fixes.first?.safety, .unsafe)

    let wait = Self.restore.replacingOccurrences(of: "wait 4h", with: "wait 1ww")
    let waitFindings = Compiler.check(SourceFile(path: "r", text: wait)).diagnostics
    XCTAssertEqual(waitFindings.map(\.code), ["VS427"])
    XCTAssertEqual(waitFindings.first?.fixes.first?.edits.first?.replacement, "1w")

    let mixed = Self.restore.replacingOccurrences(of: "wait 4h", with: "wait 1w2wd")
    let mixedFindings = Compiler.check(SourceFile(path: "r", text: mixed)).diagnostics
    XCTAssertEqual(mixedFindings.map(\.code), ["VS335"])
    XCTAssertEqual(mixedFindings.first?.fixes.first?.edits.first?.replacement, "184h", "168 h + 2 × 8 h")
    XCTAssertEqual(mixedFindings.first?.fixes.first?.safety, .safe)
  }

  /// A stream `s` from demand `d` to value `v` through steps `a` and `b` with these times and waits.
  static func twoSteps(_ a: (time: String, wait: String), _ b: (time: String, wait: String)) -> String {
    let step = { (id: String, times: (time: String, wait: String)) in
      "step \(id)\n  activity engage\n  practices service-desk\n  time \(times.time)\n  wait \(times.wait)\n"
    }
    return "stream s\ndemand d\n  from \"User\"\n" + step("a", a) + step("b", b) + "value v\n  for \"User\"\n"
  }

  /// The worked example of specs/checking.md, "Effort into elapsed time", to the second.
  func testEffortIntoElapsedTimeWorkedExample() throws {
    let config = SourceFile(path: "vstream.yml", text: "time:\n  working-day: 7h30m\n  working-week: 4\n")
    let (configuration, _) = Configuration.load(config)
    let text = Self.twoSteps(("1ww2wd", "2d"), ("3h", "1w"))
    let result = Compiler.check(SourceFile(path: "w.vstream", text: text), configuration: configuration)
    let main = try XCTUnwrap(result.stream).metrics.mainPath
    XCTAssertEqual(main.processTime.seconds, 172_800)
    XCTAssertEqual(main.waitTime.seconds, 777_600)
    XCTAssertEqual(main.leadTime.seconds, 950_400)
    XCTAssertEqual(main.flowEfficiency!, 48.0 / 264.0, accuracy: 1e-12)
    let settings = configuration.durationSettings
    XCTAssertEqual(
      [
        main.processTime.readable(settings, as: .effort), main.waitTime.readable(settings),
        main.leadTime.readable(settings),
      ],
      ["6.4 wd", "9 d", "11 d"])
  }

  private func withTarget(_ target: String, _ text: String = CheckerTests.restore) -> String {
    text.hasPrefix("---\n")
      ? "---\ntarget-lead-time: \(target)\n" + text.dropFirst(4)
      : "---\ntitle: T\nowner: O\ntarget-lead-time: \(target)\n---\n" + text
  }

  /// The restore stream's main path: process time 195 min, lead time 617 min (10 h 17 min).
  func testTargetLeadTimeIsHeldAgainstTheMainPath() throws {
    let met = Compiler.check(SourceFile(path: "r", text: withTarget("10h17m")))
    XCTAssertEqual(met.diagnostics.map(\.code), [], "a lead time equal to the target meets it")
    XCTAssertEqual(met.stream?.metadata.target?.duration.seconds, 617 * 60)
    let missed = Compiler.check(SourceFile(path: "r", text: withTarget("10h")))
    XCTAssertEqual(missed.diagnostics.map(\.code), ["VS428"])
    XCTAssertEqual(
      missed.diagnostics.first?.message, "the lead time of the main path, 10.3 h, is 17 min over the target of 10 h")
    let file = SourceFile(path: "r", text: withTarget("10h"))
    XCTAssertEqual(missed.diagnostics.first.map { file.text($0.range) }, "10h", "at the target")
    let impossible = Compiler.check(SourceFile(path: "r", text: withTarget("3h")))
    XCTAssertEqual(impossible.diagnostics.map(\.code), ["VS336"], "one finding: the target is below the work itself")
    XCTAssertNil(impossible.stream)
    let calendar = Compiler.check(SourceFile(path: "r", text: withTarget("1d")))
    XCTAssertEqual(calendar.stream?.metadata.target?.duration.seconds, 86_400)
    for bad in ["2wd", "3 days", "soon"] {
      XCTAssertEqual(
        Compiler.check(SourceFile(path: "r", text: withTarget(bad))).diagnostics.map(\.code), ["VS317"], bad)
    }
  }

  func testTargetMeasureAndSeverityComeFromTheConfiguration() throws {
    // The main path takes a (70%): 2 h; the worst case takes b: 5 h.
    let text = Self.twoSteps(("1h", "1h"), ("1h", "4h")) + "flow d -> 70% a -> v\nflow d -> 30% b -> v\n"
    XCTAssertEqual(Compiler.check(SourceFile(path: "s", text: withTarget("3h", text))).diagnostics, [])
    let config = SourceFile(
      path: "vstream.yml", text: "targets:\n  measure: worst-case\nrules:\n  lead-time-over-target: error\n")
    let (configuration, problems) = Configuration.load(config)
    XCTAssertEqual(problems, [])
    let result = Compiler.check(SourceFile(path: "s", text: withTarget("3h", text)), configuration: configuration)
    XCTAssertEqual(result.diagnostics.map(\.code), ["VS428"])
    XCTAssertEqual(result.diagnostics.first?.severity, .error)
    XCTAssertEqual(
      result.diagnostics.first?.message, "the lead time of the worst case, 5 h, is 2 h over the target of 3 h")
    // A wait of 0..10 h: the main path counts its mean (6 h with the work, within 8 h); 85% of items take up to
    // 1 h + 8.5 h, so held to P85 the target is missed.
    let ranged = withTarget("8h", Self.twoSteps(("1h", "0s..10h"), ("0s", "0s")))
    XCTAssertEqual(Compiler.check(SourceFile(path: "s", text: ranged)).diagnostics, [])
    let (p85, _) = Configuration.load(SourceFile(path: "vstream.yml", text: "targets:\n  measure: p85\n"))
    let held = Compiler.check(SourceFile(path: "s", text: ranged), configuration: p85).diagnostics
    XCTAssertEqual(held.map(\.code), ["VS428"])
    XCTAssertTrue(held.first?.message.hasPrefix("the P85 lead time, 9.5 h, is 1.5 h over") ?? false, "\(held)")
    let (_, bad) = Configuration.load(SourceFile(path: "vstream.yml", text: "targets:\n  measure: p99\n"))
    XCTAssertEqual(bad.map(\.code), ["VS502"])
  }

  /// Held to P85, the finding and the page agree, whatever order the arrows are written in: both simulate the flow
  /// in the order of its ids.
  func testTheP85OfTheFindingIsThePagesInEitherOrder() throws {
    let (p85, _) = Configuration.load(SourceFile(path: "vstream.yml", text: "targets:\n  measure: p85\n"))
    let steps = Self.twoSteps(("1h", "1h..3h"), ("2h..4h", "3h"))
    var messages: [String] = []
    let arrows = ["flow d -> a\n", "flow a -> 60% b -> v\n", "flow a -> 40% v\n"]
    for flow in [arrows.joined(), arrows.reversed().joined()] {
      let text = withTarget("5h", steps + flow)
      let held = Compiler.check(SourceFile(path: "s", text: text), configuration: p85).diagnostics
      XCTAssertEqual(held.map(\.code), ["VS428"])
      let stream = try XCTUnwrap(Compiler.check(SourceFile(path: "s", text: text)).stream)
      let page = try XCTUnwrap(LeadTimeSimulation.run(stream)).p85.readable(stream.settings)
      XCTAssertTrue(held.first?.message.hasPrefix("the P85 lead time, \(page), is") ?? false, "\(held) \(page)")
      messages += held.map(\.message)
    }
    XCTAssertEqual(Set(messages).count, 1, "\(messages)")
  }

  /// The longest wait a finding names is the longest queue: a planned wait never, and every step tied for it.
  func testFindingsNameTheLongestQueueNotAPlannedWait() throws {
    let text = withTarget("1d", Self.twoSteps(("1h", "4h"), ("1h", "2w planned")) + "flow d -> a -> b -> v\n")
    let missed = Compiler.check(SourceFile(path: "s", text: text)).diagnostics.filter { $0.code == .leadTimeOverTarget }
    XCTAssertEqual(missed.count, 1)
    let file = SourceFile(path: "s", text: text)
    XCTAssertEqual(missed.first?.secondary.map { file.text($0.range) }, ["a"])
    let tied = withTarget("5h", Self.twoSteps(("1h", "4h"), ("1h", "4h")) + "flow d -> a -> b -> v\n")
    let both = Compiler.check(SourceFile(path: "s", text: tied)).diagnostics
    XCTAssertEqual(both.first?.secondary.map { SourceFile(path: "s", text: tied).text($0.range) }, ["a", "b"])
  }

  /// A range's point figure is its mean; out of order it is one error each, with its fix.
  func testRangesAndThreePointEstimates() throws {
    let stream = try XCTUnwrap(
      Compiler.check(SourceFile(path: "r", text: Self.twoSteps(("1h..2h", "1d..2d..6d"), ("3h", "0s")))).stream)
    XCTAssertEqual(stream.steps[0].processTime?.seconds, 5_400, "(1 h + 2 h) / 2")
    XCTAssertEqual(stream.steps[0].waitTime?.seconds, 3 * 86_400, "(1 d + 2 d + 6 d) / 3")
    XCTAssertEqual(
      stream.steps[0].waitEstimate,
      Estimate(
        least: Duration(seconds: 86_400), mostLikely: Duration(seconds: 172_800), most: Duration(seconds: 518_400)))
    XCTAssertNil(stream.steps[1].processEstimate, "a point has no estimate")
    for (time, code, fix, safety) in [
      ("2h..1h", "VS337", "1h..2h", Diagnostic.Fix.Safety.safe), ("3h..1h..2h", "VS337", "1h..2h..3h", .unsafe),
      ("1h..5h..4h", "VS338", "1h..4h..5h", .unsafe), ("1wd..2d", "VS335", "8h..48h", .safe),
    ] {
      let findings = Compiler.check(SourceFile(path: "r", text: Self.twoSteps((time, "0s"), ("1h", "0s")))).diagnostics
        .filter { $0.code != .missingMetadata }
      XCTAssertEqual(findings.map(\.code.rawValue), [code], time)
      XCTAssertEqual(findings.first?.fixes.first?.edits.first?.replacement, fix, time)
      XCTAssertEqual(findings.first?.fixes.first?.safety, safety, time)
    }
  }

  /// A step's own target holds its wait plus its work; below its work alone it is VS336.
  func testStepTargets() throws {
    func codes(_ target: String) -> [String] {
      let text = CheckerTests.restore.replacingOccurrences(of: "  wait 4h\n", with: "  wait 4h\n  target \(target)\n")
      return Compiler.check(SourceFile(path: "r", text: text)).diagnostics.map(\.code.rawValue)
    }
    XCTAssertEqual(codes("6h"), [], "4 h of wait and 2 h of work meet 6 h")
    XCTAssertEqual(codes("5h"), ["VS429"])
    XCTAssertEqual(codes("1h"), ["VS336"], "below the 2 h of work: the one finding")
    XCTAssertEqual(codes("1h..2h"), ["VS104"], "a target is one lead time")
    let text = CheckerTests.restore.replacingOccurrences(of: "  wait 4h\n", with: "  wait 4h\n  target 5h\n")
    let message = Compiler.check(SourceFile(path: "r", text: text)).diagnostics.first?.message
    XCTAssertEqual(message, "step `fix` takes 6 h (wait and work), 1 h over its target of 5 h")
  }

  func testLegacyDaySettingKeepsOldFiguresWithOneWarning() throws {
    let config = SourceFile(path: "vstream.yml", text: "time:\n  hours-per-day: 8\n  days-per-week: 5\n")
    let (configuration, problems) = Configuration.load(config)
    XCTAssertEqual(problems.map(\.code), ["VS505"])
    let text = Self.restore.replacingOccurrences(of: "time 2h", with: "time 1d")
      .replacingOccurrences(of: "wait 4h", with: "wait 1w")
    let result = Compiler.check(SourceFile(path: "r", text: text), configuration: configuration)
    XCTAssertEqual(result.diagnostics, [], "VS505 is said once, in vstream.yml, not at every duration")
    XCTAssertEqual(result.stream?.steps[2].processTime?.seconds, 8 * 3_600)
    XCTAssertEqual(result.stream?.steps[2].waitTime?.seconds, 40 * 3_600)
  }

  func testWorkingDayLongerThanADayIsOneError() {
    for (text, codes) in [
      ("time:\n  working-day: 25h\n", ["VS506"]), ("time:\n  working-day: 2d\n", ["VS502"]),
      ("time:\n  display: weeks\n", ["VS502"]), ("time:\n  working-week: 8\n", ["VS502"]),
      ("time:\n  working-day: 24h\n  display: units\n", []),
    ] {
      let (configuration, problems) = Configuration.load(SourceFile(path: "vstream.yml", text: text))
      XCTAssertEqual(problems.map(\.code.rawValue), codes, text)
      if codes.isEmpty {
        XCTAssertEqual(configuration.durationSettings.secondsPerWorkingDay, 86_400)
        XCTAssertEqual(configuration.durationSettings.display, .units)
      } else {
        XCTAssertEqual(configuration.durationSettings.secondsPerWorkingDay, 28_800, "keeps the default")
      }
    }
  }

  func testImplicitFlowIsTheDeclarationOrder() throws {
    let text = Self.restore.components(separatedBy: "\nmain ").first! + "\n"
    let stream = try XCTUnwrap(Compiler.check(SourceFile(path: "r", text: text)).stream)
    XCTAssertEqual(
      stream.metrics.mainPath.nodes, [.demand, .step(0), .step(1), .step(2), .step(3), .step(4), .value(0)])
    XCTAssertTrue(stream.edges.allSatisfy { $0.range == nil })
  }

  func testSeveritiesFromConfigurationAndOverrides() {
    let config = SourceFile(
      path: "vstream.yml",
      text: """
        rules:
          no-practices: error
          VS403: off
        overrides:
          - paths: ["legacy/**"]
            rules: { no-practices: off }
        """)
    let (configuration, diagnostics) = Configuration.load(config)
    XCTAssertEqual(diagnostics, [])
    let text = Self.restore.replacingOccurrences(of: "  practices service-desk, relationship-management\n", with: "")
    let strict = Compiler.check(SourceFile(path: "streams/a.vstream", text: text), configuration: configuration)
    XCTAssertEqual(strict.diagnostics.map(\.code), ["VS401"])
    XCTAssertEqual(strict.diagnostics.first?.severity, .error)
    XCTAssertNil(strict.stream, "a lint raised to error blocks the model")
    let legacy = Compiler.check(SourceFile(path: "legacy/old/a.vstream", text: text), configuration: configuration)
    XCTAssertEqual(legacy.diagnostics, [])
  }

  func testConfigurationProblemsAreReported() {
    let config = SourceFile(
      path: "vstream.yml",
      text: """
        rulez: {}
        rules:
          no-practises: error
          missing-demand: off
          no-engage: loud
        practices:
          - id: service-desk
          - id: vendor-onboarding
            name: Vendor onboarding
        thresholds:
          flow-efficiency: 250%
        time:
          hours-per-day: 30
        ---
        second: document
        """)
    let (configuration, diagnostics) = Configuration.load(config)
    XCTAssertEqual(
      Diagnostic.normalized(diagnostics).map(\.code),
      ["VS501", "VS503", "VS503", "VS502", "VS504", "VS502", "VS502", "VS207"])
    XCTAssertEqual(configuration.catalogue.all.count, 35, "the valid custom practice is added")
    XCTAssertEqual(configuration.flowEfficiencyThreshold, 0.01, "an invalid threshold keeps the default")
  }

  func testCustomPracticesAreValidEverywhere() {
    let (configuration, _) = Configuration.load(
      SourceFile(path: "vstream.yml", text: "practices:\n  - id: vendor-onboarding\n"))
    let text = Self.restore.replacingOccurrences(
      of: "practices service-desk, relationship-management", with: "practices vendor-onboarding")
    XCTAssertEqual(Compiler.check(SourceFile(path: "a", text: text), configuration: configuration).diagnostics, [])
    XCTAssertEqual(Compiler.check(SourceFile(path: "a", text: text)).diagnostics.map(\.code), ["VS309"])
  }

  func testDuplicateStreamIDsAcrossFilesReportBothPlaces() throws {
    let files = ["b.vstream", "a.vstream", "c.vstream"].map { SourceFile(path: $0, text: Self.restore) }
    let unique = SourceFile(
      path: "d.vstream",
      text: Self.restore.replacingOccurrences(of: "stream restore-live-service", with: "stream other"))
    let results = Compiler.checkRepository(files + [unique])
    XCTAssertEqual(
      results.map(\.file.path), ["b.vstream", "a.vstream", "c.vstream", "d.vstream"], "input order is kept")
    for result in results.prefix(3) {
      XCTAssertEqual(result.diagnostics.map(\.code), ["VS319"])
      XCTAssertNil(result.stream)
      XCTAssertEqual(
        Set(result.diagnostics[0].secondary.compactMap(\.path)), Set(files.map(\.path)).subtracting([result.file.path]))
    }
    XCTAssertNotNil(results[3].stream)
  }

  func testRepositoryResultsDoNotDependOnScheduling() {
    let files = (0..<200).map {
      SourceFile(
        path: "s\($0).vstream",
        text: Self.restore.replacingOccurrences(of: "restore-live-service", with: "s\($0 % 150)"))
    }
    let first = Compiler.checkRepository(files).map { $0.diagnostics }
    let second = Compiler.checkRepository(files).map { $0.diagnostics }
    XCTAssertEqual(first, second)
    XCTAssertEqual(first.filter { !$0.isEmpty }.count, 100, "ids s0...s49 are used twice")
  }

  func testDiagnosingARepositoryReportsWhatCheckingItFinds() {
    let files = (0..<200).map { index -> SourceFile in
      var text = Self.restore.replacingOccurrences(of: "restore-live-service", with: "s\(index % 150)")
      if index % 7 == 0 {
        text = text.replacingOccurrences(of: "practices service-desk", with: "practices servise-desk")
      }
      return SourceFile(path: "s\(index).vstream", text: text)
    }
    let reports = Compiler.diagnoseRepository(files)
    XCTAssertEqual(reports.map(\.file.path), files.map(\.path))
    XCTAssertEqual(reports.map(\.diagnostics), Compiler.checkRepository(files, buildingModel: false).map(\.diagnostics))
    XCTAssertEqual(reports.filter { $0.diagnostics.contains { $0.code == "VS319" } }.count, 100)
    XCTAssertEqual(reports.filter { $0.diagnostics.contains { $0.code == "VS309" } }.count, 29)
  }

  func testGlobPatterns() {
    let (configuration, _) = Configuration.load(
      SourceFile(
        path: "vstream.yml", text: "overrides:\n  - paths: [\"*.vstream\"]\n    rules: { no-practices: off }\n"))
    let rule = RuleCatalog.rule(named: "no-practices")!
    XCTAssertNil(configuration.severity(of: rule, path: "top.vstream"))
    XCTAssertEqual(configuration.severity(of: rule, path: "deep/top.vstream"), .warning, "`*` does not cross folders")
  }
}

final class CustomPracticeConflictTests: XCTestCase {
  func testConflictsPointAtTheEntryLeftOutAndSayWhatItClashesWith() {
    let text =
      "practices:\n  - id: vendor-onboarding\n  - id: vendor-onboarding\n  - id: desk\n    aliases: [service-desk]\n"
    let (configuration, diagnostics) = Configuration.load(SourceFile(path: "vstream.yml", text: text))
    let file = SourceFile(path: "vstream.yml", text: text)
    XCTAssertEqual(diagnostics.map(\.code), ["VS504", "VS504"])
    XCTAssertEqual(
      diagnostics.map { file.location(of: $0.range.start).line }, [3, 4], "the second vendor-onboarding, then desk")
    XCTAssertTrue(diagnostics[0].message.contains("custom practice `vendor-onboarding` above"), diagnostics[0].message)
    XCTAssertTrue(diagnostics[1].message.contains("ITIL practice `service-desk`"), diagnostics[1].message)
    XCTAssertEqual(configuration.catalogue.all.count, 35)
  }
}
