import Foundation
import TestSupport
import XCTest

/// The portfolio in `check` and `build`: findings only where `vstream.yml` asks, the index sections and
/// `portfolio.json`.
final class PortfolioCommandTests: CLITestCase {
  func testCheckReportsThePortfolioChecksAVstreamYmlAsksFor() throws {
    write("r/a.vstream", Self.clean)
    write("r/b.vstream", Self.clean.replacingOccurrences(of: "stream restore-live-service", with: "stream other"))
    let quiet = try vstream(["check", "r", "--format", "gcc"])
    XCTAssertFalse(quiet.output.contains("VS433"), "nothing asked, nothing reported")
    write("vstream.yml", "portfolio:\n  unused-practices: error\n  hand-offs: 0\n")
    let run = try vstream(["check", "r", "--format", "gcc"])
    XCTAssertEqual(run.status, 1, run.output + run.errors)
    XCTAssertTrue(run.output.contains("vstream.yml:2:3: error:"), run.output)
    XCTAssertTrue(run.output.contains("[VS433]"))
    XCTAssertTrue(run.output.contains("r/a.vstream:"), "the hand-offs at each stream: \(run.output)")
    XCTAssertTrue(run.output.contains("[VS436]"))
    // One file, as an editor or a pre-commit hook checks it, is not a repository.
    let single = try vstream(["check", "r/a.vstream", "--format", "gcc"])
    XCTAssertFalse(single.output.contains("VS433"), single.output)
  }

  func testBuildWritesThePortfolioBesideTheIndex() throws {
    write("r/a.vstream", Self.clean)
    write("r/b.vstream", Self.clean.replacingOccurrences(of: "stream restore-live-service", with: "stream other"))
    let run = try vstream(["build", "r", "--format", "md", "--out", "site"])
    XCTAssertEqual(run.status, 0, run.errors)
    XCTAssertTrue(try read("site/index.md").contains("## Portfolio"))
    let json = try read("site/portfolio.json")
    XCTAssertTrue(json.contains("\"format\": \"vstream-portfolio/1\""))
    XCTAssertTrue(json.contains("\"streamCount\": 2"))
    if let validation = try ExternalTool.validateAgainstTheSchema(
      [json], schema: "specs/vstream-portfolio.schema.json")
    {
      XCTAssertEqual(validation.status, 0, validation.output)
    }
  }
}
