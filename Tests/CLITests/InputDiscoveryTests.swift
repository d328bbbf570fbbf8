import Foundation
import XCTest

/// How `check` (and `build`, `fmt`) find and read their inputs.
final class InputDiscoveryTests: CLITestCase {
  func testAFileReachedByTwoPathsIsCheckedOnce() throws {
    write("r/a/x.vstream", Self.clean)
    try FileManager.default.createDirectory(atPath: folder + "/r/b", withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(atPath: folder + "/r/b/link", withDestinationPath: "../a")
    for arguments in [["r"], ["r/b", "r/a"], ["r/a", "r/b"], ["r/a/x.vstream", "./r/a/x.vstream"]] {
      let run = try vstream(["check", "--format", "gcc"] + arguments)
      XCTAssertEqual(
        run.status, 0, "\(arguments): the file must not collide with itself (VS319): \(run.output)\(run.errors)")
      XCTAssertEqual(run.output, "", "\(arguments)")
    }
    let json = try vstream(["check", "--format", "json", "r/b", "r/a"]).output
    XCTAssertTrue(json.contains(#""path": "r/a/x.vstream""#), "the first path in sorted order is kept: \(json)")
  }

  func testBrokenLinksAndPipesInAFolderAreReportedNotWaitedFor() throws {
    write("s/ok.vstream", Self.clean)
    try FileManager.default.createSymbolicLink(
      atPath: folder + "/s/gone.vstream", withDestinationPath: "nowhere.vstream")
    try FileManager.default.createSymbolicLink(atPath: folder + "/s/gone.txt", withDestinationPath: "nowhere.txt")
    XCTAssertEqual(mkfifo(folder + "/s/pipe.vstream", 0o644), 0)
    let run = try vstream(["check", "s"])
    XCTAssertEqual(run.status, 2)
    XCTAssertTrue(run.errors.contains("error: s/gone.vstream: broken symbolic link\n"), run.errors)
    XCTAssertFalse(run.errors.contains("gone.txt"), "only .vstream names concern vstream")
    XCTAssertTrue(run.errors.contains("error: s/pipe.vstream: not a regular file"), run.errors)
    XCTAssertEqual(run.output, "no problems in 1 file\n")
  }

  func testFilesUnderDotAreNamedWithoutDotSlash() throws {
    write("streams/b.vstream", Self.broken)
    let run = try vstream(["check", "--format", "gcc", "."])
    XCTAssertTrue(run.output.hasPrefix("streams/b.vstream:"), run.output)
    // A leading `./` is dropped everywhere: GitHub annotations and SARIF name files as the repository does.
    for argument in ["./streams", ".//streams/", "./streams/b.vstream"] {
      let nested = try vstream(["check", "--format", "github", argument])
      XCTAssertTrue(nested.output.hasPrefix("::error file=streams/b.vstream,"), "\(argument): \(nested.output)")
    }
    let other = try vstream(["check", "--format", "gcc", "streams/../streams"])
    XCTAssertTrue(other.output.hasPrefix("streams/../streams/b.vstream:"), "other roots are kept as typed")
  }

  func testNodeModulesAndHiddenFilesAreSkipped() throws {
    write("p/node_modules/x/a.vstream", Self.broken)
    write("p/.hidden.vstream", Self.broken)
    write("p/real.vstream", Self.clean)
    let run = try vstream(["check", "p"])
    XCTAssertEqual(run.status, 0, run.output)
    XCTAssertEqual(run.output, "no problems in 1 file\n")
    // Named on the command line, a hidden file is read.
    XCTAssertEqual(try vstream(["check", "p/.hidden.vstream"]).status, 1)
  }

  func testStandardInputIsSizeLimitedAndNamed() throws {
    let run = try vstream(
      ["check", "--format", "gcc", "--max-file-size", "64", "-", "--stdin-filename", "in.vstream"], input: Self.clean)
    XCTAssertEqual(run.status, 1)
    XCTAssertTrue(run.output.hasPrefix("in.vstream:1:1: error: "), run.output)
    XCTAssertTrue(run.output.hasSuffix(", more than the limit of 64 bytes [VS003]\n"), run.output)
    let unnamed = try vstream(["check", "--format", "gcc", "-"], input: Self.broken)
    XCTAssertTrue(unnamed.output.hasPrefix("<stdin>:"), unnamed.output)
    XCTAssertEqual(try vstream(["check", "--max-file-size", "0", "-"], input: Self.clean).status, 2)
  }

  func testStandardInputUsesTheConfigurationWhereItsNamePoints() throws {
    write("repo/vstream.yml", "rules:\n  no-practices: error\n")
    try FileManager.default.createDirectory(atPath: folder + "/repo/streams", withIntermediateDirectories: true)
    let run = try vstream(
      ["check", "--format", "gcc", "-", "--stdin-filename", "repo/streams/w.vstream"], input: Self.warningOnly)
    XCTAssertEqual(run.status, 1, run.output)
    XCTAssertTrue(
      run.output.contains("repo/streams/w.vstream:64:6: error: step `confirm` names no practices [VS401]"), run.output)
  }

  func testOverridesMatchHoweverThePathIsSpelt() throws {
    write(
      "repo/vstream.yml",
      "rules:\n  no-practices: error\noverrides:\n  - paths: [\"legacy/**\"]\n    rules: { no-practices: off }\n")
    write(
      "repo/legacy/a.vstream",
      Self.warningOnly.replacingOccurrences(of: "stream warning-only", with: "stream legacy-one"))
    write("repo/new/b.vstream", Self.warningOnly)
    for root in ["repo", "./repo", folder + "/repo"] {
      let run = try vstream(["check", "--format", "gcc", root])
      let lines = run.output.split(separator: "\n")
      XCTAssertEqual(lines.count, 1, "\(root): \(run.output)")
      XCTAssertTrue(lines.first?.contains("new/b.vstream") == true, "\(root): \(run.output)")
    }
    let inside = try vstream(
      ["check", "--format", "gcc", "../legacy/a.vstream", "b.vstream"], in: folder + "/repo/new")
    XCTAssertEqual(inside.output.split(separator: "\n").count, 1, inside.output)
  }

  func testAnUnreadableConfigurationIsAnError() throws {
    write("c/vstream.yml", "rules: {}\n")
    write("c/a.vstream", Self.clean)
    chmod(folder + "/c/vstream.yml", 0)
    let run = try vstream(["check", "c"], unprivileged: true)
    XCTAssertEqual(run.status, 2)
    XCTAssertTrue(
      run.errors.contains("c/vstream.yml: cannot read the configuration file: permission denied"), run.errors)
    let explicit = try vstream(["check", "--config", "missing.yml", "c/a.vstream"])
    XCTAssertEqual(explicit.status, 2)
    XCTAssertTrue(explicit.errors.contains("missing.yml: cannot read the configuration file"), explicit.errors)
  }
}
