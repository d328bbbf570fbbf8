import Foundation
import TestSupport
import XCTest

final class CLITests: CLITestCase {
  func testExitCodes() throws {
    write("clean.vstream", Self.clean)
    write("warning.vstream", Self.warningOnly)
    write("broken.vstream", Self.broken)
    XCTAssertEqual(try vstream(["check", "clean.vstream"]).status, 0)
    XCTAssertEqual(try vstream(["check", "warning.vstream"]).status, 0)
    XCTAssertEqual(try vstream(["check", "--werror", "warning.vstream"]).status, 1)
    XCTAssertEqual(try vstream(["check", "broken.vstream"]).status, 1)
    let missing = try vstream(["check", "nowhere.vstream"])
    XCTAssertEqual(missing.status, 2)
    XCTAssertTrue(missing.errors.contains("nowhere.vstream"), missing.errors)
    XCTAssertEqual(missing.output, "", "no summary when nothing could be read")
    XCTAssertEqual(
      try vstream(["check", "--no-such-option"]).status, 2, "usage errors are 2, not swift-argument-parser's 64")
    XCTAssertEqual(try vstream(["check", "--format", "xml", "clean.vstream"]).status, 2)
    XCTAssertEqual(try vstream(["explain", "VS999"]).status, 2)
    try FileManager.default.createDirectory(atPath: folder + "/empty", withIntermediateDirectories: true)
    let empty = try vstream(["check", "empty"])
    XCTAssertEqual(empty.status, 2)
    XCTAssertTrue(empty.errors.contains("no .vstream files"), empty.errors)
    XCTAssertEqual(try vstream(["--version"]).output, "vstream 0.1.0\n")
  }

  func testUnreadableFilesAreReportedAndTheRestStillChecked() throws {
    write("dir/ok.vstream", Self.broken)
    write("dir/secret.vstream", Self.clean)
    write("dir/locked/inner.vstream", Self.clean)
    chmod(folder + "/dir/secret.vstream", 0)
    chmod(folder + "/dir/locked", 0)
    let run = try vstream(["check", "--format", "gcc", "dir"], unprivileged: true)
    XCTAssertEqual(run.status, 2, "an unreadable input wins over findings")
    XCTAssertTrue(
      run.errors.contains("error: dir/secret.vstream: cannot read the file: permission denied\n"), run.errors)
    XCTAssertTrue(run.errors.contains("error: dir/locked: cannot read the folder: permission denied\n"), run.errors)
    XCTAssertTrue(run.output.hasPrefix("dir/ok.vstream:"), "the readable file is still checked: \(run.output)")
    let explicit = try vstream(["check", "dir/secret.vstream"], unprivileged: true)
    XCTAssertEqual(explicit.status, 2)
    XCTAssertTrue(explicit.errors.contains("dir/secret.vstream"), explicit.errors)
  }

  /// A large file is mapped instead of read, and parsed in pieces (`LargeFile.isLarge`): what it reports, and what
  /// `fmt` makes of it, must not depend on that. Standard input is always read.
  func testALargeFileReportsTheSameMappedAsRead() throws {
    var text = "stream large \"Large\"\ndemand d \"D\"\n"
    for index in 0..<55_000 {
      text += "step s\(index) \"Step \(index)\"\n  activity engage\n  practices service-desk\n"
      text += index % 5_000 == 7 ? "  time 2 hours\n" : "  time 5m\n"
    }
    text += "value v \"V\"\nflow d -> s0 -> v\nflow d -> s54999 -> nowhere\n"
    XCTAssertGreaterThan(text.utf8.count, 4 << 20, "large enough to be mapped")
    write("large.vstream", text)
    let mapped = try vstream(["check", "--format", "gcc", "large.vstream"])
    let piped = try vstream(["check", "--format", "gcc", "-", "--stdin-filename", "large.vstream"], input: text)
    XCTAssertEqual(mapped.status, 1)
    XCTAssertEqual(mapped.output, piped.output)
    XCTAssertEqual(mapped.status, piped.status)
    XCTAssertEqual(mapped.output.components(separatedBy: "VS104").count - 1, 11, mapped.output)
    XCTAssertTrue(
      mapped.output.contains("large.vstream:220005:21: error: `nowhere`"), "the last line: \(mapped.output)")
    // Rewriting a mapped file replaces it: the new text is whole, the text formatting standard input gives, and a
    // second run finds nothing to change.
    let messy = text.replacingOccurrences(of: "  activity engage\n", with: "   activity   engage\n")
      .replacingOccurrences(of: "  time 2 hours\n", with: "  time 2h\n")
    write("messy.vstream", messy)
    let expected = try vstream(["fmt", "-"], input: messy)
    XCTAssertEqual(expected.status, 0, expected.errors)
    XCTAssertNotEqual(expected.output, messy)
    let formatted = try vstream(["fmt", "messy.vstream"])
    XCTAssertEqual(formatted.status, 0, formatted.errors)
    XCTAssertEqual(try read("messy.vstream"), expected.output)
    XCTAssertEqual(try vstream(["fmt", "--check", "messy.vstream"]).status, 0)
    write("my messy.vstream", messy)
    let check = try vstream(["fmt", "--check", "my messy.vstream", "messy.vstream"])
    XCTAssertEqual(check.status, 1)
    XCTAssertEqual(check.output, "my messy.vstream\n", "the unformatted files, one a line, for scripts")
    XCTAssertEqual(
      check.errors,
      "1 file is not formatted: run `vstream fmt 'my messy.vstream'` to format, or `vstream fmt --diff` to see the "
        + "changes\n")
  }

  func testSummaryLine() throws {
    write("a/broken.vstream", Self.broken)
    write("a/warning.vstream", Self.warningOnly)
    let run = try vstream(["check", "a"])
    XCTAssertTrue(run.output.hasSuffix("1 error, 1 warning in 2 files\n"), run.output)
    write("b/clean.vstream", Self.clean)
    XCTAssertEqual(try vstream(["check", "b"]).output, "no problems in 1 file\n")
  }

  func testGCCLinesMatchAProblemMatcher() throws {
    write("s/broken.vstream", Self.broken)
    write("s/warning.vstream", Self.warningOnly)
    let run = try vstream(["check", "--format", "gcc", "s"])
    let pattern = try NSRegularExpression(pattern: #"^(.+):(\d+):(\d+): (error|warning|note): (.+) \[(VS\d+)\]$"#)
    let lines = run.output.split(separator: "\n").map(String.init)
    XCTAssertEqual(lines.count, 2)
    for line in lines {
      XCTAssertNotNil(pattern.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)), line)
    }
    XCTAssertEqual(
      lines[0], "s/broken.vstream:44:8: error: expected a duration such as `5m` or `1h30m`, found `2 hours` [VS104]")
  }

  func testGitHubCommandsAndStepSummary() throws {
    write("s/broken.vstream", Self.broken)
    write("summary.md", "# earlier content\n")
    let run = try vstream(
      ["check", "--format", "github", "s"], environment: ["GITHUB_STEP_SUMMARY": folder + "/summary.md"])
    let pattern = try NSRegularExpression(
      pattern: #"^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[^:]+::.+$"#)
    let line = run.output.trimmingCharacters(in: .newlines)
    XCTAssertNotNil(pattern.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)), line)
    XCTAssertTrue(
      line.hasPrefix(
        "::error file=s/broken.vstream,line=44,col=8,endLine=44,endColumn=15,title=VS104 invalid-duration::"), line)
    XCTAssertFalse(line.contains("\n"))
    let summary = try String(contentsOfFile: folder + "/summary.md", encoding: .utf8)
    XCTAssertTrue(summary.hasPrefix("# earlier content\n### vstream check"), summary)
    XCTAssertTrue(summary.contains("| s/broken.vstream | 44 | error | VS104 |"), summary)
  }

  func testSARIFValidatesAgainstTheOfficialSchema() throws {
    write("s/broken.vstream", Self.broken)
    write(
      "s/suppressed.vstream",
      Self.warningOnly.replacingOccurrences(
        of: "step confirm", with: "# vstream: allow no-practices -- mapped later\nstep confirm"))
    let run = try vstream(["check", "--format", "sarif=out.sarif", "--format", "gcc", "s"])
    XCTAssertEqual(run.status, 1)
    let sarif = try String(contentsOfFile: folder + "/out.sarif", encoding: .utf8)
    let document = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
    let runs = try XCTUnwrap(document["runs"] as? [[String: Any]])
    let results = try XCTUnwrap(runs[0]["results"] as? [[String: Any]])
    XCTAssertEqual(results.count, 2)
    XCTAssertNotNil(results.first { $0["suppressions"] != nil }, "suppressed findings stay in SARIF, marked")
    try assertValidSARIF("out.sarif")
  }

  func testColourOnlyWhenWanted() throws {
    write("w.vstream", Self.warningOnly)
    XCTAssertFalse(try vstream(["check", "w.vstream"]).output.contains("\u{1B}["), "no colour in a pipe")
    XCTAssertTrue(try vstream(["check", "w.vstream"], environment: ["FORCE_COLOR": "1"]).output.contains("\u{1B}["))
    XCTAssertFalse(
      try vstream(["check", "--color", "never", "w.vstream"], environment: ["FORCE_COLOR": "1"]).output.contains(
        "\u{1B}["))
    XCTAssertTrue(try vstream(["check", "--color", "always", "w.vstream"]).output.contains("\u{1B}["))
    XCTAssertFalse(try vstream(["check", "w.vstream"], environment: ["NO_COLOR": "1"]).output.contains("\u{1B}["))
  }

  func testStandardInputWithAName() throws {
    let run = try vstream(
      ["check", "--format", "gcc", "-", "--stdin-filename", "streams/restore.vstream"], input: Self.broken)
    XCTAssertEqual(run.status, 1)
    XCTAssertTrue(run.output.hasPrefix("streams/restore.vstream:44:8: error:"), run.output)
  }

  func testFolderWalkSkipsHiddenAndBuildFoldersAndSurvivesSymlinkLoops() throws {
    write("repo/streams/a.vstream", Self.clean)
    write("repo/.git/b.vstream", Self.broken)
    write("repo/.build/c.vstream", Self.broken)
    write("repo/streams/notes.txt", "not a stream")
    try FileManager.default.createSymbolicLink(
      atPath: folder + "/repo/streams/loop", withDestinationPath: folder + "/repo/streams")
    let run = try vstream(["check", "repo"])
    XCTAssertEqual(run.status, 0, run.output + run.errors)
    XCTAssertTrue(run.output.hasSuffix("in 1 file\n"), run.output)
  }

  func testOutputDoesNotDependOnArgumentOrder() throws {
    write("x/b.vstream", Self.broken)
    write("x/a.vstream", Self.warningOnly)
    let first = try vstream(["check", "--format", "json", "x/b.vstream", "x/a.vstream"]).output
    let second = try vstream(["check", "--format", "json", "x/a.vstream", "x/b.vstream"]).output
    XCTAssertEqual(first, second)
  }

  func testBuildWritesAtomicallyAndOnlyWhatChanged() throws {
    write("streams/restore.vstream", Self.clean)
    write(
      "streams/other.vstream", Self.clean.replacingOccurrences(of: "stream restore-live-service", with: "stream other"))
    let first = try vstream([
      "build", "streams", "--format", "dot", "--format", "md", "--format", "json", "--out", "site",
    ])
    XCTAssertEqual(first.status, 0, first.errors)
    let files = try FileManager.default.contentsOfDirectory(atPath: folder + "/site").sorted()
    XCTAssertEqual(
      files,
      [
        "index.md", "other.dot", "other.json", "other.md", "portfolio.json", "practices.md",
        "restore-live-service.dot", "restore-live-service.json", "restore-live-service.md",
      ])
    XCTAssertTrue(first.errors.contains("(9 files changed)"), first.errors)
    let second = try vstream([
      "build", "streams", "--format", "dot", "--format", "md", "--format", "json", "--out", "site",
    ])
    XCTAssertTrue(second.errors.contains("(0 files changed)"), second.errors)
    // One file built alone gives the same bytes as the same file in a folder build.
    let single = try vstream(["build", "streams/restore.vstream", "--format", "dot"])
    XCTAssertEqual(
      single.output, try String(contentsOfFile: folder + "/site/restore-live-service.dot", encoding: .utf8))
  }

  /// `--samples` sets the Monte Carlo's items; 0 leaves the distribution out; the figures are the same every run.
  func testBuildSimulatesTheLeadTimeWithSamples() throws {
    write("s.vstream", Self.clean.replacingOccurrences(of: "wait 4h", with: "wait 2h..6h"))
    let first = try vstream(["build", "s.vstream", "--format", "json", "--samples", "500"])
    XCTAssertEqual(first.status, 0, first.errors)
    XCTAssertTrue(first.output.contains("\"samples\": 500"), first.output)
    XCTAssertEqual(try vstream(["build", "s.vstream", "--format", "json", "--samples", "500"]).output, first.output)
    let markdown = try vstream(["build", "s.vstream", "--format", "md"])
    XCTAssertTrue(markdown.output.contains("A Monte Carlo of 10000 items"), "10,000 by default")
    let none = try vstream(["build", "s.vstream", "--format", "md", "--samples", "0"])
    XCTAssertFalse(none.output.contains("Lead time distribution"), none.output)
    XCTAssertEqual(try vstream(["build", "s.vstream", "--samples", "-1"]).status, 2)
  }

  func testBuildRefusesAnOutputThatIsAFileAndLeavesNothingBehind() throws {
    write("s.vstream", Self.clean)
    write("taken", "a file")
    let run = try vstream(["build", "s.vstream", "--format", "all", "--out", "taken"])
    XCTAssertEqual(run.status, 2)
    XCTAssertTrue(run.errors.contains("is a file"), run.errors)
    let under = try vstream(["build", "s.vstream", "--format", "md", "--out", "taken/site"])
    XCTAssertEqual(under.status, 2)
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder).sorted(), ["s.vstream", "taken"])
  }

  /// The outputs are written as one batch: when one of them cannot be written (its name is taken by a folder), no
  /// output changes and no temporary file is left behind.
  func testBuildThatCannotWriteOneOutputChangesNone() throws {
    write("streams/restore.vstream", Self.clean)
    write(
      "streams/other.vstream", Self.clean.replacingOccurrences(of: "stream restore-live-service", with: "stream other"))
    write("site/other.md", "old content\n")
    try FileManager.default.createDirectory(
      atPath: folder + "/site/restore-live-service.md", withIntermediateDirectories: true)
    let run = try vstream(["build", "streams", "--format", "dot", "--format", "md", "--out", "site"])
    XCTAssertEqual(run.status, 2, run.errors)
    XCTAssertTrue(run.errors.contains("is a folder"), run.errors)
    XCTAssertEqual(
      try FileManager.default.contentsOfDirectory(atPath: folder + "/site").sorted(),
      ["other.md", "restore-live-service.md"])
    XCTAssertEqual(try String(contentsOfFile: folder + "/site/other.md", encoding: .utf8), "old content\n")
  }

  func testBuildFormatsAllAndPNGAndWithoutGraphvizWritesTheRest() throws {
    write("s/a.vstream", Self.clean)
    write("s/b.vstream", Self.broken.replacingOccurrences(of: "stream restore-live-service", with: "stream b"))
    // Several streams without --out: the usage error comes first, not after the findings.
    let usage = try vstream(["build", "s"])
    XCTAssertEqual(usage.status, 2)
    XCTAssertEqual(usage.errors, "error: several streams or formats need --out DIR\n")
    // Without Graphviz, what needs none is written and the rest is reported once.
    let bare = try vstream(
      ["build", "s/a.vstream", "--format", "all", "--out", "bare"], environment: ["PATH": "/nonexistent"])
    XCTAssertEqual(bare.status, 2)
    XCTAssertTrue(bare.errors.contains("error: no svg written: Graphviz's `dot` is not installed"), bare.errors)
    for name in [
      "restore-live-service.dot", "restore-live-service.md", "restore-live-service.json", "restore-live-service.html",
    ] {
      XCTAssertTrue(FileManager.default.fileExists(atPath: folder + "/bare/" + name), name)
    }
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/dot") else {
      throw XCTSkip("Graphviz is not installed")
    }
    XCTAssertEqual(
      try vstream(["build", "s/a.vstream", "--format", "all", "--format", "png", "--out", "site"]).status, 0)
    XCTAssertTrue(FileManager.default.fileExists(atPath: folder + "/site/restore-live-service.png"), "png beside all")
    XCTAssertTrue(FileManager.default.fileExists(atPath: folder + "/site/restore-live-service.svg"))
  }

  func testBuildLayoutsLanesMapsAndSite() throws {
    write("s/a.vstream", Self.clean)
    let topDown = try vstream(["build", "s/a.vstream", "--format", "dot", "--layout", "tb"])
    XCTAssertTrue(topDown.output.contains("rankdir=TB"), topDown.output)
    XCTAssertTrue(
      try vstream(["build", "s/a.vstream", "--format", "dot", "--layout", "lr"]).output.contains("rankdir=LR"))
    let roles = try vstream(["build", "s/a.vstream", "--format", "dot", "--lanes", "role"]).output
    XCTAssertTrue(roles.contains("Service desk agent"), "a lane per role")
    XCTAssertEqual(try vstream(["build", "s/a.vstream", "--format", "dot", "--lanes", "sideways"]).status, 2)
    let map = try vstream(["build", "s/a.vstream", "--format", "vsm"])
    XCTAssertTrue(map.output.hasPrefix("<svg") || map.output.contains("<svg"), "the value-stream map is SVG")
    XCTAssertTrue(map.output.contains("Lead time"))
    let site = try vstream(["build", "s", "--format", "html", "--out", "site"])
    XCTAssertEqual(site.status, 0, site.errors)
    for page in ["index.html", "practices.html", "restore-live-service.html"] {
      let html = try read("site/" + page)
      XCTAssertTrue(html.contains("Content-Security-Policy"), page)
      // Namespaces (xmlns="http://www.w3.org/...") are names, not requests: only src and href could fetch.
      XCTAssertNil(
        html.range(of: #"(src|href)\s*=\s*["']?(https?:)?//"#, options: .regularExpression),
        "no outside request: \(page)")
    }
    XCTAssertEqual(try vstream(["build", "s/a.vstream", "--format", "html"]).status, 2, "a site needs --out")
  }

  func testBuildReportsBrokenStreamsAndBuildsTheRest() throws {
    write("m/good.vstream", Self.clean)
    write("m/bad.vstream", Self.broken.replacingOccurrences(of: "stream restore-live-service", with: "stream bad"))
    let run = try vstream(["build", "m", "--format", "json", "--out", "site"])
    XCTAssertEqual(run.status, 1)
    XCTAssertTrue(run.errors.contains("VS104"), run.errors)
    XCTAssertTrue(FileManager.default.fileExists(atPath: folder + "/site/restore-live-service.json"))
    XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/site/bad.json"))
  }

  func testInitWritesAStreamThatPassesCheckAndNeverOverwrites() throws {
    XCTAssertEqual(try vstream(["init", "onboard-contractor", "--title", "Onboard a contractor"]).status, 0)
    let check = try vstream(["check", "--werror", "onboard-contractor.vstream"])
    XCTAssertEqual(check.status, 0, check.output)
    XCTAssertEqual(check.output, "no problems in 1 file\n")
    XCTAssertEqual(try vstream(["init", "onboard-contractor"]).status, 2)
    XCTAssertEqual(try vstream(["init", "1-bad name"]).status, 2)
    // A folder written as one, missing or not, gets NAME.vstream inside.
    XCTAssertEqual(try vstream(["init", "intake", "--out", "new/dir/"]).status, 0)
    XCTAssertTrue(FileManager.default.fileExists(atPath: folder + "/new/dir/intake.vstream"))
  }

  func testExplainAndCatalogues() throws {
    let explain = try vstream(["explain", "no-practices"])
    XCTAssertTrue(explain.output.hasPrefix("VS401 no-practices (warning, configurable)"), explain.output)
    XCTAssertTrue(explain.output.contains("This triggers it:"))
    let typo = try vstream(["chek", "a.vstream"])
    XCTAssertEqual(typo.status, 2)
    XCTAssertTrue(typo.errors.hasSuffix("did you mean `vstream check`?\n"), typo.errors)
    XCTAssertFalse(try vstream(["zzzz"]).errors.contains("did you mean"), "no guess for what is close to nothing")
    XCTAssertTrue(try vstream(["explain", "104"]).output.hasPrefix("VS104 invalid-duration"), "a code without VS")
    XCTAssertTrue(try vstream(["explain", "vs104"]).output.hasPrefix("VS104 invalid-duration"))
    let list = try vstream(["explain", "--list"]).output.split(separator: "\n")
    XCTAssertGreaterThan(list.count, 60)
    // Every name is followed by at least two spaces, so the longest one does not run into the severity column.
    for line in list {
      let columns = line.split(separator: " ", omittingEmptySubsequences: true)
      XCTAssertTrue(["error", "warning", "note"].contains(String(columns[2])), String(line))
    }
    let practices =
      try JSONSerialization.jsonObject(with: Data(try vstream(["practices", "--json"]).output.utf8)) as? [[String: Any]]
    XCTAssertEqual(practices?.count, 34)
    let activities =
      try JSONSerialization.jsonObject(with: Data(try vstream(["activities", "--json"]).output.utf8))
      as? [[String: Any]]
    XCTAssertEqual(activities?.count, 6)
  }

  func testFixRewritesWhatKeepsItsMeaningAndUnsafeFixesTakeTheOneCandidate() throws {
    let text = """
      ---
      title: T
      owner: O
      ---
      stream s "S"
      demand d "D"
        from "Customer"
      step a "A"
        activity Engage
        practices change-control, change-enablement, incident-managment
      value v "V"
        for "Customer"

      """
    write("a.vstream", text)
    try vstream(["check", "--format", "sarif=a.sarif", "a.vstream"])
    try assertValidSARIF("a.sarif")
    XCTAssertTrue(try read("a.sarif").contains("\"insertedContent\""), "fixes reach SARIF")
    XCTAssertEqual(try vstream(["check", "--unsafe-fixes", "a.vstream"]).status, 2, "--unsafe-fixes needs --fix")
    let safe = try vstream(["check", "--fix", "a.vstream"])
    XCTAssertEqual(safe.status, 1, "the typo is only a guess: it stays")
    XCTAssertTrue(safe.errors.contains("fixed 2 problems in 1 file"), "the alias, then its repeat: \(safe.errors)")
    XCTAssertTrue(try read("a.vstream").contains("  practices change-enablement, incident-managment\n"))
    XCTAssertTrue(safe.output.contains("VS309"), "the report is about the fixed file: \(safe.output)")
    let unsafe = try vstream(["check", "--fix", "--unsafe-fixes", "a.vstream"])
    XCTAssertEqual(unsafe.status, 0, unsafe.output)
    XCTAssertTrue(try read("a.vstream").contains("  practices change-enablement, incident-management\n"))
    let again = try vstream(["check", "--fix", "--unsafe-fixes", "a.vstream"])
    XCTAssertTrue(again.errors.contains("fixed 0 problems in 0 files"), again.errors)
  }

  func testPracticesListTheOrganisationsOwn() throws {
    write("repo/vstream.yml", "practices:\n  - id: vendor-onboarding\n    name: Vendor onboarding\n")
    write("repo/streams/.keep", "")
    let table = try vstream(["practices"], in: folder + "/repo/streams")
    XCTAssertTrue(table.output.contains("The organisation's own practices\n  vendor-onboarding"), table.output)
    let json = try vstream(["practices", "--json", "--config", "repo/vstream.yml"])
    let listed = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [[String: Any]]
    XCTAssertEqual(listed?.count, 35)
    XCTAssertEqual(listed?.last?["id"] as? String, "vendor-onboarding")
    XCTAssertEqual(listed?.last?["custom"] as? Bool, true)
    XCTAssertFalse(try vstream(["practices"]).output.contains("own practices"), "none without a vstream.yml")
  }

  func testConfigurationIsFoundByWalkingUp() throws {
    write("repo/vstream.yml", "rules:\n  no-practices: error\n")
    write("repo/streams/deep/w.vstream", Self.warningOnly)
    let run = try vstream(["check", "--format", "gcc", "repo/streams"])
    XCTAssertEqual(run.status, 1, run.output)
    XCTAssertTrue(run.output.contains("error: step `confirm` names no practices [VS401]"), run.output)
    write("repo/other.yml", "rules:\n  no-practices: off\n")
    XCTAssertEqual(
      try vstream(["check", "--config", "repo/other.yml", "repo/streams"]).output, "no problems in 1 file\n")
  }

  func testHugeAndBinaryFilesGiveClearErrors() throws {
    _ = FileManager.default.createFile(
      atPath: folder + "/binary.vstream", contents: Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919) }))
    let binary = try vstream(["check", "--format", "gcc", "binary.vstream"])
    XCTAssertEqual(binary.status, 1)
    XCTAssertTrue(binary.output.contains("[VS001]") || binary.output.contains("[VS002]"), binary.output)
    write("big.vstream", Self.clean)
    let big = try vstream(["check", "--format", "gcc", "--max-file-size", "100", "big.vstream"])
    XCTAssertEqual(big.status, 1)
    XCTAssertTrue(big.output.contains("[VS003]"), big.output)
  }
}

final class FormatCommandTests: CLITestCase {
  func run(_ arguments: [String], input: String = "") throws -> Run {
    try vstream(arguments, input: input)
  }

  let messy = "stream s\ndemand d\nstep a   # why\n    time 90m\n  activity obtain/build\nvalue v\n"
  let tidy = "stream s\ndemand d\nstep a  # why\n  activity obtain-build\n  time 1h30m\n\nvalue v\n"

  func testCheckDiffWriteAndStandardInput() throws {
    _ = FileManager.default.createFile(atPath: folder + "/a.vstream", contents: Data(messy.utf8))
    _ = FileManager.default.createFile(atPath: folder + "/b.vstream", contents: Data(tidy.utf8))
    let check = try run(["fmt", "--check", "."])
    XCTAssertEqual(check.status, 1)
    XCTAssertEqual(check.output, "a.vstream\n", "`.` lists bare paths, as annotations and SARIF want")
    let diff = try run(["fmt", "--diff", "a.vstream"])
    XCTAssertEqual(diff.status, 1)
    XCTAssertTrue(diff.output.hasPrefix("--- a/a.vstream\n+++ b/a.vstream\n@@"), diff.output)
    XCTAssertEqual(
      try String(contentsOfFile: folder + "/a.vstream", encoding: .utf8), messy, "--check and --diff never write")
    XCTAssertEqual(try run(["fmt", "a.vstream"]).status, 0)
    XCTAssertEqual(try String(contentsOfFile: folder + "/a.vstream", encoding: .utf8), tidy)
    XCTAssertEqual(try run(["fmt", "--check", "."]).status, 0)
    let piped = try run(["fmt", "-"], input: messy)
    XCTAssertEqual(piped.output, tidy)
  }

  func testSyntaxErrorsAreNeverRewritten() throws {
    let broken = "stream s\nstep a\n  time 5 minutes\n"
    _ = FileManager.default.createFile(atPath: folder + "/broken.vstream", contents: Data(broken.utf8))
    let result = try run(["fmt", "broken.vstream"])
    XCTAssertEqual(result.status, 1)
    XCTAssertTrue(result.errors.contains("VS104"), result.errors)
    XCTAssertEqual(try String(contentsOfFile: folder + "/broken.vstream", encoding: .utf8), broken)
  }

  func testTheExamplesAreFormatted() throws {
    let examples = Repository.root.appendingPathComponent("examples")
    let files = try FileManager.default.contentsOfDirectory(atPath: examples.path).filter { $0.hasSuffix(".vstream") }
    XCTAssertGreaterThanOrEqual(files.count, 4)
    let result = try run(["fmt", "--check"] + files.map { examples.appendingPathComponent($0).path })
    XCTAssertEqual(result.status, 0, "run `vstream fmt examples/`: \(result.output)")
  }
}
