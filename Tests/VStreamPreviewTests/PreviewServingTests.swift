import Foundation
import XCTest

@testable import VStreamPreview

final class PreviewRoutingTests: XCTestCase {
  let check = HostCheck(port: 8470)
  let host = "127.0.0.1:8470"

  func site() -> LiveSite {
    let site = LiveSite()
    site.replace(with: [
      "index.html": .init(bytes: Array("<p>index</p>".utf8), contentType: "text/html"),
      "a.html": .init(bytes: Array("<p>a</p>".utf8), contentType: "text/html"),
    ])
    return site
  }

  func testPagesComeFromTheSiteInMemory() {
    let site = site()
    XCTAssertEqual(
      PreviewRouting.answer(method: "GET", target: "/", host: host, hostCheck: check, site: site).body,
      .bytes(Array("<p>index</p>".utf8)))
    XCTAssertEqual(
      PreviewRouting.answer(method: "HEAD", target: "/a.html?x", host: host, hostCheck: check, site: site).status, 200)
    XCTAssertEqual(
      PreviewRouting.answer(method: "GET", target: "/b.html", host: host, hostCheck: check, site: site).status, 404)
    XCTAssertEqual(
      PreviewRouting.answer(method: "GET", target: LiveReload.eventsPath, host: host, hostCheck: check, site: site)
        .body, .events)
  }

  func testForeignHostsTraversalAndWritingMethodsAreRefused() {
    let site = site()
    for method in ["POST", "PUT", "DELETE", "PATCH", "OPTIONS"] {
      XCTAssertEqual(
        PreviewRouting.answer(method: method, target: "/", host: host, hostCheck: check, site: site).status, 405)
    }
    for foreign in ["evil.example:8470", "localhost", nil] {
      XCTAssertEqual(
        PreviewRouting.answer(method: "GET", target: "/", host: foreign, hostCheck: check, site: site).status, 403)
      // Even the event stream and the script: a rebinding page must learn nothing.
      XCTAssertEqual(
        PreviewRouting.answer(method: "GET", target: LiveReload.eventsPath, host: foreign, hostCheck: check, site: site)
          .status, 403)
    }
    for target in ["/../a.html", "/%2e%2e/a.html", "/x/../a.html"] {
      XCTAssertEqual(
        PreviewRouting.answer(method: "GET", target: target, host: host, hostCheck: check, site: site).status, 403)
    }
  }
}

final class LiveReloadTests: XCTestCase {
  let page = """
    <!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'">
    </head><body><p>x</p></body></html>
    """

  func testThePageGetsThePreviewPolicyTheScriptAndItsGeneration() {
    let live = String(
      decoding: LiveReload.inject(into: Array(page.utf8), staticPolicy: "default-src 'none'", generation: 7),
      as: UTF8.self)
    XCTAssertTrue(live.contains("content=\"\(LiveReload.contentSecurityPolicy)\""))
    XCTAssertFalse(live.contains("content=\"default-src 'none'\""))
    XCTAssertTrue(live.contains("<script src=\"/_vstream/live.js\" data-generation=\"7\"></script>\n</body>"))
    XCTAssertTrue(live.contains("<link rel=\"icon\" href=\"data:,\">\n</head>"))
    XCTAssertEqual(live.components(separatedBy: "<script").count, 2)
  }

  func testLastIndexFindsTheLastOccurrence() {
    let bytes = Array("a</body>b</body>c".utf8)
    XCTAssertEqual(LiveReload.lastIndex(of: Array("</body>".utf8), in: bytes), 9)
    XCTAssertEqual(LiveReload.lastIndex(of: Array("a".utf8), in: bytes), 0)
    XCTAssertNil(LiveReload.lastIndex(of: Array("</html>".utf8), in: bytes))
    XCTAssertNil(LiveReload.lastIndex(of: Array("</body>".utf8), in: Array("</bo".utf8)))
  }

  func testListenersHearTheCurrentGenerationAndEveryRebuild() async {
    let site = LiveSite()
    site.replace(with: [:])
    var events = site.listen().makeAsyncIterator()
    let first = await events.next()
    XCTAssertEqual(first, LiveReload.hello + LiveReload.event(generation: 1))
    site.replace(with: [:])
    let second = await events.next()
    XCTAssertEqual(second, LiveReload.event(generation: 2))
    XCTAssertEqual(site.listenerCount, 1)
    site.close()
    let last = await events.next()
    XCTAssertNil(last)
    XCTAssertEqual(site.listenerCount, 0)
  }
}

final class FileWatcherTests: XCTestCase {
  func folder() throws -> String {
    let path = NSTemporaryDirectory() + "vstream-watch-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
    return path
  }

  func check(environment: [String: String], mode: FileWatcher.Mode) throws {
    let folder = try folder()
    let calls = Counter()
    let changed = expectation(description: "one rebuild for a burst of saves")
    let watcher = FileWatcher(folders: [folder], environment: environment) {
      calls.add()
      changed.fulfill()
    }
    XCTAssertEqual(watcher.mode, mode)
    watcher.start()
    defer { watcher.stop() }
    // An editor's swap file does not count.
    try Data("x".utf8).write(to: URL(fileURLWithPath: "\(folder)/.a.vstream.swp"))
    Thread.sleep(forTimeInterval: 0.4)
    XCTAssertEqual(calls.value, 0)
    // A burst: write a temporary file, rename it over the stream, write again.
    try Data("a".utf8).write(to: URL(fileURLWithPath: "\(folder)/a.vstream.tmp"))
    try FileManager.default.moveItem(atPath: "\(folder)/a.vstream.tmp", toPath: "\(folder)/a.vstream")
    try Data("ab".utf8).write(to: URL(fileURLWithPath: "\(folder)/a.vstream"))
    wait(for: [changed], timeout: 2)
    Thread.sleep(forTimeInterval: 0.4)
    XCTAssertEqual(calls.value, 1)
  }

  func testInotifySeesASaveOnce() throws {
    try check(environment: [:], mode: .inotify)
  }

  /// A folder made after the start is watched too: a stream saved in it rebuilds; the empty folder does not.
  func checkAFolderMadeAfterTheStart(environment: [String: String], mode: FileWatcher.Mode) throws {
    let folder = try folder()
    let calls = Counter()
    let changed = expectation(description: "a rebuild for the stream in the new folder")
    let watcher = FileWatcher(folders: [folder], environment: environment) {
      calls.add()
      changed.fulfill()
    }
    guard watcher.mode == mode else { throw XCTSkip("no \(mode) here") }
    watcher.start()
    defer { watcher.stop() }
    try FileManager.default.createDirectory(atPath: "\(folder)/new/deeper", withIntermediateDirectories: true)
    Thread.sleep(forTimeInterval: 0.6)
    XCTAssertEqual(calls.value, 0, "an empty folder changes no build")
    try Data("a".utf8).write(to: URL(fileURLWithPath: "\(folder)/new/deeper/a.vstream"))
    wait(for: [changed], timeout: 3)
    XCTAssertEqual(calls.value, 1)
  }

  func testInotifyWatchesAFolderMadeAfterTheStart() throws {
    try checkAFolderMadeAfterTheStart(environment: [:], mode: .inotify)
  }

  func testPollingWatchesAFolderMadeAfterTheStart() throws {
    try checkAFolderMadeAfterTheStart(environment: ["VSTREAM_WATCH": "poll"], mode: .polling)
  }

  func testPollingSeesASaveOnce() throws {
    try check(environment: ["VSTREAM_WATCH": "poll"], mode: .polling)
  }

  func testOnlyStreamsAndTheConfigurationMatter() {
    XCTAssertTrue(FileWatcher.matters("a.vstream"))
    XCTAssertTrue(FileWatcher.matters("vstream.yml"))
    for name in [".a.vstream.swp", "a.vstream~", "4913", "a.vstream.tmp", ".#a.vstream", "notes.md"] {
      XCTAssertFalse(FileWatcher.matters(name), name)
    }
  }
}

private final class Counter: @unchecked Sendable {
  private let lock = NSLock()
  private var count = 0
  var value: Int { lock.withLock { count } }
  func add() { lock.withLock { count += 1 } }
}
