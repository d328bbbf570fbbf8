import XCTest

@testable import VStreamLSP

final class LifecycleTests: XCTestCase {
  private func errorCode(_ response: [String: Any]) -> Int? {
    (response["error"] as? [String: Any])?["code"] as? Int
  }

  func testRequestsBeforeInitializeAreRefused() {
    var sent: [[String: Any]] = []
    let server = LanguageServer(files: MemoryFiles(), version: "test") { sent.append($0) }
    server.receive(JSONRPC.Incoming(body: Array(#"{"jsonrpc":"2.0","id":1,"method":"textDocument/hover"}"#.utf8)))
    XCTAssertEqual(errorCode(sent[0]), JSONRPC.ErrorCode.serverNotInitialized.rawValue)
    XCTAssertEqual(sent[0]["id"] as? Int, 1)
    // Notifications are dropped, not answered.
    server.receive(JSONRPC.Incoming(body: Array(#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#.utf8)))
    XCTAssertEqual(sent.count, 1)
  }

  func testInitializeNegotiatesTheEncodingAndAnnouncesTheFeatures() {
    let utf16 = ServerHarness()
    XCTAssertEqual(utf16.server.encoding, .utf16)
    let utf8 = ServerHarness(encodings: ["utf-8", "utf-16"])
    XCTAssertEqual(utf8.server.encoding, .utf8)
    let again = utf8.request("initialize", ["capabilities": [:]])
    XCTAssertEqual(errorCode(again), JSONRPC.ErrorCode.invalidRequest.rawValue)
  }

  func testUnknownMethodsAndMalformedMessagesGetErrorsAndTheServerGoesOn() {
    let harness = ServerHarness()
    XCTAssertEqual(errorCode(harness.request("vstream/nonsense", [:])), JSONRPC.ErrorCode.methodNotFound.rawValue)
    harness.server.receive(.malformed("bad header"))
    XCTAssertEqual(errorCode(harness.sent.last!), JSONRPC.ErrorCode.parseError.rawValue)
    harness.server.receive(JSONRPC.Incoming(body: Array("{not json".utf8)))
    XCTAssertEqual(errorCode(harness.sent.last!), JSONRPC.ErrorCode.parseError.rawValue)
    XCTAssertTrue(harness.sent.last!["id"] is NSNull)
    // A request on a document that is not open, and one with wrong parameters.
    XCTAssertEqual(
      errorCode(harness.request("textDocument/hover", harness.at("/work/none.vstream", 0, 0))),
      JSONRPC.ErrorCode.invalidParams.rawValue)
    XCTAssertEqual(
      errorCode(harness.request("textDocument/hover", "nonsense")), JSONRPC.ErrorCode.invalidParams.rawValue)
    XCTAssertEqual(harness.server.state, .running)
  }

  func testShutdownThenExit() {
    let harness = ServerHarness()
    XCTAssertNil(harness.request("shutdown", NSNull())["error"])
    XCTAssertEqual(
      errorCode(harness.request("textDocument/hover", harness.at("/work/a.vstream", 0, 0))),
      JSONRPC.ErrorCode.invalidRequest.rawValue)
    harness.notify("exit", NSNull())
    XCTAssertEqual(harness.server.state, .exited)
    XCTAssertEqual(harness.server.exitCode, 0)
  }

  func testExitWithoutShutdownEndsWithOne() {
    let harness = ServerHarness()
    harness.notify("exit", NSNull())
    XCTAssertEqual(harness.server.exitCode, 1)
  }

  func testACancelledRequestIsAnsweredAsCancelled() {
    let harness = ServerHarness()
    harness.server.cancel(.number(2))
    XCTAssertEqual(errorCode(harness.request("shutdown", NSNull())), JSONRPC.ErrorCode.requestCancelled.rawValue)
    XCTAssertEqual(harness.server.state, .running)
  }

  func testTheLoopHonoursCancellationsQueuedBehindTheirRequest() throws {
    // Both messages are waiting when the loop takes them: the cancellation comes second but wins.
    let input = [
      #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}"#,
      #"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#,
      #"{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":2}}"#,
      #"{"jsonrpc":"2.0","id":3,"method":"shutdown"}"#,
      #"{"jsonrpc":"2.0","method":"exit"}"#,
    ].flatMap { MessageFramer.frame(Array($0.utf8)) }
    var sent: [[String: Any]] = []
    let server = LanguageServer(files: MemoryFiles(), version: "test") { sent.append($0) }
    var chunks = [input]
    let code = ServerLoop(server: server) { chunks.isEmpty ? nil : chunks.removeFirst() }.run()
    XCTAssertEqual(code, 0)
    let cancelled = try XCTUnwrap(sent.first { $0["id"] as? Int == 2 })
    XCTAssertEqual(errorCode(cancelled), JSONRPC.ErrorCode.requestCancelled.rawValue)
    XCTAssertNotNil(sent.first { $0["id"] as? Int == 3 && $0["error"] == nil })
  }
}
