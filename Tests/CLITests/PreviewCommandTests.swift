import Foundation
import XCTest

#if canImport(FoundationNetworking)
  import FoundationNetworking
#endif

/// `vstream preview` and `vstream build --watch` as long-running processes: started, saved at, stopped.
/// scripts/preview-check.sh drives the same in a browser.
final class PreviewCommandTests: CLITestCase {
  /// Starts `vstream` with `arguments` in the test's folder, its standard output and error in files.
  func start(_ arguments: [String]) throws -> Process {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Self.binary)
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: folder)
    FileManager.default.createFile(atPath: folder + "/.out", contents: nil)
    FileManager.default.createFile(atPath: folder + "/.err", contents: nil)
    process.standardOutput = FileHandle(forWritingAtPath: folder + "/.out")
    process.standardError = FileHandle(forWritingAtPath: folder + "/.err")
    try process.run()
    addTeardownBlock { if process.isRunning { process.terminate() } }
    return process
  }

  var errors: String { (try? String(contentsOfFile: folder + "/.err", encoding: .utf8)) ?? "" }

  /// Waits up to `seconds` for `condition`; whether it came.
  func eventually(_ seconds: Double, _ condition: () -> Bool) -> Bool {
    let end = Date().addingTimeInterval(seconds)
    while Date() < end {
      if condition() { return true }
      Thread.sleep(forTimeInterval: 0.02)
    }
    return condition()
  }

  func get(_ url: String) -> (status: Int, body: String) {
    let done = DispatchSemaphore(value: 0)
    nonisolated(unsafe) var answer = (status: 0, body: "")
    URLSession.shared.dataTask(with: URL(string: url)!) { data, response, _ in
      answer = ((response as? HTTPURLResponse)?.statusCode ?? 0, data.map { String(decoding: $0, as: UTF8.self) } ?? "")
      done.signal()
    }.resume()
    _ = done.wait(timeout: .now() + 5)
    return answer
  }

  func testPreviewServesTheStreamShowsItsErrorsAndStopsOnSIGTERM() throws {
    write("a.vstream", Self.clean)
    let process = try start(["preview", "--port", "0", "a.vstream"])
    var url = ""
    XCTAssertTrue(
      eventually(10) {
        url =
          (try? String(contentsOfFile: folder + "/.out", encoding: .utf8))?.split(separator: "\n").first.map(
            String.init) ?? ""
        return !url.isEmpty
      }, errors)
    XCTAssertTrue(url.hasPrefix("http://127.0.0.1:") && url.hasSuffix("/restore-live-service.html"), url)
    let page = get(url)
    XCTAssertEqual(page.status, 200)
    XCTAssertTrue(page.body.contains("<h1>Restore a live service</h1>"))
    XCTAssertTrue(page.body.contains("<script src=\"/_vstream/live.js\""))
    XCTAssertTrue(page.body.contains("<svg"), "the diagram is inline")
    XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/restore-live-service.html"), "nothing written")
    let port = String(url.split(separator: ":")[2].prefix { $0.isNumber })
    let taken = try vstream(["preview", "--port", port, "a.vstream"])
    XCTAssertEqual(taken.status, 2, "a port in use is an error at once")
    XCTAssertTrue(taken.errors.contains("cannot listen on 127.0.0.1 port \(port)"), taken.errors)

    write("a.vstream", Self.broken)
    XCTAssertTrue(eventually(3) { get(url).body.contains("VS104") }, get(url).body)
    let shown = get(url).body
    XCTAssertTrue(shown.contains("time 2 hours"), "the source snippet is on the page: \(shown)")
    XCTAssertFalse(shown.contains("<svg"))
    write("a.vstream", Self.clean.replacingOccurrences(of: "Restore a live service", with: "Restored"))
    XCTAssertTrue(eventually(3) { get(url).body.contains("<h1>Restored</h1>") })

    process.terminate()
    XCTAssertTrue(eventually(3) { !process.isRunning }, "SIGTERM stops the server")
    XCTAssertEqual(process.terminationStatus, 0)
    XCTAssertTrue(errors.contains("preview stopped"), errors)
  }

  func testPreviewStopsWhenItsFileGoesAway() throws {
    write("a.vstream", Self.clean)
    let process = try start(["preview", "--port", "0", "a.vstream"])
    XCTAssertTrue(eventually(10) { errors.contains("watching") }, errors)
    try FileManager.default.removeItem(atPath: folder + "/a.vstream")
    XCTAssertTrue(eventually(3) { !process.isRunning }, errors)
    XCTAssertTrue(errors.contains("went away"), errors)
  }

  func testBuildWatchRebuildsOnSaveUntilTheFolderGoes() throws {
    write("streams/a.vstream", Self.clean)
    let process = try start(["build", "streams", "--format", "json", "--out", "site", "--watch"])
    let output = folder + "/site/restore-live-service.json"
    XCTAssertTrue(eventually(10) { FileManager.default.fileExists(atPath: output) }, errors)
    write("streams/a.vstream", Self.clean.replacingOccurrences(of: "Restore a live service", with: "Rebuilt"))
    XCTAssertTrue(
      eventually(3) { ((try? String(contentsOfFile: output, encoding: .utf8)) ?? "").contains("Rebuilt") }, errors)
    try FileManager.default.removeItem(atPath: folder + "/streams")
    XCTAssertTrue(eventually(3) { !process.isRunning }, errors)
    XCTAssertEqual(process.terminationStatus, 0)
  }

  /// A save to the stream a watched file runs, outside the paths given, rebuilds it with the new figures.
  func testBuildWatchFollowsTheStreamAStepRuns() throws {
    write("vstream.yml", "")
    write("streams/caller.vstream", SubsetRunTests.stream("caller", "  runs standard\n  wait 2h"))
    write("shared/standard.vstream", SubsetRunTests.stream("standard", "  time 30m\n  wait 1h"))
    let process = try start(["build", "streams", "--format", "json", "--out", "site", "--watch"])
    let output = folder + "/site/caller.json"
    func json() -> String { (try? String(contentsOfFile: output, encoding: .utf8)) ?? "" }
    // The caller's lead time: its 2h queue, then standard's 1h wait and 30m of work.
    XCTAssertTrue(eventually(10) { json().contains("\"text\": \"3h30m\"") }, errors + json())
    write("shared/standard.vstream", SubsetRunTests.stream("standard", "  time 30m\n  wait 5h"))
    XCTAssertTrue(eventually(5) { json().contains("\"text\": \"7h30m\"") }, errors + json())
    process.terminate()
  }

  func testHostMustBeAnAddress() throws {
    write("a.vstream", Self.clean)
    let run = try vstream(["preview", "--host", "example.com", "a.vstream"])
    XCTAssertEqual(run.status, 2)
    XCTAssertTrue(run.errors.contains("--host takes an IPv4 or IPv6 address"), run.errors)
  }

  func testWatchNeedsAnOutputFolder() throws {
    write("a.vstream", Self.clean)
    let run = try vstream(["build", "a.vstream", "--watch"])
    XCTAssertEqual(run.status, 2)
    XCTAssertTrue(run.errors.contains("--watch writes files"), run.errors)
  }
}
