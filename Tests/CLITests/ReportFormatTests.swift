import Foundation
import TestSupport
import XCTest

/// Each `check --format` read by what consumes it.
final class ReportFormatTests: CLITestCase {
  /// Two files with the same stream id (VS319, with a label in the other file), an error, a warning and a suppressed
  /// warning.
  func writeRepository() {
    write("s/broken.vstream", Self.broken)
    write("s/twin.vstream", Self.clean.replacingOccurrences(of: "time 2h\n", with: "time 3h\n"))
    write(
      "s/warning.vstream",
      Self.warningOnly.replacingOccurrences(
        of: "step confirm", with: "# vstream: allow no-practices -- mapped later\nstep confirm"))
  }

  func testJSONReportValidatesAgainstTheProjectSchema() throws {
    writeRepository()
    let run = try vstream(["check", "--format", "json=report.json", "s"])
    XCTAssertEqual(run.status, 1)
    XCTAssertEqual(run.output, "", "a format written to a file prints nothing")
    let report = try XCTUnwrap(
      try JSONSerialization.jsonObject(with: Data(try read("report.json").utf8)) as? [String: Any])
    let files = try XCTUnwrap(report["files"] as? [[String: Any]])
    XCTAssertEqual(files.map { $0["path"] as? String }, ["s/broken.vstream", "s/twin.vstream", "s/warning.vstream"])
    let schema = Repository.root.appendingPathComponent("specs/vstream.schema.json").path
    let validate = """
      import json, sys, jsonschema
      jsonschema.Draft202012Validator(json.load(open(sys.argv[1]))).validate(json.load(open(sys.argv[2])))
      """
    guard let status = try python(validate, [schema, folder + "/report.json"], module: "jsonschema") else {
      throw XCTSkip("python3 with jsonschema is not installed")
    }
    XCTAssertEqual(status, 0, "the check report does not validate against specs/vstream.schema.json")
  }

  func testSARIFWithRelatedLocationsAndSuppressionsValidates() throws {
    writeRepository()
    XCTAssertEqual(try vstream(["check", "--format", "sarif=out/vstream.sarif", "s"]).status, 1)
    let log = try XCTUnwrap(
      try JSONSerialization.jsonObject(with: Data(try read("out/vstream.sarif").utf8)) as? [String: Any])
    let results = try XCTUnwrap((log["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
    XCTAssertNotNil(results.first { $0["relatedLocations"] != nil }, "VS319 points at the other file")
    XCTAssertNotNil(results.first { $0["suppressions"] != nil }, "suppressed findings stay in SARIF, marked")
    try assertValidSARIF("out/vstream.sarif")
  }

  func testSeveralFormatsInOneRun() throws {
    writeRepository()
    let run = try vstream(["check", "--format", "gcc", "--format", "sarif=a.sarif", "--format", "human", "s"])
    XCTAssertEqual(run.status, 1)
    let gcc = try XCTUnwrap(run.output.range(of: "s/broken.vstream:44:8: error: expected a duration"), run.output)
    let human = try XCTUnwrap(run.output.range(of: "error[VS104]"), run.output)
    XCTAssertLessThan(gcc.lowerBound, human.lowerBound, "the formats come in the order asked for")
    XCTAssertTrue(run.output.hasSuffix("3 errors in 3 files\n"), run.output)
    XCTAssertTrue(try read("a.sarif").contains("\"version\": \"2.1.0\""))
    XCTAssertEqual(try vstream(["check", "--format", "sarif=", "s"]).status, 2, "an empty file name is a usage error")
  }

  func testQuietShowsOnlyErrorsAndTheSummary() throws {
    write("q/broken.vstream", Self.broken)
    write("q/warning.vstream", Self.warningOnly)
    let run = try vstream(["check", "--quiet", "q"])
    XCTAssertTrue(run.output.contains("error[VS104]"), run.output)
    XCTAssertFalse(run.output.contains("warning[VS401]"), run.output)
    XCTAssertTrue(
      run.output.hasSuffix("1 error, 1 warning in 2 files\n"), "the summary still counts warnings: \(run.output)")
  }

  func testSuppressedFindingsAreNeitherShownNorCounted() throws {
    write(
      "w.vstream",
      Self.warningOnly.replacingOccurrences(
        of: "step confirm", with: "# vstream: allow no-practices -- mapped later\nstep confirm"))
    for format in ["human", "gcc", "github"] {
      let run = try vstream(["check", "--werror", "--format", format, "w.vstream"])
      XCTAssertEqual(run.status, 0, "\(format): \(run.output)")
      XCTAssertFalse(run.output.contains("VS401"), "\(format): \(run.output)")
    }
    XCTAssertEqual(try vstream(["check", "w.vstream"]).output, "no problems in 1 file\n")
  }

  func testStepSummaryOnlyWithTheGitHubFormat() throws {
    write("b.vstream", Self.broken)
    write("summary.md", "")
    _ = try vstream(
      ["check", "--format", "gcc", "b.vstream"], environment: ["GITHUB_STEP_SUMMARY": folder + "/summary.md"])
    XCTAssertEqual(try read("summary.md"), "")
    try FileManager.default.createDirectory(atPath: folder + "/summary-folder", withIntermediateDirectories: true)
    let run = try vstream(
      ["check", "--format", "github", "b.vstream"], environment: ["GITHUB_STEP_SUMMARY": folder + "/summary-folder"])
    XCTAssertEqual(run.status, 2, "a summary that cannot be written is an I/O error")
    XCTAssertTrue(run.errors.contains("GITHUB_STEP_SUMMARY"), run.errors)
    XCTAssertTrue(run.output.hasPrefix("::error "), "the annotations are still printed: \(run.output)")
  }

  func testGitHubCommandsEscapeHostilePaths() throws {
    write("a,b: c%.vstream", Self.broken)
    let run = try vstream(["check", "--format", "github", "."])
    XCTAssertTrue(run.output.hasPrefix("::error file=a%2Cb%3A c%25.vstream,line=44,col=8,"), run.output)
  }

  func testColourOnATerminal() throws {
    let script = "/usr/bin/script"
    guard FileManager.default.isExecutableFile(atPath: script) else {
      throw XCTSkip("no script(1) to give vstream a terminal")
    }
    write("w.vstream", Self.warningOnly)
    func inTerminal(_ environment: [String: String]) throws -> String {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: script)
      process.arguments = ["-qec", "\(Self.binary) check w.vstream", "/dev/null"]
      process.currentDirectoryURL = URL(fileURLWithPath: folder)
      var env = ProcessInfo.processInfo.environment
      for key in ["NO_COLOR", "FORCE_COLOR", "TERM"] { env[key] = nil }
      env["TERM"] = "xterm"
      env.merge(environment) { $1 }
      process.environment = env
      let output = folder + "/terminal.txt"
      _ = FileManager.default.createFile(atPath: output, contents: nil)
      process.standardOutput = FileHandle(forWritingAtPath: output)
      process.standardInput = FileHandle.nullDevice
      try process.run()
      process.waitUntilExit()
      return try read("terminal.txt")
    }
    XCTAssertTrue(try inTerminal([:]).contains("\u{1B}["), "colour on a terminal")
    XCTAssertFalse(try inTerminal(["NO_COLOR": "1"]).contains("\u{1B}["), "NO_COLOR turns it off")
    XCTAssertTrue(try inTerminal(["NO_COLOR": ""]).contains("\u{1B}["), "an empty NO_COLOR does not")
  }

  /// The problem matcher that specs/cli.md documents is the file in `.github/`, and its pattern reads every gcc line.
  func testTheGitHubProblemMatcherReadsEveryGCCLine() throws {
    let file = Repository.root.appendingPathComponent(".github/vstream-matcher.json")
    let matcher = try XCTUnwrap(
      try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any], "the matcher file exists")
    let spec = try String(contentsOf: Repository.root.appendingPathComponent("specs/cli.md"), encoding: .utf8)
    let block = try XCTUnwrap(
      spec.components(separatedBy: "```json\n").dropFirst().first?.components(separatedBy: "```").first)
    XCTAssertEqual(
      try JSONSerialization.jsonObject(with: Data(block.utf8)) as? NSDictionary, matcher as NSDictionary,
      "specs/cli.md shows the file as it is")
    let pattern = try XCTUnwrap(
      ((matcher["problemMatcher"] as? [[String: Any]])?.first?["pattern"] as? [[String: Any]])?.first?["regexp"]
        as? String)
    let expression = try NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines])
    let examples = Repository.root.appendingPathComponent("examples/broken").path
    let lines = try vstream(["check", "--format", "gcc", examples]).output.split(separator: "\n").map(String.init)
    XCTAssertGreaterThan(lines.count, 5)
    for line in lines {
      let match = expression.firstMatch(in: line, range: NSRange(line.startIndex..., in: line))
      XCTAssertNotNil(match, line)
      XCTAssertEqual(match.flatMap { Range($0.range(at: 6), in: line) }.map { String(line[$0]) }?.hasPrefix("VS"), true)
    }
  }
}
