import VStream
import VStreamCheck
import VStreamModel
import VStreamSource
import XCTest

/// The errors about forks and joins (VS329–VS333): each mistake is one finding at the right arrow, with its fix where
/// one exists, and nothing cascades from it; a valid fork gives the figures of the critical branch.
final class ParallelWorkCheckTests: XCTestCase {
  /// plan forks into build and review, which join at release. `FLOW` is replaced by each test's arrow lines.
  static let stream = """
    ---
    title: Change
    owner: Someone
    ---
    stream change
    demand need
    step log "Log"
      activity engage
      practices service-desk
      time 10m
      wait 0s
    step plan "Plan"
      activity plan
      practices change-enablement
      time 1h
      wait 1h
    step build "Build"
      activity obtain-build
      practices deployment-management
      time 4h
      wait 2h
    step review "Review"
      activity design-and-transition
      practices information-security-management
      time 1h
      wait 1d
    step release "Release"
      activity deliver-and-support
      practices release-management
      time 30m
      wait 0s
    value live
    value dropped
    FLOW
    """

  func text(_ flow: String) -> String { Self.stream.replacingOccurrences(of: "FLOW", with: flow) + "\n" }

  func check(_ flow: String) -> Compiler.FileResult { Compiler.check(SourceFile(path: "s.vstream", text: text(flow))) }

  func errors(_ flow: String) -> [String] {
    check(flow).diagnostics.filter { $0.severity == .error }.map(\.code.rawValue)
  }

  func fixed(_ flow: String, unsafe: Bool) -> String {
    let source = text(flow)
    let fixed = Compiler.fixing(SourceFile(path: "s.vstream", text: source), unsafe: unsafe)
    return String(decoding: fixed.bytes ?? Array(source.utf8), as: UTF8.self)
  }

  static let valid = """
    flow need -> log -> 90% plan
    parallel plan -> build
    parallel plan -> review
    flow build -> release
    flow review -> release -> live
    flow log -> dropped
    """

  func testAValidForkFollowsItsCriticalBranch() throws {
    let result = check(Self.valid)
    XCTAssertEqual(result.diagnostics.filter { $0.severity == .error }.map(\.code.rawValue), [])
    let stream = try XCTUnwrap(result.stream)
    // build 6h, review 1d1h: the main path takes review although build sorts first and no share is written, and
    // VS417 does not call the fork ambiguous.
    XCTAssertEqual(
      stream.metrics.mainPath.nodes.map { stream.node($0).id }, ["need", "log", "plan", "review", "release", "live"])
    XCTAssertFalse(result.diagnostics.contains { $0.code.rawValue == "VS417" && $0.message.contains("plan") })
    // Lead 10m + 2h + 1d1h + 30m; process 10m + 1h + 1h + 30m; effort adds build's 4h.
    XCTAssertEqual(stream.metrics.mainPath.leadTime.seconds, 600 + 7_200 + 90_000 + 1_800)
    XCTAssertEqual(stream.metrics.mainPath.processTime.seconds, 600 + 3_600 + 3_600 + 1_800)
    XCTAssertEqual(stream.metrics.mainPath.totalEffort.seconds, 600 + 3_600 + 3_600 + 1_800 + 14_400)
  }

  func testAMainLineThroughAForkIsOnePath() throws {
    let flow = Self.valid.replacingOccurrences(of: "flow need -> log -> 90% plan", with: "main need -> log -> 90% plan")
      .replacingOccurrences(of: "flow review -> release -> live", with: "flow review -> release\nmain release -> live")
    let result = check(flow)
    XCTAssertEqual(result.diagnostics.filter { $0.severity == .error }.map(\.code.rawValue), [])
    let stream = try XCTUnwrap(result.stream)
    XCTAssertEqual(
      stream.metrics.mainPath.nodes.map { stream.node($0).id }, ["need", "log", "plan", "review", "release", "live"])
  }

  func testOneBranchIsOneFindingWhoseFixWritesFlow() {
    let flow = Self.valid.replacingOccurrences(of: "parallel plan -> review\n", with: "flow plan -> review\n")
    XCTAssertEqual(errors(flow), ["VS329"], "not also VS333 for the arrow beside it")
    let repaired = fixed(flow, unsafe: true)
    XCTAssertTrue(repaired.contains("flow plan -> build\n"), repaired)
    XCTAssertEqual(Compiler.check(SourceFile(path: "s.vstream", text: repaired)).stream != nil, true)
  }

  func testBranchesThatNeverMeetAreOneFinding() {
    let flow = Self.valid.replacingOccurrences(of: "flow build -> release\n", with: "flow build -> dropped\n")
    let result = check(flow)
    XCTAssertEqual(result.diagnostics.filter { $0.severity == .error }.map(\.code.rawValue), ["VS330"])
    let finding = result.diagnostics.first { $0.code.rawValue == "VS330" }!
    XCTAssertEqual(finding.secondary.count, 1, "the other branch as a secondary label")
  }

  func testABranchThatSkipsTheJoinIsReportedAtItsArrow() {
    let flow = Self.valid + "\nflow review -> dropped"
    let result = check(flow)
    XCTAssertEqual(result.diagnostics.filter { $0.severity == .error }.map(\.code.rawValue), ["VS331"])
    let finding = result.diagnostics.first { $0.code.rawValue == "VS331" }!
    let file = SourceFile(path: "s.vstream", text: text(flow))
    XCTAssertEqual(file.text(finding.range), "plan -> review")
    XCTAssertTrue(finding.message.contains("`release`"), finding.message)
  }

  func testAShareOnABranchIsRemovedByASafeFix() {
    let flow = Self.valid.replacingOccurrences(of: "parallel plan -> build", with: "parallel plan -> 70% build")
      .replacingOccurrences(of: "parallel plan -> review", with: "parallel plan -> 30% review")
    XCTAssertEqual(errors(flow), ["VS332", "VS332"], "not also VS326: the shares do add up")
    let repaired = fixed(flow, unsafe: false)
    XCTAssertTrue(repaired.contains("parallel plan -> build\nparallel plan -> review\n"), repaired)
    let again = Compiler.check(SourceFile(path: "s.vstream", text: repaired)).diagnostics
    XCTAssertEqual(again.filter { $0.severity == .error }.map(\.code.rawValue), [])
  }

  func testAForkAfterTheValueMayEndOnEachBranch() throws {
    // After live: release the record and ask the user at once, each ending on its own.
    let flow =
      Self.valid.replacingOccurrences(of: "flow log -> dropped\n", with: "")
      + "\nflow log -> dropped\nparallel live -> log2\nparallel live -> survey"
    let after = """
      step log2 "Close the record"
        activity engage
        practices service-desk
      step survey "Ask for feedback"
        activity engage
        practices service-desk

      """
    let source = text(flow).replacingOccurrences(of: "value live\n", with: after + "value live\n")
    let result = Compiler.check(SourceFile(path: "s.vstream", text: source))
    XCTAssertEqual(result.diagnostics.filter { $0.severity == .error }.map(\.code.rawValue), [])
    let stream = try XCTUnwrap(result.stream)
    XCTAssertEqual(stream.metrics.stepsAfterValue.map { stream.steps[$0].id }.sorted(), ["log2", "survey"])
  }

  func testAForkWithAlternativesIsOneFinding() {
    let flow = Self.valid + "\nflow plan -> dropped\nflow plan -> live"
    let result = check(flow)
    XCTAssertEqual(result.diagnostics.filter { $0.severity == .error }.map(\.code.rawValue), ["VS333"])
    XCTAssertEqual(result.diagnostics.first { $0.code.rawValue == "VS333" }!.secondary.count, 1)
  }
}
