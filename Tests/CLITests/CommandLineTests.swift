import Foundation
import XCTest

/// What every command shares: help with examples, usage errors as exit status 2, outputs written atomically.
final class CommandLineTests: CLITestCase {
  static let commands = ["check", "build", "fmt", "explain", "practices", "activities", "init", "parse"]

  func testEveryCommandHasHelpWithExamples() throws {
    for command in Self.commands {
      let run = try vstream([command, "--help"])
      XCTAssertEqual(run.status, 0, command)
      XCTAssertTrue(run.output.contains("  vstream \(command)"), "\(command) --help shows an example: \(run.output)")
    }
    for command in ["check", "build", "fmt"] {
      XCTAssertTrue(
        try vstream([command, "--help"]).output.contains("Exit status: 0"), "\(command) documents its exit codes")
    }
    let root = try vstream(["--help"])
    XCTAssertTrue(root.output.contains("Exit status: 0"), root.output)
    for command in Self.commands { XCTAssertTrue(root.output.contains("  \(command) "), "\(command) is listed") }
  }

  func testUsageErrorsExitWithTwoOnEveryCommand() throws {
    let mistakes = [
      ["bogus"], ["check", "--no-such-option"], ["check", "--color", "sometimes"], ["check", "--max-file-size", "0"],
      ["build", "--format", "pdf"], ["build", "--theme", "neon"], ["fmt", "--flow-width", "0"], ["explain"],
      ["practices", "extra"], ["activities", "--table"], ["init"], ["init", "1-bad name"], ["parse"],
    ]
    for arguments in mistakes {
      let run = try vstream(arguments)
      XCTAssertEqual(run.status, 2, "\(arguments): \(run.errors)")
      XCTAssertEqual(run.output, "", "\(arguments): usage errors go to standard error")
      XCTAssertFalse(run.errors.isEmpty, "\(arguments)")
    }
  }

  func testParsePrintsTheTreeAndFailsOnErrors() throws {
    write("b.vstream", Self.broken)
    let run = try vstream(["parse", "b.vstream"])
    XCTAssertEqual(run.status, 1)
    XCTAssertNotNil(try JSONSerialization.jsonObject(with: Data(run.output.utf8)), "the tree is JSON even with errors")
    XCTAssertTrue(run.errors.contains("error[VS104]"), run.errors)
    let piped = try vstream(["parse", "-"], input: Self.clean)
    XCTAssertEqual(piped.status, 0, piped.errors)
    XCTAssertEqual(piped.errors, "")
    XCTAssertEqual(try vstream(["parse", "."]).status, 2, "a folder is not a file")
  }

  func testInitEscapesTheTitleAndAcceptsAFolder() throws {
    let title = #"He said "hi" \ # not a comment"#
    let run = try vstream(["init", "odd-title", "--title", title])
    XCTAssertEqual(run.status, 0, run.errors)
    let check = try vstream(["check", "--werror", "--format", "json", "odd-title.vstream"])
    XCTAssertEqual(check.status, 0, check.output)
    let tree = try vstream(["parse", "odd-title.vstream"]).output
    XCTAssertTrue(tree.contains(#""He said \"hi\" \\ # not a comment""#), "the title survives as written: \(tree)")
    try FileManager.default.createDirectory(atPath: folder + "/streams", withIntermediateDirectories: true)
    XCTAssertEqual(try vstream(["init", "in-folder", "--out", "streams"]).status, 0)
    XCTAssertTrue(FileManager.default.fileExists(atPath: folder + "/streams/in-folder.vstream"))
    XCTAssertEqual(try listing().filter { $0.contains(".tmp") || $0.hasPrefix(".") }, [], "no temporary files left")
  }

  func testBuildIntoAReadOnlyFolderFailsCleanly() throws {
    write("s.vstream", Self.clean)
    write("site/restore-live-service.md", "old content\n")
    chmod(folder + "/site", 0o555)
    let run = try vstream(
      ["build", "s.vstream", "--format", "dot", "--format", "md", "--out", "site"], unprivileged: true)
    XCTAssertEqual(run.status, 2)
    XCTAssertTrue(run.errors.contains("cannot write in site: permission denied"), run.errors)
    XCTAssertEqual(try listing("site"), ["restore-live-service.md"], "nothing half-written, no temporary file")
    XCTAssertEqual(try read("site/restore-live-service.md"), "old content\n", "the old output is kept whole")
    let nested = try vstream(["build", "s.vstream", "--format", "md", "--out", "site/deeper"], unprivileged: true)
    XCTAssertEqual(nested.status, 2)
    XCTAssertTrue(nested.errors.contains("permission denied"), nested.errors)
    let sarif = try vstream(["check", "--format", "sarif=site/x.sarif", "s.vstream"], unprivileged: true)
    XCTAssertEqual(sarif.status, 2)
    XCTAssertEqual(try listing("site"), ["restore-live-service.md"])
  }

  func testBuildPNGNeedsGraphviz() throws {
    write("s.vstream", Self.clean)
    let run = try vstream(["build", "s.vstream", "--format", "png", "--out", "site"])
    if run.status == 2 && run.errors.contains("apt-get install graphviz") { throw XCTSkip("Graphviz is not installed") }
    XCTAssertEqual(run.status, 0, run.errors)
    let data = try XCTUnwrap(FileManager.default.contents(atPath: folder + "/site/restore-live-service.png"))
    XCTAssertEqual(Array(data.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "a PNG signature")
    let missing = try vstream(["build", "s.vstream", "--format", "svg"], environment: ["PATH": "/nonexistent"])
    XCTAssertEqual(missing.status, 2)
    XCTAssertTrue(missing.errors.contains("apt-get install graphviz"), missing.errors)
  }

  func testFmtWritesThroughLinksAndKeepsPermissions() throws {
    write("f/real.vstream", "stream s\ndemand d\nstep a\n    time 90m\n  activity engage\nvalue v\n")
    chmod(folder + "/f/real.vstream", 0o640)
    try FileManager.default.createSymbolicLink(atPath: folder + "/f/link.vstream", withDestinationPath: "real.vstream")
    let run = try vstream(["fmt", "f/link.vstream"])
    XCTAssertEqual(run.status, 0, run.errors)
    let attributes = try FileManager.default.attributesOfItem(atPath: folder + "/f/link.vstream")
    XCTAssertEqual(attributes[.type] as? FileAttributeType, .typeSymbolicLink, "the link is still a link")
    XCTAssertTrue(try read("f/real.vstream").contains("  time 1h30m\n"))
    let mode = try FileManager.default.attributesOfItem(atPath: folder + "/f/real.vstream")[.posixPermissions] as? Int
    XCTAssertEqual(mode, 0o640)
    XCTAssertEqual(try listing("f"), ["link.vstream", "real.vstream"])
  }

  func testFmtRefusesFilesOverTheSizeLimit() throws {
    write("big.vstream", "stream s\ndemand d\nstep a\n    time 90m\nvalue v\n")
    let run = try vstream(["fmt", "--max-file-size", "10", "big.vstream"])
    XCTAssertEqual(run.status, 1)
    XCTAssertTrue(run.errors.contains("VS003"), run.errors)
    XCTAssertTrue(try read("big.vstream").contains("    time 90m"), "not rewritten")
  }
}
