import XCTest

@testable import VStreamLSP

/// What involves more than the open document: `vstream.yml`, other files' stream ids, closing a document.
final class WorkspaceTests: XCTestCase {
  static let path = "/work/streams/reset.vstream"

  private func codes(_ harness: ServerHarness, _ path: String = path) -> [String] {
    harness.diagnostics(path).compactMap { $0["code"] as? String }
  }

  func testTheNearestConfigurationAppliesAndIsReloadedWhenItChanges() {
    let files = MemoryFiles(["/work/vstream.yml": "rules:\n  VS405: off\n"])
    let harness = ServerHarness(files: files)
    harness.open(Self.path, FeatureTests.stream.replacingOccurrences(of: "title: Reset a password,", with: ""))
    XCTAssertFalse(codes(harness).contains("VS405"), "silenced by /work/vstream.yml")
    files["/work/streams/vstream.yml"] = "rules:\n  VS405: error\n"
    harness.notify(
      "workspace/didChangeWatchedFiles", ["changes": [["uri": "file:///work/streams/vstream.yml", "type": 1]]])
    let published = harness.diagnostics(Self.path)
    let finding = published.first { $0["code"] as? String == "VS405" }
    XCTAssertEqual(finding?["severity"] as? Int, 1, "the nearer file now makes it an error: \(published)")
  }

  func testStreamIDsAreUniqueAcrossTheWorkspaceAndClosingRestoresTheDisk() {
    let other = "/work/streams/other.vstream"
    let files = MemoryFiles([other: FeatureTests.stream])
    let harness = ServerHarness(files: files)
    harness.open(Self.path, FeatureTests.stream)
    let published = harness.diagnostics(Self.path)
    XCTAssertEqual(published.compactMap { $0["code"] as? String }, ["VS319"])
    let related = published.first?["relatedInformation"] as? [[String: Any]]
    XCTAssertEqual((related?.first?["location"] as? [String: Any])?["uri"] as? String, "file://\(other)")

    // The other file is opened and given another id: the finding goes away from both.
    harness.open(other, FeatureTests.stream.replacingOccurrences(of: "stream reset-password", with: "stream other"))
    let afterRename = harness.publications()
    XCTAssertTrue(afterRename.allSatisfy { ($0["diagnostics"] as? [Any])?.isEmpty == true }, "\(afterRename)")
    XCTAssertEqual(Set(afterRename.compactMap { $0["uri"] as? String }), ["file://\(Self.path)", "file://\(other)"])

    // Closing it restores what is on disk, where it still has the same id.
    harness.notify("textDocument/didClose", ["textDocument": ["uri": "file://\(other)"]])
    let afterClose = harness.publications()
    let cleared = afterClose.first { $0["uri"] as? String == "file://\(other)" }
    XCTAssertEqual((cleared?["diagnostics"] as? [Any])?.count, 0)
    let back = afterClose.last { $0["uri"] as? String == "file://\(Self.path)" }
    XCTAssertEqual((back?["diagnostics"] as? [[String: Any]])?.compactMap { $0["code"] as? String }, ["VS319"])
  }

  /// The streams that hand-overs and `runs` name are judged against the workspace as `check` judges them: a name
  /// no file gives is VS341 (with the id of the stream on disk as its fix), a stream on disk resolves it, and a
  /// step that runs its own stream is VS344.
  func testHandOversAndRunsNameStreamsOfTheWorkspace() {
    let other = "/work/changes/standard.vstream"
    let standard = FeatureTests.stream.replacingOccurrences(of: "stream reset-password", with: "stream standard-change")
    let harness = ServerHarness(files: MemoryFiles([other: standard]))
    let typo = FeatureTests.stream.replacingOccurrences(
      of: "  practices service-request-management\n",
      with: "  practices service-request-management\n  runs standard-chnage\n"
    )
    .replacingOccurrences(of: "  time 10m\n", with: "")
    harness.open(Self.path, typo)
    XCTAssertEqual(codes(harness), ["VS341"])
    func change(_ text: String, version: Int) {
      harness.notify(
        "textDocument/didChange",
        ["textDocument": ["uri": "file://\(Self.path)", "version": version], "contentChanges": [["text": text]]])
    }
    change(typo.replacingOccurrences(of: "standard-chnage", with: "standard-change"), version: 2)
    XCTAssertEqual(codes(harness), [], "the stream on disk resolves the name")
    change(typo.replacingOccurrences(of: "standard-chnage", with: "reset-password"), version: 3)
    XCTAssertEqual(codes(harness), ["VS344"])
  }

  func testOnlyStreamsAreChecked() {
    let harness = ServerHarness()
    harness.notify(
      "textDocument/didOpen",
      ["textDocument": ["uri": "file:///work/vstream.yml", "languageId": "yaml", "version": 1, "text": "rules: {}\n"]])
    XCTAssertEqual(harness.publications().count, 0)
    harness.notify(
      "textDocument/didOpen",
      ["textDocument": ["uri": "untitled:1", "languageId": "vstream", "version": 1, "text": "stream a \"A\"\n"]])
    XCTAssertEqual(harness.publications().count, 1)
  }

  func testUTF8PositionsWhenTheClientOffersThem() throws {
    let harness = ServerHarness(encodings: ["utf-8"])
    let text = FeatureTests.stream.replacingOccurrences(
      of: "step log \"Log the request\"\n  activity engage", with: "step log \"Log the réquest 😀\"\n  activity engag")
    harness.open(Self.path, text)
    let finding = try XCTUnwrap(harness.diagnostics(Self.path).first { $0["code"] as? String == "VS308" })
    let start = (finding["range"] as? [String: Any])?["start"] as? [String: Any]
    XCTAssertEqual(start?["line"] as? Int, 10)
    XCTAssertEqual(start?["character"] as? Int, 11)
    // On the title's line, a hover after the emoji counts its four bytes.
    let hover = harness.result("textDocument/hover", harness.at(Self.path, 9, 6)) as? [String: Any]
    let range = try XCTUnwrap(hover?["range"] as? [String: Any])
    XCTAssertEqual((range["end"] as? [String: Any])?["character"] as? Int, 8)
  }
}
