import Foundation
import XCTest

@testable import VStreamLSP

/// Files in memory, changed by the tests as a disk would be.
final class MemoryFiles: WorkspaceFiles, @unchecked Sendable {
  private let lock = NSLock()
  private var contents: [String: String]

  init(_ contents: [String: String] = [:]) { self.contents = contents }

  subscript(path: String) -> String? {
    get { lock.withLock { contents[path] } }
    set { lock.withLock { contents[path] = newValue } }
  }

  func read(_ path: String) -> [UInt8]? { self[path].map { Array($0.utf8) } }
  func isFile(_ path: String) -> Bool { self[path] != nil }
  func streamFiles(under folder: String) -> [String] {
    lock.withLock { contents.keys.filter { $0.hasPrefix(folder + "/") && $0.hasSuffix(".vstream") }.sorted() }
  }
}

/// A server driven message by message, with everything it sent kept as JSON.
final class ServerHarness {
  let files: MemoryFiles
  private(set) var sent: [[String: Any]] = []
  private(set) var server: LanguageServer!
  private var nextID = 1

  init(files: MemoryFiles = MemoryFiles(), encodings: [String] = [], folder: String = "/work") {
    self.files = files
    server = LanguageServer(files: files, version: "test") { [unowned self] message in
      // Through the real encoder and back, so that what is tested is what a client reads.
      let framed = JSONRPC.encode(message)
      var framer = MessageFramer()
      framer.append(framed)
      guard case .body(let body)? = framer.next(),
        let decoded = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any]
      else { return XCTFail("the server sent something that is not a framed JSON object") }
      self.sent.append(decoded)
    }
    _ = request(
      "initialize",
      [
        "capabilities": ["general": ["positionEncodings": encodings]],
        "workspaceFolders": [["uri": "file://\(folder)", "name": "work"]],
      ])
    notify("initialized", [:])
  }

  /// Sends a request and returns its response.
  @discardableResult
  func request(_ method: String, _ params: Any) -> [String: Any] {
    let id = nextID
    nextID += 1
    send(["jsonrpc": "2.0", "id": id, "method": method, "params": params])
    return sent.last { ($0["id"] as? Int) == id && $0["method"] == nil } ?? [:]
  }

  func result(_ method: String, _ params: Any) -> Any? {
    let response = request(method, params)
    XCTAssertNil(response["error"], "\(method): \(response)")
    return response["result"]
  }

  func notify(_ method: String, _ params: Any) {
    send(["jsonrpc": "2.0", "method": method, "params": params])
  }

  func send(_ message: [String: Any]) {
    let body = try! JSONSerialization.data(withJSONObject: message)
    server.receive(JSONRPC.Incoming(body: Array(body)))
  }

  func open(_ path: String, _ text: String, version: Int = 1) {
    notify(
      "textDocument/didOpen",
      ["textDocument": ["uri": "file://\(path)", "languageId": "vstream", "version": version, "text": text]])
  }

  /// The diagnostics notifications published since the last call, after the server checks what is pending.
  func publications() -> [[String: Any]] {
    server.publishPending()
    defer { sent.removeAll() }
    return sent.filter { $0["method"] as? String == "textDocument/publishDiagnostics" }.map {
      $0["params"] as! [String: Any]
    }
  }

  /// The last diagnostics published for a path.
  func diagnostics(_ path: String) -> [[String: Any]] {
    let all = publications().filter { $0["uri"] as? String == "file://\(path)" }
    return all.last?["diagnostics"] as? [[String: Any]] ?? []
  }

  static func position(_ line: Int, _ character: Int) -> [String: Any] { ["line": line, "character": character] }

  func at(_ path: String, _ line: Int, _ character: Int, _ extra: [String: Any] = [:]) -> [String: Any] {
    var params: [String: Any] = [
      "textDocument": ["uri": "file://\(path)"], "position": Self.position(line, character),
    ]
    params.merge(extra) { $1 }
    return params
  }
}
