import Foundation
import XCTest

/// `vstream build --format archimate|bpmn|csv`: the files, their names, and `all` including them.
final class ExportCommandTests: CLITestCase {
  func testBuildWritesTheExchangeFormatsAloneAndInAll() throws {
    write("s/a.vstream", Self.clean)
    let archimate = try vstream(["build", "s/a.vstream", "--format", "archimate"])
    XCTAssertEqual(archimate.status, 0, archimate.errors)
    XCTAssertTrue(archimate.output.contains("xsi:type=\"ValueStream\""), "one stream to standard output")
    let csv = try vstream(["build", "s/a.vstream", "--format", "csv"])
    XCTAssertTrue(csv.output.hasPrefix("stream,step,title,"), csv.output)
    XCTAssertTrue(csv.output.contains("\r\n"))
    let run = try vstream(
      ["build", "s/a.vstream", "--format", "all", "--out", "site"], environment: ["PATH": "/nonexistent"])
    for name in ["restore-live-service.archimate.xml", "restore-live-service.bpmn", "restore-live-service.csv"] {
      XCTAssertTrue(FileManager.default.fileExists(atPath: folder + "/site/" + name), "\(name): \(run.errors)")
    }
    XCTAssertTrue(try read("site/restore-live-service.bpmn").contains("<task "))
  }
}
