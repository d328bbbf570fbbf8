import Foundation
import TestSupport
import XCTest

/// `vstream diff` on a git repository scripted in the test's folder: renames, moves, reorders, formatting-only
/// changes, a changed wait, an added step; two folders and two files; and the bad inputs.
final class DiffCommandTests: CLITestCase {
  /// The second bundled example, beside `clean`.
  static let standardChange = try! String(
    contentsOf: Repository.root.appendingPathComponent("examples/make-standard-change.vstream"), encoding: .utf8)

  /// Runs git in the test's folder (or `directory`) with a fixed identity and dates, so that commits are the same
  /// on every run; fails the test when git fails.
  @discardableResult
  func git(_ arguments: [String], in directory: String? = nil) throws -> String {
    guard
      let git = ["/usr/bin/git", "/usr/local/bin/git", "/bin/git"].first(where: FileManager.default.isExecutableFile)
    else { throw XCTSkip("git is not installed") }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: git)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory ?? folder)
    var environment = ProcessInfo.processInfo.environment
    for (key, value) in [
      ("GIT_AUTHOR_NAME", "t"), ("GIT_AUTHOR_EMAIL", "t@example.com"), ("GIT_COMMITTER_NAME", "t"),
      ("GIT_COMMITTER_EMAIL", "t@example.com"), ("GIT_AUTHOR_DATE", "2026-01-01T00:00:00Z"),
      ("GIT_COMMITTER_DATE", "2026-01-01T00:00:00Z"), ("GIT_CONFIG_GLOBAL", "/dev/null"), ("GIT_CONFIG_NOSYSTEM", "1"),
    ] { environment[key] = value }
    process.environment = environment
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    XCTAssertEqual(process.terminationStatus, 0, "git \(arguments.joined(separator: " ")) failed")
    return String(decoding: data, as: UTF8.self)
  }

  /// A repository whose first commit (tag `one`) holds the two examples under streams/.
  func makeRepository() throws {
    try git(["init", "-q", "-b", "main"])
    write("streams/restore.vstream", Self.clean)
    write("streams/standard.vstream", Self.standardChange)
    write("README.md", "not a stream\n")
    try git(["add", "."])
    try git(["commit", "-q", "-m", "one"])
    try git(["tag", "one"])
  }

  func commit(_ message: String) throws {
    try git(["add", "-A", "."])
    try git(["commit", "-q", "-m", message])
  }

  func testAMovedFileWithAChangedWaitIsFollowedAndMeasured() throws {
    try makeRepository()
    try FileManager.default.createDirectory(atPath: folder + "/moved", withIntermediateDirectories: true)
    try git(["mv", "streams/restore.vstream", "moved/restore-live-service.vstream"])
    write("moved/restore-live-service.vstream", Self.clean.replacingOccurrences(of: "wait 4h", with: "wait 1d"))
    try commit("move and wait longer")
    let human = try vstream(["diff", "one", "HEAD"])
    XCTAssertEqual(human.status, 0, human.errors)
    XCTAssertEqual(human.errors, "")
    XCTAssertEqual(
      human.output,
      """
      restore-live-service  Restore a live service  (changed)
        file: streams/restore.vstream → moved/restore-live-service.vstream
        figure                       one     HEAD   change
        lead time (main path)        11 h    1.3 d  +20 h (+182.6%)  worse
        process time (main path)     3.4 h   3.4 h  ±0
        wait time (main path)        7.5 h   1.1 d  +20 h (+265.5%)  worse
        flow efficiency (main path)  31.2%   11%    -20.2 pt         worse
        rolled %C/A (main path)      54.1%   54.1%  ±0
        lead time (expected)         10.3 h  1.2 d  +19 h (+185.7%)  worse
        wait time (expected)         7 h     1.1 d  +19 h (+272.2%)  worse
        flow efficiency (expected)   31.8%   11.1%  -20.6 pt         worse
        ~ fix: wait 4h → 1d
        most of the change: fix +20 h

      2 streams compared: 1 changed, 0 added, 0 removed, 1 moved or renamed, 1 with no change in meaning

      """)
    XCTAssertEqual(try vstream(["diff", "one", "HEAD"]).output, human.output, "the same bytes on every run")
  }

  func testMarkdownAndJSONGoToFilesAndJSONMatchesTheSchema() throws {
    try makeRepository()
    // An added step between fix and deploy (30m of work after 1h of waiting), and the standard change's wait.
    write(
      "streams/restore.vstream",
      Self.clean.replacingOccurrences(
        of: "value restored",
        with: """
          step review "Review the fix"
            activity design-and-transition
            practices change-enablement
            time 30m
            wait 1h

          value restored
          """
      ).replacingOccurrences(of: "fix -> deploy", with: "fix -> review -> deploy"))
    try commit("add a review")
    let run = try vstream(["diff", "one", "main", "--format", "md=diff.md", "--format", "json=diff.json"])
    XCTAssertEqual(run.status, 0, run.errors)
    XCTAssertEqual(run.output, "")
    let markdown = try read("diff.md")
    XCTAssertTrue(markdown.hasPrefix("<!-- vstream-diff -->\n## Value streams: `one` → `main`\n"), markdown)
    XCTAssertTrue(
      markdown.contains("| lead time (main path) | 11 h | 12.5 h | +1.5 h (+13.7%) worse |"), markdown)
    XCTAssertTrue(markdown.contains("- added step `review`: Review the fix\n"), markdown)
    XCTAssertTrue(markdown.contains("- added arrow fix → review\n"), markdown)
    XCTAssertTrue(markdown.contains("- removed arrow fix → deploy\n"), markdown)
    XCTAssertTrue(markdown.contains("Most of the change: `review` +1.5 h."), markdown)
    XCTAssertFalse(markdown.contains("make-standard-change"), "an unchanged stream is not shown")
    let json = try read("diff.json")
    XCTAssertTrue(json.contains("\"format\": \"vstream-diff/1\""))
    guard let validation = try ExternalTool.validateAgainstTheSchema([json], schema: "specs/vstream-diff.schema.json")
    else { throw XCTSkip("python3 with jsonschema is not installed") }
    XCTAssertEqual(validation.status, 0, validation.output + validation.errors)
    let again = try vstream(["diff", "one", "main", "--format", "json"])
    XCTAssertEqual(again.output, json, "the same bytes to a file and to standard output, on every run")
  }

  func testFormattingCommentsAndOrderAreNoChangeInMeaning() throws {
    try makeRepository()
    // A comment, blank lines and spacing (declaration order: `testDeclarationOrderIsNoChangeInMeaning...`).
    write(
      "streams/restore.vstream",
      Self.clean.replacingOccurrences(
        of: "\nstream restore-live-service", with: "\n# reformatted\n\n\nstream   restore-live-service"))
    write("streams/standard.vstream", Self.standardChange + "\n\n# the end\n")
    try commit("formatting")
    let run = try vstream(["diff", "one", "HEAD"])
    XCTAssertEqual(run.status, 0, run.errors)
    XCTAssertEqual(run.output, "no change in meaning (2 streams compared)\n")
    let markdown = try vstream(["diff", "one", "HEAD", "--format", "md"])
    XCTAssertTrue(markdown.output.hasSuffix("no change in meaning (2 streams compared).\n"), markdown.output)
  }

  func testDeclarationOrderIsNoChangeInMeaningWhenTheFlowIsWritten() throws {
    write("a.vstream", StreamSamples.small)
    write("b.vstream", StreamSamples.smallReordered)
    let run = try vstream(["diff", "a.vstream", "b.vstream"])
    XCTAssertEqual(run.status, 0, run.errors)
    XCTAssertEqual(run.output, "no change in meaning (1 stream compared)\n")
  }

  func testAChangedStreamIDInTheSameFileIsReportedAsSuch() throws {
    try makeRepository()
    write(
      "streams/standard.vstream",
      Self.standardChange.replacingOccurrences(of: "stream make-standard-change", with: "stream standard-change"))
    try commit("rename the id")
    let run = try vstream(["diff", "one", "HEAD", "streams"])
    XCTAssertEqual(run.status, 0, run.errors)
    XCTAssertTrue(run.output.contains("standard-change  Make a standard change  (no change in meaning)\n"), run.output)
    XCTAssertTrue(run.output.contains("  stream id: make-standard-change → standard-change\n"), run.output)
    XCTAssertFalse(run.output.contains("(added)"), run.output)
  }

  func testPathsNarrowTheComparison() throws {
    try makeRepository()
    write("other/x.vstream", Self.clean.replacingOccurrences(of: "stream restore-live-service", with: "stream x"))
    write("streams/standard.vstream", Self.standardChange.replacingOccurrences(of: "wait 2h", with: "wait 3h"))
    try commit("two changes")
    let narrowed = try vstream(["diff", "one", "HEAD", "other"])
    XCTAssertTrue(narrowed.output.hasPrefix("x  Restore a live service  (added)\n"), narrowed.output)
    XCTAssertFalse(narrowed.output.contains("make-standard-change"))
    let typo = try vstream(["diff", "one", "HEAD", "stream"])
    XCTAssertEqual(typo.status, 2)
    XCTAssertTrue(typo.errors.contains("stream: no .vstream file there at one or HEAD"), typo.errors)
    let inside = try vstream(["diff", "one", "HEAD", "."], in: folder + "/streams")
    XCTAssertTrue(inside.output.hasPrefix("make-standard-change"), inside.output + inside.errors)
    XCTAssertFalse(inside.output.contains("x  "))
  }

  func testGatesAndErrorsOnTheHeadSideExitOne() throws {
    try makeRepository()
    write("streams/standard.vstream", Self.standardChange.replacingOccurrences(of: "wait 2h", with: "wait 4h"))
    try commit("longer")
    // 4h40m -> 6h40m: +42.9%; efficiency 25% -> 17.5%.
    XCTAssertEqual(try vstream(["diff", "one", "HEAD", "--fail-on", "lead-time=+50%"]).status, 0)
    let tripped = try vstream([
      "diff", "one", "HEAD", "--fail-on", "lead-time=+40%", "--fail-on", "flow-efficiency=-5pt",
    ])
    XCTAssertEqual(tripped.status, 1)
    XCTAssertTrue(
      tripped.output.contains(
        "gate: make-standard-change: lead time (main path) 4.7 h → 6.7 h, past --fail-on lead-time=+40%\n"),
      tripped.output)
    XCTAssertTrue(tripped.output.contains("past --fail-on flow-efficiency=-5pt"), tripped.output)
    let colored = try vstream(["diff", "one", "HEAD", "--color", "always"])
    XCTAssertTrue(colored.output.contains("\u{1B}[31mworse\u{1B}[0m"), colored.output)
    XCTAssertTrue(colored.output.contains("\u{1B}[1mmake-standard-change\u{1B}[0m"), colored.output)
    XCTAssertFalse(try vstream(["diff", "one", "HEAD"]).output.contains("\u{1B}["), "no colour into a file")
    let forced = try vstream(["diff", "one", "HEAD"], environment: ["FORCE_COLOR": "1"])
    XCTAssertTrue(forced.output.contains("\u{1B}[31m"), "FORCE_COLOR as for check")
    let badGate = try vstream(["diff", "one", "HEAD", "--fail-on", "lead-time=-10%"])
    XCTAssertEqual(badGate.status, 2)
    XCTAssertTrue(badGate.errors.contains("write +10%"), badGate.errors)

    write(
      "streams/standard.vstream", Self.standardChange.replacingOccurrences(of: "time 10m\n", with: "time 10 minutes\n"))
    try commit("broken")
    let broken = try vstream(["diff", "one", "HEAD"])
    XCTAssertEqual(broken.status, 1, "errors on the head side fail as check does")
    XCTAssertTrue(broken.output.contains("make-standard-change  Make a standard change  (has errors)\n"), broken.output)
    XCTAssertTrue(broken.output.contains("error"), broken.output)
    XCTAssertTrue(broken.output.contains("streams/standard.vstream:"), broken.output)
    // The other way round, the errors were on the base side and are fixed: no failure.
    XCTAssertEqual(try vstream(["diff", "HEAD", "one"]).status, 0)
  }

  /// A comparison narrowed to a folder links a step with the stream it runs outside the folder, on each side: the
  /// caller is compared by its linked figures, not reported as having errors, and the stream it runs is not compared.
  func testPathsNarrowTheComparisonNotTheStreamsAStepRuns() throws {
    try git(["init", "-q"])
    let caller = SubsetRunTests.stream("caller", "  runs standard\n  wait 2h")
    write("streams/caller.vstream", caller)
    write("shared/standard.vstream", SubsetRunTests.stream("standard", "  time 30m\n  wait 1h"))
    try commit("one")
    try git(["tag", "one"])
    write("shared/standard.vstream", SubsetRunTests.stream("standard", "  time 30m\n  wait 5h"))
    try commit("two")
    let json = try vstream(["diff", "one", "HEAD", "streams", "--format", "json"])
    XCTAssertEqual(json.status, 0, json.errors + json.output)
    let report = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
    let streams = try XCTUnwrap(report["streams"] as? [[String: Any]])
    XCTAssertEqual(streams.compactMap { $0["id"] as? String }, ["caller"], "the stream it runs is not compared")
    let lead = (streams[0]["figures"] as? [[String: Any]])?.first {
      $0["figure"] as? String == "lead-time" && $0["path"] as? String == "main"
    }
    // The caller's step: its 2h queue, then standard's wait and 30m of work: 3h30m before, 7h30m after.
    XCTAssertEqual(lead?["before"] as? Double, 12_600, "\(streams[0])")
    XCTAssertEqual(lead?["after"] as? Double, 27_000)
  }

  func testBadInputs() throws {
    let outside = try vstream(["diff", "main", "HEAD"])
    XCTAssertEqual(outside.status, 2)
    XCTAssertTrue(outside.errors.contains("not a git repository"), outside.errors)
    try makeRepository()
    let unknown = try vstream(["diff", "nope", "HEAD"])
    XCTAssertEqual(unknown.status, 2)
    XCTAssertTrue(unknown.errors.contains("`nope` is not a commit"), unknown.errors)
    XCTAssertEqual(unknown.output, "")
    let tree = try vstream(["diff", "one", "HEAD^{tree}"])
    XCTAssertEqual(tree.status, 2)
    XCTAssertTrue(tree.errors.contains("`HEAD^{tree}` is not a commit"), tree.errors)
    let option = try vstream(["diff", "--", "--output=x", "HEAD"])
    XCTAssertEqual(option.status, 2)
    XCTAssertTrue(option.errors.contains("looks like an option"), option.errors)
    XCTAssertEqual(try vstream(["diff", "one", "HEAD", "--", "--output=x"]).status, 2)
    XCTAssertEqual(try vstream(["diff", "--output=x", "HEAD"]).status, 2)
    XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/x"))
    let escaping = try vstream(["diff", "one", "HEAD", "../elsewhere"])
    XCTAssertEqual(escaping.status, 2)
    XCTAssertTrue(escaping.errors.contains("outside the repository"), escaping.errors)
    let mixed = try vstream(["diff", "streams", "HEAD"])
    XCTAssertEqual(mixed.status, 2)
    XCTAssertTrue(mixed.errors.contains("two of the same kind"), mixed.errors)

    _ = FileManager.default.createFile(
      atPath: folder + "/streams/image.vstream", contents: Data([0x89, 0x50, 0, 0, 1]))
    try commit("a binary file")
    let binary = try vstream(["diff", "one", "HEAD", "--format", "md=out.md"])
    XCTAssertEqual(binary.status, 2)
    XCTAssertTrue(binary.errors.contains("HEAD:streams/image.vstream: a binary file"), binary.errors)

    // An output that cannot be written: exit 2, and no other file left half-written.
    let unwritable = try vstream(["diff", "one", "HEAD~1", "--format", "json=ok.json", "--format", "md=README.md/x.md"])
    XCTAssertEqual(unwritable.status, 2)
    XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/ok.json"))
  }

  func testTwoFoldersAndTwoFiles() throws {
    write("current/a.vstream", Self.clean)
    write("current/b.vstream", Self.standardChange)
    write("future/renamed.vstream", Self.clean.replacingOccurrences(of: "wait 1h", with: "wait 30m"))
    let folders = try vstream(["diff", "current", "future"])
    XCTAssertEqual(folders.status, 0, folders.errors)
    XCTAssertTrue(folders.output.contains("  file: a.vstream → renamed.vstream\n"), folders.output)
    XCTAssertTrue(folders.output.contains("make-standard-change  Make a standard change  (removed)\n"), folders.output)
    XCTAssertTrue(
      folders.output.contains("  lead time (main path)        11 h     10.5 h  -30 min (-4.6%)    better\n"),
      folders.output
    )
    // The current and the future state of one stream, whatever the future's id.
    write(
      "future.vstream", Self.clean.replacingOccurrences(of: "stream restore-live-service", with: "stream future-state"))
    let files = try vstream(["diff", "current/a.vstream", "future.vstream"])
    XCTAssertEqual(files.status, 0, files.errors)
    XCTAssertTrue(files.output.contains("  stream id: restore-live-service → future-state\n"), files.output)
    XCTAssertEqual(try vstream(["diff", "current", "future", "x"]).status, 2, "paths go with revisions only")
  }

  func testEachRevisionIsCheckedWithItsOwnVStreamYML() throws {
    try makeRepository()
    // The fix waits a day: 24 h with calendar days, 8 h once the repository counts working days.
    write("streams/restore.vstream", Self.clean.replacingOccurrences(of: "wait 4h", with: "wait 1d"))
    try commit("a day")
    try git(["tag", "calendar"])
    write("vstream.yml", "time:\n  hours-per-day: 8\n  days-per-week: 5\n")
    try commit("working days")
    let run = try vstream(["diff", "calendar", "HEAD"])
    XCTAssertEqual(run.status, 0, run.errors)
    // 30h57m -> 14h57m (16 h shorter: -51.7%), both printed in the head's days of 8 h (the legacy setting).
    XCTAssertTrue(
      run.output.contains("  lead time (main path)        3.9 d     1.9 d  -2 d (-51.7%)    better\n"), run.output)
    XCTAssertTrue(run.output.contains("  most of the change: fix -2 d\n"), run.output)
  }

  /// A small stream of its own, so that the pictures' marks don't depend on how the examples change.
  static func pictureStream(extraStep: Bool, wait: String) -> String {
    """
    ---
    vstream: 1
    ---
    stream reset "Reset a password"
    demand locked "A user is locked out"
    step verify "Verify the user"
      activity engage
      practices service-desk
      time 5m
      wait \(wait)
    \(extraStep ? "step notify \"Notify the user\"\n  activity engage\n  practices service-desk\n  time 2m\n  wait 1m\n" : "")
    step reset "Reset the password"
      activity deliver-and-support
      practices service-request-management
      time 5m
      wait 5m
    value working "User can sign in"
    flow locked -> verify -> \(extraStep ? "notify -> " : "")reset -> working

    """
  }

  func testPicturesMarkWhatChangedOnEachSide() throws {
    write("a.vstream", Self.pictureStream(extraStep: false, wait: "10m"))
    write("b.vstream", Self.pictureStream(extraStep: true, wait: "1h"))
    let run = try vstream(["diff", "a.vstream", "b.vstream", "--pictures", "pictures"])
    if run.status == 0, !FileManager.default.fileExists(atPath: folder + "/pictures/reset.svg"),
      (try? read("pictures/index.html"))?.contains("apt-get install graphviz") == true
    {
      throw XCTSkip("Graphviz is not installed")
    }
    XCTAssertEqual(run.status, 0, run.errors)
    let svg = try read("pictures/reset.svg")
    // The before picture comes first: the changed step and the arrow that went; then the after picture: the same
    // changed step, the new step and the two new arrows. Each nested picture is Graphviz's own drawing.
    guard let after = svg.range(of: ">After: b.vstream<") else { return XCTFail("no after caption:\n\(svg)") }
    let before = svg[..<after.lowerBound]
    let head = svg[after.upperBound...]
    XCTAssertTrue(before.contains(">Before: a.vstream<"))
    XCTAssertEqual(before.components(separatedBy: ">CHANGED<").count - 1, 1, "verify's wait changed")
    XCTAssertEqual(before.components(separatedBy: ">REMOVED<").count - 1, 1, "the arrow verify → reset went")
    XCTAssertEqual(before.components(separatedBy: ">NEW<").count - 1, 0)
    XCTAssertEqual(head.components(separatedBy: ">CHANGED<").count - 1, 1)
    XCTAssertEqual(head.components(separatedBy: ">NEW<").count - 1, 3, "the step notify and its two arrows")
    XCTAssertEqual(head.components(separatedBy: ">MOVED<").count - 1, 1, "reset: the same step, a new predecessor")
    XCTAssertEqual(svg.components(separatedBy: "<svg").count - 1, 3, "one picture holding the two sides")
    XCTAssertFalse(svg.contains(" id=\"graph0\""), "ids are prefixed per side, so they stay unique")
    let page = try read("pictures/index.html")
    XCTAssertTrue(page.contains("<h2>reset: Reset a password</h2>"), page)
    XCTAssertTrue(page.contains("+ notify &quot;Notify the user&quot;") || page.contains("+ notify"), page)
    XCTAssertTrue(page.contains("role=\"img\""), "the picture is inline, with a text alternative")
    // Nothing changed: the page says so and no picture is written.
    let same = try vstream(["diff", "a.vstream", "a.vstream", "--pictures", "same"])
    XCTAssertEqual(same.status, 0, same.errors)
    XCTAssertTrue(try read("same/index.html").contains("No change in meaning."))
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder + "/same"), ["index.html"])
  }

}

/// Small streams for the declaration-order test.
enum StreamSamples {
  static let small = """
    stream s "Small"

    demand d "Need"
    step a "First"
      activity engage
      practices service-desk
      time 1h
      wait 1h
    step b "Second"
      activity deliver-and-support
      practices incident-management
      time 1h
      wait 2h
    value v "Done"

    flow d -> a -> b -> v

    """

  static let smallReordered = """
    stream s "Small"
    value v "Done"
    step b "Second"
      activity deliver-and-support
      practices incident-management
      wait 2h
      time 60m
    demand d "Need"
    step a "First"
      activity engage
      practices service-desk
      time 1h
      wait 1h
    flow d -> a -> b -> v
    """
}
