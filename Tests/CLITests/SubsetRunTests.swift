import Foundation
import XCTest

/// A run of some files of a repository reads the repository's other streams as references: the names the files give
/// (`hands-over-to`, `from-stream`, `runs`) resolve against them, and nothing is reported about them.
final class SubsetRunTests: CLITestCase {
  static func stream(_ id: String, _ lines: String) -> String {
    """
    ---
    title: \(id)
    owner: Owner
    ---
    stream \(id) "Stream \(id)"
    demand d "Need"
      from "Requester"
    step s "Work"
      activity engage
      practices service-desk
    \(lines)
    value v "Done"
      for "Requester"
    flow d -> s -> v

    """
  }

  /// streams/caller runs changes/standard (30m of work after 1h of waiting, 90%), and hands over to problem; a
  /// broken stream beside them (whose errors a run of caller alone must not show).
  func writeRepository() {
    write("vstream.yml", "")
    write("streams/caller.vstream", Self.stream("caller", "  runs standard\n  wait 2h\n  hands-over-to problem"))
    write("changes/standard.vstream", Self.stream("standard", "  time 30m\n  wait 1h\n  ca 90%"))
    write("streams/problem.vstream", Self.stream("problem", "  time 1h\n  wait 1h"))
    write("broken/broken.vstream", "stream broken\nstep a\n  time 5 minutes\n")
  }

  func testOneFileOfARepositoryKnowsTheStreamsBesideIt() throws {
    writeRepository()
    let check = try vstream(["check", "--format", "gcc", "streams/caller.vstream"])
    XCTAssertEqual(check.status, 0, check.output + check.errors)
    XCTAssertEqual(check.output, "", "no VS341, and nothing about the other files")
    // From a folder below the root too: the root is found above the working directory.
    let below = try vstream(["check", "--format", "gcc", "caller.vstream"], in: folder + "/streams")
    XCTAssertEqual(below.status, 0, below.output + below.errors)

    // From outside the repository, naming the file by its absolute path: the root is found above the file.
    let outside = NSTemporaryDirectory() + "vstream-outside-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: outside) }
    let away = try vstream(["check", "--format", "gcc", folder + "/streams/caller.vstream"], in: outside)
    XCTAssertEqual(away.status, 0, away.output + away.errors)
    XCTAssertEqual(away.output, "", "no VS341 from outside the repository either")

    let build = try vstream(["build", "streams/caller.vstream", "--format", "json"])
    XCTAssertEqual(build.status, 0, build.errors)
    let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(build.output.utf8)) as? [String: Any])
    let step = try XCTUnwrap((json["steps"] as? [[String: Any]])?.first)
    XCTAssertEqual(step["runs"] as? String, "standard")
    // The step's own 2h queue, then the standard change's 1h wait and 30m of work.
    XCTAssertEqual((step["processTime"] as? [String: Any])?["seconds"] as? Int, 30 * 60)
    XCTAssertEqual((step["waitTime"] as? [String: Any])?["seconds"] as? Int, 3 * 3600)
    XCTAssertEqual(step["completeAccurate"] as? Double, 0.9)
  }

  /// A `vstream.yml` that applies only to references is not the run's to report; one that applies to a file given is.
  func testOnlyTheConfigurationsOfTheFilesGivenAreReported() throws {
    writeRepository()
    write("changes/vstream.yml", "thresholds:\n  flow-efficiency: lots\n")
    let check = try vstream(["check", "--format", "gcc", "streams/caller.vstream"])
    XCTAssertEqual(check.status, 0, check.output + check.errors)
    XCTAssertFalse(check.output.contains("VS502"), check.output)
    let both = try vstream(["check", "--format", "gcc", "streams/caller.vstream", "changes/standard.vstream"])
    XCTAssertEqual(both.status, 1, both.output + both.errors)
    XCTAssertTrue(both.output.contains("changes/vstream.yml:2:20: error"), both.output)
  }

  func testAnUnknownStreamIsStillReportedInTheRightFile() throws {
    writeRepository()
    write("streams/caller.vstream", Self.stream("caller", "  runs standrd\n  hands-over-to problme"))
    let check = try vstream(["check", "--format", "gcc", "streams/caller.vstream"])
    XCTAssertEqual(check.status, 1)
    let lines = check.output.split(separator: "\n").map(String.init)
    XCTAssertEqual(lines.count, 2, check.output)
    XCTAssertTrue(lines.allSatisfy { $0.hasPrefix("streams/caller.vstream:") && $0.hasSuffix("[VS341]") }, check.output)
    XCTAssertTrue(check.output.contains("no stream `standrd` in this run"), check.output)
  }

  func testARunsCalleeWithErrorsOutsideTheRunIsNamed() throws {
    writeRepository()
    write("changes/standard.vstream", Self.stream("standard", "  time 30 minutes"))
    let check = try vstream(["check", "--format", "gcc", "streams/caller.vstream"])
    XCTAssertEqual(check.status, 1)
    XCTAssertTrue(check.output.hasPrefix("streams/caller.vstream:11:8: error:"), check.output)
    XCTAssertTrue(check.output.contains("[VS347]"), check.output)
    XCTAssertFalse(check.output.contains("changes/standard.vstream:"), "the reference's own errors are not reported")
  }

  func testWithoutARepositoryRootNothingElseIsRead() throws {
    // No .git and no vstream.yml at or above the folder: only the file named is read.
    write("caller.vstream", Self.stream("caller", "  runs standard"))
    write("standard.vstream", Self.stream("standard", "  time 30m"))
    let check = try vstream(["check", "--format", "gcc", "caller.vstream"])
    XCTAssertEqual(check.status, 1)
    XCTAssertTrue(check.output.contains("[VS341]"), check.output)
  }
}
