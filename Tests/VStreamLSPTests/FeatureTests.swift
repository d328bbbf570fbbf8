import VStream
import VStreamSource
import XCTest

@testable import VStreamLSP

/// Each feature over a small stream written for the test (line numbers in comments are LSP's, from 0).
final class FeatureTests: XCTestCase {
  static let stream = """
    ---
    {vstream: 1, title: Reset a password,
      owner: Service desk lead}
    ---
    stream reset-password "Reset a password"

    demand asks "A user cannot log in"
      from "User"

    step log "Log the request"
      activity engage
      practices service-desk, incident-management
      time 5m
      wait 1h
      ca 90%

    step fix "Reset the password"
      activity deliver-and-support
      practices service-request-management
      time 10m

    value done "The user logs in again"
      for "User"

    flow asks -> log -> fix -> done

    """
  static let path = "/work/streams/reset.vstream"

  private func harness(_ text: String = stream, files: MemoryFiles = MemoryFiles()) -> ServerHarness {
    let harness = ServerHarness(files: files)
    harness.open(Self.path, text)
    return harness
  }

  private func items(_ harness: ServerHarness, _ line: Int, _ character: Int) -> [String] {
    let result = harness.result("textDocument/completion", harness.at(Self.path, line, character)) as? [String: Any]
    return (result?["items"] as? [[String: Any]] ?? []).compactMap { $0["label"] as? String }
  }

  func testDiagnosticsAreWhatCheckReports() throws {
    let broken = Self.stream.replacingOccurrences(of: "activity engage", with: "activity engag")
      .replacingOccurrences(of: "time 10m", with: "time 10 minutes")
    let harness = harness(broken)
    let published = harness.diagnostics(Self.path)
    let checked = Compiler.check(SourceFile(path: Self.path, text: broken)).diagnostics.filter { !$0.isSuppressed }
    XCTAssertFalse(checked.isEmpty)
    XCTAssertEqual(published.map { $0["code"] as? String }, checked.map(\.code.rawValue))
    let index = try XCTUnwrap(checked.firstIndex { $0.code.rawValue == "VS308" })
    let first = published[index]
    XCTAssertEqual(
      (first["codeDescription"] as? [String: Any])?["href"] as? String,
      "https://github.com/vstream/vstream/blob/main/specs/diagnostics/VS308.md")
    XCTAssertTrue((first["message"] as? String ?? "").hasPrefix(checked[index].message))
    let range = try XCTUnwrap(first["range"] as? [String: Any])
    XCTAssertEqual((range["start"] as? [String: Any])?["line"] as? Int, 10)
  }

  func testOnlyTheLatestVersionIsCheckedAndPublished() {
    let harness = harness()
    _ = harness.publications()
    for version in 2...200 {
      harness.notify(
        "textDocument/didChange",
        [
          "textDocument": ["uri": "file://\(Self.path)", "version": version],
          "contentChanges": [["text": Self.stream.replacingOccurrences(of: "5m", with: "\(version)m")]],
        ])
    }
    let published = harness.publications()
    XCTAssertEqual(published.count, 1)
    XCTAssertEqual(published[0]["version"] as? Int, 200)
  }

  func testIncrementalChangesInUTF16() {
    let harness = harness()
    let baseline = harness.diagnostics(Self.path).compactMap { $0["code"] as? String }
    // Line 10 is `  activity engage`: replace `engage` (characters 11–17) with an emoji (two UTF-16 units), then the
    // emoji with `engage` again: any miscount of the pair leaves a stray byte that the checker reports.
    harness.notify(
      "textDocument/didChange",
      [
        "textDocument": ["uri": "file://\(Self.path)", "version": 2],
        "contentChanges": [
          ["range": ["start": ServerHarness.position(10, 11), "end": ServerHarness.position(10, 17)], "text": "😀"],
          [
            "range": ["start": ServerHarness.position(10, 11), "end": ServerHarness.position(10, 13)], "text": "engage",
          ],
        ],
      ])
    XCTAssertEqual(harness.diagnostics(Self.path).compactMap { $0["code"] as? String }, baseline)
    let hover = harness.result("textDocument/hover", harness.at(Self.path, 10, 12)) as? [String: Any]
    XCTAssertTrue(((hover?["contents"] as? [String: Any])?["value"] as? String ?? "").contains("**Engage**"))
  }

  func testHoverDescribesActivitiesPracticesAndSteps() {
    let harness = harness()
    func hover(_ line: Int, _ character: Int) -> String {
      let result = harness.result("textDocument/hover", harness.at(Self.path, line, character)) as? [String: Any]
      return (result?["contents"] as? [String: Any])?["value"] as? String ?? ""
    }
    XCTAssertTrue(hover(10, 13).contains("Engage"))
    XCTAssertTrue(hover(11, 28).contains("Incident management"), hover(11, 28))
    let step = hover(24, 14)  // `log` in the flow line
    XCTAssertTrue(step.contains("step `log`"), step)
    XCTAssertTrue(step.contains("process time: 5m") && step.contains("wait: 1h") && step.contains("90%"), step)
    XCTAssertTrue(step.contains("lead time: 1h5m"), step)
    XCTAssertEqual(hover(5, 0), "")
  }

  func testCompletionFitsTheLine() {
    let harness = harness(
      Self.stream + "step new \"New\"\n  \n  activity \n  practices service-desk, \n  time 5\nflow log -> \n")
    // Line 25 `step new`, 26 blank indented, 27 activity, 28 practices, 29 time, 30 flow.
    XCTAssertEqual(
      Set(items(harness, 26, 2)), ["roles", "wait", "target", "ca", "note", "hands-over-to"], "those not written yet")
    XCTAssertEqual(items(harness, 27, 11).first, "plan")
    XCTAssertEqual(items(harness, 27, 11).count, 6)
    let practices = items(harness, 28, 26)
    XCTAssertTrue(practices.contains("change-enablement"))
    XCTAssertFalse(practices.contains("service-desk"), "already listed")
    XCTAssertEqual(items(harness, 29, 8), ["5w", "5d", "5h", "5m", "5s"])
    XCTAssertEqual(items(harness, 30, 12), ["asks", "log", "fix", "done", "new"])
    XCTAssertTrue(items(harness, 31, 0).contains("step"))
    XCTAssertEqual(items(harness, 25, 12), [], "nothing inside a title")
  }

  func testCompletionOffersTheOrganisationsPractices() {
    let files = MemoryFiles([
      "/work/vstream.yml": """
      practices:
        - id: fraud-screening
          name: Fraud screening
          purpose: stop fraudulent requests before work starts

      """
    ])
    let harness = harness(Self.stream.replacingOccurrences(of: "incident-management", with: "inc"), files: files)
    let practices = items(harness, 11, 30)
    XCTAssertTrue(practices.contains("fraud-screening"), "\(practices)")
  }

  func testHoverOnAStepThatRunsAStreamGivesNoLeadTimeOfItsOwn() {
    let harness = harness(Self.stream + "step raise \"Raise a change\"\n  runs make-standard-change\n  wait 1h\n")
    let result = harness.result("textDocument/hover", harness.at(Self.path, 25, 6)) as? [String: Any]
    let step = (result?["contents"] as? [String: Any])?["value"] as? String ?? ""
    XCTAssertTrue(step.contains("runs `make-standard-change`: its figures are that stream's"), step)
    XCTAssertTrue(step.contains("wait: 1h"), step)
    XCTAssertFalse(step.contains("lead time"), "one hour would understate it")
  }

  func testCompletionOffersTheWorkspaceStreamsAfterRuns() {
    let files = MemoryFiles(["/work/streams/change.vstream": "stream make-standard-change \"Make a change\"\n"])
    let harness = harness(Self.stream + "step raise \"Raise a change\"\n  runs \n  \n", files: files)
    // Line 25 `step raise`, 26 `runs`, 27 blank indented. The document's own stream is not offered.
    XCTAssertEqual(items(harness, 26, 7), ["make-standard-change"])
    let attributes = items(harness, 27, 2)
    XCTAssertTrue(attributes.contains("wait"), "\(attributes)")
    XCTAssertFalse(attributes.contains("time") || attributes.contains("ca"), "a step that runs a stream takes them")
  }

  func testDefinitionReferencesAndRename() throws {
    let harness = harness()
    let definition = try XCTUnwrap(
      harness.result("textDocument/definition", harness.at(Self.path, 24, 20)) as? [String: Any])
    let start = (definition["range"] as? [String: Any])?["start"] as? [String: Any]
    XCTAssertEqual(start?["line"] as? Int, 16)
    XCTAssertEqual(start?["character"] as? Int, 5)
    let references = harness.result(
      "textDocument/references", harness.at(Self.path, 16, 6, ["context": ["includeDeclaration": true]]))
    XCTAssertEqual((references as? [Any])?.count, 2)
    let rename = try XCTUnwrap(
      harness.result("textDocument/rename", harness.at(Self.path, 24, 20, ["newName": "reset"])) as? [String: Any])
    let edits = try XCTUnwrap((rename["changes"] as? [String: Any])?["file://\(Self.path)"] as? [[String: Any]])
    XCTAssertEqual(edits.count, 2)
    XCTAssertTrue(edits.allSatisfy { $0["newText"] as? String == "reset" })
    for newName in ["not an id", "log", "1st"] {
      let bad = harness.request("textDocument/rename", harness.at(Self.path, 24, 20, ["newName": newName]))
      XCTAssertEqual(
        (bad["error"] as? [String: Any])?["code"] as? Int, JSONRPC.ErrorCode.invalidParams.rawValue, newName)
    }
  }

  func testSymbolsFoldingAndFormatting() throws {
    let harness = harness(Self.stream.replacingOccurrences(of: "time 5m", with: "time   5m"))
    let symbols = try XCTUnwrap(
      harness.result("textDocument/documentSymbol", ["textDocument": ["uri": "file://\(Self.path)"]])
        as? [[String: Any]])
    XCTAssertEqual(
      symbols.compactMap { $0["name"] as? String },
      ["reset-password", "asks", "log", "fix", "done", "flow asks -> done"])
    let folds = try XCTUnwrap(
      harness.result("textDocument/foldingRange", ["textDocument": ["uri": "file://\(Self.path)"]]) as? [[String: Any]])
    XCTAssertTrue(folds.contains { $0["startLine"] as? Int == 9 && $0["endLine"] as? Int == 14 })
    XCTAssertTrue(folds.contains { $0["startLine"] as? Int == 0 && $0["endLine"] as? Int == 3 })
    let edits = try XCTUnwrap(
      harness.result(
        "textDocument/formatting",
        ["textDocument": ["uri": "file://\(Self.path)"], "options": ["tabSize": 2, "insertSpaces": true]])
        as? [[String: Any]])
    XCTAssertEqual(edits.count, 1)
    XCTAssertEqual(edits[0]["newText"] as? String, "  time 5m\n")
  }

  func testCodeActionsCarryTheFixes() throws {
    let harness = harness(Self.stream.replacingOccurrences(of: "activity engage", with: "activity engag"))
    let actions = try XCTUnwrap(
      harness.result(
        "textDocument/codeAction",
        [
          "textDocument": ["uri": "file://\(Self.path)"],
          "range": ["start": ServerHarness.position(10, 12), "end": ServerHarness.position(10, 12)],
          "context": ["diagnostics": []],
        ]) as? [[String: Any]])
    let action = try XCTUnwrap(actions.first)
    XCTAssertEqual(action["kind"] as? String, "quickfix")
    let edits =
      ((action["edit"] as? [String: Any])?["changes"] as? [String: Any])?["file://\(Self.path)"] as? [[String: Any]]
    XCTAssertEqual(edits?.first?["newText"] as? String, "engage")
  }
}
