import Foundation
import XCTest

/// `vstream lsp` as a process: the disk the CLI gives the server (the workspace folder, `vstream.yml` above the file)
/// and the exit status. The protocol itself is tested in VStreamLSPTests and with real clients by
/// scripts/lsp-check.sh.
final class LSPCommandTests: CLITestCase {
  private func frame(_ message: String) -> String {
    "Content-Length: \(message.utf8.count)\r\n\r\n" + message
  }

  private func messages(_ output: String) -> [[String: Any]] {
    var rest = Substring(output)
    var result: [[String: Any]] = []
    while let end = rest.range(of: "\r\n\r\n") {
      let length = Int(rest[..<end.lowerBound].split(separator: ":")[1].trimmingCharacters(in: .whitespaces))!
      let body = Array(rest[end.upperBound...].utf8.prefix(length))
      result.append(try! JSONSerialization.jsonObject(with: Data(body)) as! [String: Any])
      rest = Substring(String(decoding: rest[end.upperBound...].utf8.dropFirst(length), as: UTF8.self))
    }
    return result
  }

  func testTheServerReadsTheWorkspaceAndTheConfigurationFromDisk() throws {
    let root = URL(fileURLWithPath: folder).standardizedFileURL.path
    try FileManager.default.createDirectory(atPath: root + "/streams", withIntermediateDirectories: true)
    let stream = "---\nvstream: 1\n---\nstream same \"S\"\n"
    try stream.write(toFile: root + "/streams/other.vstream", atomically: true, encoding: .utf8)
    try "rules:\n  VS405: off\n".write(toFile: root + "/vstream.yml", atomically: true, encoding: .utf8)
    let text = String(
      data: try JSONSerialization.data(withJSONObject: stream, options: .fragmentsAllowed), encoding: .utf8)!
    let input = [
      #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{},"rootUri":"file://\#(root)"}}"#,
      #"{"jsonrpc":"2.0","method":"initialized","params":{}}"#,
      #"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file://\#(root)/streams/a.vstream","languageId":"vstream","version":3,"text":\#(text)}}}"#,
    ].map(frame).joined()
    // Without `shutdown` and `exit` the end of input ends the server, with status 1 as LSP asks.
    let run = try vstream(["lsp"], input: input)
    XCTAssertEqual(run.status, 1, run.errors)
    let published = try XCTUnwrap(
      messages(run.output).first { $0["method"] as? String == "textDocument/publishDiagnostics" }?["params"]
        as? [String: Any])
    XCTAssertEqual(published["version"] as? Int, 3)
    let codes = (published["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
    XCTAssertTrue(codes.contains("VS319"), "the other file on disk has the same stream id: \(codes)")
    XCTAssertFalse(codes.contains("VS405"), "silenced by vstream.yml above the file: \(codes)")
  }

  func testShutdownThenExitEndsWithZero() throws {
    let input = [
      #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}"#,
      #"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#,
      #"{"jsonrpc":"2.0","method":"exit"}"#,
    ].map(frame).joined()
    let run = try vstream(["lsp"], input: input)
    XCTAssertEqual(run.status, 0, run.errors)
    XCTAssertEqual(messages(run.output).compactMap { $0["id"] as? Int }, [1, 2])
  }
}
