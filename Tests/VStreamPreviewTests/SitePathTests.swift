import XCTest

@testable import VStreamPreview

final class SitePathTests: XCTestCase {
  func testPlainPathsNameTheirPage() {
    XCTAssertEqual(SitePath.resolve("/"), "index.html")
    XCTAssertEqual(SitePath.resolve("/restore.html"), "restore.html")
    XCTAssertEqual(SitePath.resolve("/restore.html?x=1#top"), "restore.html")
    XCTAssertEqual(SitePath.resolve("/with%20space.html"), "with space.html")
    XCTAssertEqual(SitePath.resolve("/deep/page.html"), "deep/page.html")
  }

  func testDotSegmentsAreRefusedInEverySpelling() {
    for target in [
      "/../etc/passwd", "/a/../../etc/passwd", "/./index.html", "/%2e%2e/etc/passwd", "/%2E%2E%2Fetc%2Fpasswd",
      "/..%2fetc/passwd", "/.%2e/x", "/%252e%252e/etc/passwd", "/..", "/a/..", "/a/.",
    ] {
      XCTAssertNil(SitePath.resolve(target), target)
    }
  }

  func testOtherUnsafeTargetsAreRefused() {
    for target in [
      "", "index.html", "//etc/passwd", "/a//b", "/..\\etc", "/a%5c..%5cb", "/a%00.html", "/%zz", "/%4", "/%ff%fe",
      "http://evil.example/index.html", "/a%0a.html",
    ] {
      XCTAssertNil(SitePath.resolve(target), target)
    }
  }

  func testAnythingTheResolverAcceptsIsAPlainRelativePath() {
    // Whatever the target, an accepted one names a page relative to the site with no dot segment.
    var generator = SystemRandomNumberGenerator()
    let pieces = ["/", ".", "..", "%2e", "%2f", "%5c", "a", "b.html", "%25", "%", "?", "#", "\\", "%00"]
    for _ in 0..<5000 {
      let target = "/" + (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement()! }.joined()
      guard let page = SitePath.resolve(target) else { continue }
      XCTAssertFalse(page.hasPrefix("/"), target)
      XCTAssertFalse(page.split(separator: "/").contains { $0 == ".." || $0 == "." }, target)
      XCTAssertFalse(page.contains("\\"), target)
    }
  }
}

final class HostCheckTests: XCTestCase {
  func testLoopbackNamesWithThePortAreAccepted() {
    let check = HostCheck(port: 8080)
    for host in ["localhost:8080", "127.0.0.1:8080", "[::1]:8080", "LOCALHOST:8080"] {
      XCTAssertTrue(check.allows(host), host)
    }
  }

  func testForeignNamesOtherPortsAndNoHeaderAreRefused() {
    let check = HostCheck(port: 8080)
    for host in [
      "evil.example:8080", "evil.example", "localhost", "127.0.0.1", "localhost:8081", "127.0.0.1:80",
      "localhost.evil.example:8080", "127.0.0.1.nip.io:8080", "0.0.0.0:8080", "", "localhost:8080 ",
    ] {
      XCTAssertFalse(check.allows(host), host)
    }
    XCTAssertFalse(check.allows(nil))
  }

  func testTheAddressGivenWithHostIsAcceptedToo() {
    XCTAssertTrue(HostCheck(port: 9000, extraHost: "192.168.1.5").allows("192.168.1.5:9000"))
    XCTAssertFalse(HostCheck(port: 9000, extraHost: "192.168.1.5").allows("192.168.1.6:9000"))
    XCTAssertTrue(HostCheck(port: 9000, extraHost: "fd00::1").allows("[fd00::1]:9000"))
    XCTAssertFalse(HostCheck(port: 9000).allows("192.168.1.5:9000"))
  }
}

final class SaveCoalescerTests: XCTestCase {
  func testNothingIsDueWithoutAnEvent() {
    var coalescer = SaveCoalescer(quiet: 0.02, longest: 0.1)
    XCTAssertNil(coalescer.deadline)
    XCTAssertFalse(coalescer.take(at: 100))
  }

  func testABurstRebuildsOnceAfterItGoesQuiet() {
    var coalescer = SaveCoalescer(quiet: 0.02, longest: 0.1)
    for time in [1.000, 1.003, 1.005, 1.010] { coalescer.note(at: time) }
    XCTAssertEqual(coalescer.deadline!, 1.030, accuracy: 1e-9)
    XCTAssertFalse(coalescer.take(at: 1.029))
    XCTAssertTrue(coalescer.take(at: 1.030))
    XCTAssertNil(coalescer.deadline)
    XCTAssertFalse(coalescer.take(at: 1.040))
  }

  func testEventsThatNeverStopCannotPostponeTheRebuildBeyondTheLongestWait() {
    var coalescer = SaveCoalescer(quiet: 0.02, longest: 0.1)
    var fired: [Double] = []
    // An event every 10 ms for a second, the watcher looking at each tick: the rebuild comes at the first tick past
    // the longest wait, never later.
    for tick in 0..<100 {
      let time = Double(tick) / 100
      if coalescer.take(at: time) { fired.append(time) }
      coalescer.note(at: time)
    }
    XCTAssertGreaterThanOrEqual(fired.count, 8)
    XCTAssertLessThanOrEqual(fired.first!, 0.1 + 0.01 + 1e-9)
    for (earlier, later) in zip(fired, fired.dropFirst()) {
      XCTAssertLessThanOrEqual(later - earlier, 0.1 + 0.01 + 1e-9)
    }
  }

  func testSeparateSavesRebuildSeparately() {
    var coalescer = SaveCoalescer(quiet: 0.02, longest: 0.1)
    coalescer.note(at: 1)
    XCTAssertTrue(coalescer.take(at: 1.05))
    coalescer.note(at: 2)
    XCTAssertEqual(coalescer.deadline!, 2.02, accuracy: 1e-9)
  }
}
