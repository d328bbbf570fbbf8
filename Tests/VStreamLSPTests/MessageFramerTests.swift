import Foundation
import XCTest

@testable import VStreamLSP

final class MessageFramerTests: XCTestCase {
  private func frames(_ framer: inout MessageFramer) -> [MessageFramer.Frame] {
    var result: [MessageFramer.Frame] = []
    while let frame = framer.next() { result.append(frame) }
    return result
  }

  func testBodiesComeOutWholeWhateverTheChunks() {
    let stream = MessageFramer.frame(Array(#"{"a":1}"#.utf8)) + MessageFramer.frame(Array(#"{"b":"é"}"#.utf8))
    for chunkSize in [1, 2, 3, 7, stream.count] {
      var framer = MessageFramer()
      var bodies: [MessageFramer.Frame] = []
      var offset = 0
      while offset < stream.count {
        framer.append(stream[offset..<min(offset + chunkSize, stream.count)])
        bodies += frames(&framer)
        offset += chunkSize
      }
      XCTAssertEqual(
        bodies, [.body(Array(#"{"a":1}"#.utf8)), .body(Array(#"{"b":"é"}"#.utf8))], "chunks of \(chunkSize)")
      XCTAssertEqual(framer.pendingBytes, 0)
    }
  }

  func testHeaderNamesAreCaseInsensitiveAndOtherFieldsAreAllowed() {
    var framer = MessageFramer()
    framer.append(Array("content-length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}".utf8))
    XCTAssertEqual(frames(&framer), [.body(Array("{}".utf8))])
  }

  func testAHeaderWithoutALengthIsSkippedToTheNextMessage() {
    var framer = MessageFramer()
    framer.append(Array("Content-Length: banana\r\n\r\ngarbageContent-Length: 2\r\n\r\n{}".utf8))
    let result = frames(&framer)
    XCTAssertEqual(result.count, 2)
    guard case .malformed = result[0] else { return XCTFail("expected a malformed frame first: \(result)") }
    XCTAssertEqual(result[1], .body(Array("{}".utf8)))
  }

  func testAnOversizedBodyIsSkippedWithoutBeingKept() {
    var framer = MessageFramer(maxBodyBytes: 10)
    framer.append(Array("Content-Length: 30\r\n\r\n0123456789".utf8))
    let first = frames(&framer)
    XCTAssertEqual(first.count, 1)
    guard case .malformed = first[0] else { return XCTFail("expected a malformed frame") }
    framer.append(Array("01234567890123456789".utf8) + MessageFramer.frame(Array("{}".utf8)))
    XCTAssertEqual(frames(&framer), [.body(Array("{}".utf8))])
    XCTAssertEqual(framer.pendingBytes, 0)
  }

  func testALongRunWithoutAHeaderEndIsDropped() {
    var framer = MessageFramer()
    framer.append([UInt8](repeating: UInt8(ascii: "x"), count: 10_000))
    guard case .malformed = framer.next() else { return XCTFail("expected a malformed frame") }
    XCTAssertLessThan(framer.pendingBytes, 100)
  }

  func testATooLongContentLengthGivesTheNextMessageBack() {
    // The first message claims 400 bytes but has 20: its body would swallow the next message, whole or in part.
    let second = MessageFramer.frame(Array(#"{"jsonrpc":"2.0","method":"x"}"#.utf8))
    for cut in [0, 5, 20, second.count] {
      var framer = MessageFramer()
      framer.append(Array("Content-Length: 400\r\n\r\n{\"jsonrpc\":\"2.0\",\"i".utf8) + second[..<cut])
      var result = frames(&framer)
      framer.append(second[cut...])
      result += frames(&framer)
      XCTAssertEqual(
        result,
        [.body(Array("{\"jsonrpc\":\"2.0\",\"i".utf8)), .body(Array(#"{"jsonrpc":"2.0","method":"x"}"#.utf8))],
        "cut at \(cut)")
    }
  }

  func testAHeaderSpelledInsideAStringIsNotTakenForOne() {
    let body = Array(#"{"text":"Content-Length: 12 is a header"}"#.utf8)
    var framer = MessageFramer()
    framer.append(MessageFramer.frame(body))
    XCTAssertEqual(framer.next(), .body(body))
  }

  func testMessagesAreWrittenWithSortedKeysAndExactTypes() {
    let message: [String: Any] = [
      "b": 1, "a": true, "c": ["z": NSNull(), "y": [0.5, "é\n"]] as [String: Any], "d": false,
    ]
    let body = #"{"a":true,"b":1,"c":{"y":[0.5,"é\n"],"z":null},"d":false}"#
    XCTAssertEqual(
      String(decoding: JSONRPC.encode(message), as: UTF8.self), "Content-Length: \(body.utf8.count)\r\n\r\n" + body)
  }

  func testIncomingMessagesAreClassified() {
    func read(_ text: String) -> JSONRPC.Incoming { JSONRPC.Incoming(body: Array(text.utf8)) }
    guard case .invalid(nil, .parseError, _) = read("{") else { return XCTFail("not JSON") }
    guard case .invalid(nil, .invalidRequest, _) = read("[1]") else { return XCTFail("not an object") }
    guard case .invalid(.number(3), .invalidRequest, _) = read(#"{"id":3}"#) else { return XCTFail("no method") }
    guard case .request(.string("a"), "m", _) = read(#"{"id":"a","method":"m"}"#) else { return XCTFail("request") }
    guard case .notification("n", _) = read(#"{"method":"n"}"#) else { return XCTFail("notification") }
    guard case .response = read(#"{"id":1,"result":null}"#) else { return XCTFail("response") }
  }
}
