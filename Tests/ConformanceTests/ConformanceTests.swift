import Foundation
import TestSupport
import VStream
import VStreamReport
import VStreamSource
import XCTest

/// The conformance suite: every `specs/cases/**/*.vstream` file is compiled and its diagnostics compared, exactly,
/// with the `.expected` file beside it (one `path:line:col: severity: message [CODE]` line each; empty for a clean
/// file). A `.syntax.json` file beside a case pins its syntax tree too.
///
/// `VSTREAM_RECORD=1 swift test --filter ConformanceTests` writes the expected files from the current output and
/// fails, so that a person reads every recorded file before committing it.
final class ConformanceTests: XCTestCase {
  static let cases = Repository.root.appendingPathComponent("specs/cases")
  static var recording: Bool { ProcessInfo.processInfo.environment["VSTREAM_RECORD"] == "1" }

  static func caseFiles() throws -> [URL] {
    let enumerator = FileManager.default.enumerator(at: cases, includingPropertiesForKeys: nil)
    var files: [URL] = []
    while let url = enumerator?.nextObject() as? URL {
      if url.pathExtension == "vstream" { files.append(url) }
    }
    return files.sorted { $0.path < $1.path }
  }

  static func relativePath(_ url: URL) -> String {
    String(url.path.dropFirst(cases.path.count + 1))
  }

  /// What the suite checks for one case: the report as a CI log would show it.
  static func report(for url: URL) throws -> (diagnostics: String, syntax: String) {
    let bytes = [UInt8](try Data(contentsOf: url))
    let file = SourceFile(path: relativePath(url), bytes: bytes)
    let result = Compiler.diagnose(file)
    let lines = result.diagnostics.map { diagnostic -> String in
      let line = ShortRenderer.render(diagnostic, in: file)
      return diagnostic.isSuppressed ? line + " (suppressed)" : line
    }
    return (lines.map { $0 + "\n" }.joined(), result.syntax.json(in: file).rendered())
  }

  func testEveryCaseMatchesItsExpectedOutput() throws {
    let files = try Self.caseFiles()
    XCTAssertGreaterThan(files.count, 30, "the conformance suite should not be empty")
    var recorded: [String] = []
    for url in files {
      let (diagnostics, syntax) = try Self.report(for: url)
      let expectedURL = url.deletingPathExtension().appendingPathExtension("expected")
      let syntaxURL = url.deletingPathExtension().appendingPathExtension("syntax.json")
      if Self.recording {
        if (try? String(contentsOf: expectedURL, encoding: .utf8)) != diagnostics {
          try diagnostics.write(to: expectedURL, atomically: true, encoding: .utf8)
          recorded.append(Self.relativePath(expectedURL))
        }
        if FileManager.default.fileExists(atPath: syntaxURL.path),
          (try? String(contentsOf: syntaxURL, encoding: .utf8)) != syntax
        {
          try syntax.write(to: syntaxURL, atomically: true, encoding: .utf8)
          recorded.append(Self.relativePath(syntaxURL))
        }
        continue
      }
      guard let expected = try? String(contentsOf: expectedURL, encoding: .utf8) else {
        XCTFail("\(Self.relativePath(url)) has no .expected file; record it with VSTREAM_RECORD=1 and review it")
        continue
      }
      XCTAssertEqual(diagnostics, expected, "diagnostics of \(Self.relativePath(url))")
      if let expectedSyntax = try? String(contentsOf: syntaxURL, encoding: .utf8) {
        XCTAssertEqual(syntax, expectedSyntax, "syntax tree of \(Self.relativePath(url))")
      }
    }
    if Self.recording {
      XCTFail("recorded \(recorded.count) files; review them before committing: \(recorded.joined(separator: ", "))")
    }
  }

  /// Every error code the front end can emit appears in at least one case (except those no file can show).
  func testEveryRuleHasAConformanceCase() throws {
    var seen = Set<String>()
    for url in try Self.caseFiles() {
      let expected =
        (try? String(contentsOf: url.deletingPathExtension().appendingPathExtension("expected"), encoding: .utf8)) ?? ""
      for line in expected.split(separator: "\n") {
        if let open = line.lastIndex(of: "["), let close = line.lastIndex(of: "]"), open < close {
          seen.insert(String(line[line.index(after: open)..<close]))
        }
      }
    }
    // Not expressible as one .vstream file: a file over the size limit (CLI tests), the vstream.yml rules
    // (configuration tests), stream ids across files (repository tests); not worth 10,000 expected lines: more
    // problems than are reported (ProblemLimitTests, scripts/hostile.sh); the portfolio checks, which need a
    // vstream.yml and several streams (PortfolioTests); the hand-overs between streams, checked across the files of
    // a run (HandOverTests), and so are the runs of other streams (RunsTests).
    let untestable: Set<DiagnosticCode> = [
      "VS003", "VS004", "VS319", "VS341", "VS342", "VS343", "VS344", "VS345", "VS347", "VS501", "VS502", "VS503",
      "VS504", "VS433", "VS434",
      "VS435", "VS436", "VS505", "VS506", "VS352", "VS450", "VS516",
    ]
    for rule in Compiler.rules where !untestable.contains(rule.code) {
      XCTAssertTrue(seen.contains(rule.code.rawValue), "no conformance case produces \(rule.code) (\(rule.name))")
    }
  }

  /// Every terminal of the grammar is written in at least one case, so the grammar cannot name a construct that is
  /// never exercised.
  func testEveryGrammarTerminalIsExercised() throws {
    let grammar = try String(
      contentsOf: Repository.root.appendingPathComponent("grammar/vstream.ebnf"), encoding: .utf8)
    // Terminals are in double quotes, or in single quotes when they contain a double quote; `(* *)` comments and
    // `? ?` descriptions are skipped.
    var terminals = Set<String>()
    let characters = Array(grammar)
    var index = 0
    func read(until close: Character) -> String {
      var text = ""
      index += 1
      while index < characters.count, characters[index] != close {
        text.append(characters[index])
        index += 1
      }
      index += 1
      return text
    }
    while index < characters.count {
      let character = characters[index]
      if character == "(", index + 1 < characters.count, characters[index + 1] == "*" {
        while index + 1 < characters.count, !(characters[index] == "*" && characters[index + 1] == ")") { index += 1 }
        index += 2
      } else if character == "?" {
        _ = read(until: "?")
      } else if character == "\"" || character == "'" {
        let terminal = read(until: character)
        if !terminal.isEmpty { terminals.insert(terminal) }
      } else {
        index += 1
      }
    }
    XCTAssertTrue(terminals.contains("step") && terminals.contains("->"), "terminals were not extracted: \(terminals)")
    let corpus = try Self.caseFiles().map { String(decoding: try Data(contentsOf: $0), as: UTF8.self) }.joined(
      separator: "\n")
    for terminal in terminals.sorted() {
      XCTAssertTrue(corpus.contains(terminal), "grammar terminal \(terminal) appears in no conformance case")
    }
  }

  /// Each rule's bad example produces the rule's code and its good example does not: the documentation is tested.
  func testRuleExamplesBehaveAsDocumented() {
    for rule in Compiler.rules {
      if !rule.badExample.isEmpty {
        let bad = Compiler.diagnose(SourceFile(path: "bad.vstream", text: rule.badExample))
        XCTAssertTrue(
          bad.diagnostics.contains { $0.code == rule.code },
          "the bad example of \(rule.code) does not produce it: \(bad.diagnostics.map(\.code))")
      }
      let good = Compiler.diagnose(SourceFile(path: "good.vstream", text: rule.goodExample))
      XCTAssertFalse(good.diagnostics.contains { $0.code == rule.code }, "the good example of \(rule.code) produces it")
      XCTAssertFalse(
        good.diagnostics.contains { $0.severity == .error },
        "the good example of \(rule.code) has errors: \(good.diagnostics.map(\.code))")
    }
  }
}

/// `specs/diagnostics/` holds one page per code, exactly as `vstream explain CODE --markdown` prints it, and no
/// other pages. `VSTREAM_RECORD=1` rewrites them (and fails, so that they are read before they are committed).
final class DiagnosticPagesTests: XCTestCase {
  func testEveryCodeHasItsPageAndThePagesAreCurrent() throws {
    let folder = Repository.root.appendingPathComponent("specs/diagnostics")
    var written: [String] = []
    for rule in Compiler.rules {
      let url = folder.appendingPathComponent("\(rule.code).md")
      let expected = RulePage.markdown(rule)
      if ConformanceTests.recording {
        if (try? String(contentsOf: url, encoding: .utf8)) != expected {
          try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
          try expected.write(to: url, atomically: true, encoding: .utf8)
          written.append(rule.code.rawValue)
        }
        continue
      }
      XCTAssertEqual(
        try? String(contentsOf: url, encoding: .utf8), expected, "specs/diagnostics/\(rule.code).md is out of date")
    }
    let pages = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }
    XCTAssertEqual(
      Set(pages), Set(Compiler.rules.map { "\($0.code).md" }), "pages without a rule, or rules without a page")
    if ConformanceTests.recording, !written.isEmpty {
      XCTFail("wrote \(written.count) pages; review them before committing")
    }
  }
}
