import Foundation
import TestSupport
import VStream
import VStreamCheck
import VStreamModel
import VStreamSource
import XCTest

/// `Compiler.migrate`: what it rewrites, what it leaves for a person, and that it keeps everything else.
final class MigrationTests: XCTestCase {
  static func migrated(_ file: SourceFile, to target: Framework, configuration: Configuration = .default) throws
    -> (text: String, diagnostics: [Diagnostic])
  {
    guard case .migrated(let text, let diagnostics) = Compiler.migrate(file, to: target, configuration: configuration)
    else { throw XCTSkip("refused: \(file.path)") }
    return (text, diagnostics)
  }

  static func examples() throws -> [SourceFile] {
    let folder = Repository.root.appendingPathComponent("examples")
    return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".vstream") }.sorted()
      .map { SourceFile(path: $0, bytes: [UInt8](try Data(contentsOf: folder.appendingPathComponent($0)))) }
  }

  /// Every example: comments kept, idempotent, each choice pointing at the activity left, and the choices being
  /// exactly what `check` then reports; taking any choice's first fix everywhere leaves a stream without errors.
  func testMigratingEveryExampleKeepsCommentsIsIdempotentAndLeavesOnlyTheChoices() throws {
    let examples = try Self.examples()
    XCTAssertGreaterThanOrEqual(examples.count, 7)
    for example in examples {
      let (text, choices) = try Self.migrated(example, to: .itil5)
      let new = SourceFile(path: example.path, text: text)
      let comments = String(decoding: example.bytes, as: UTF8.self).split(separator: "\n").filter {
        $0.trimmingCharacters(in: .whitespaces).hasPrefix("#")
      }
      for comment in comments { XCTAssertTrue(text.contains(comment), "\(example.path) lost \(comment)") }
      XCTAssertTrue(text.contains("framework: itil5\n"), example.path)
      let (again, choicesAgain) = try Self.migrated(new, to: .itil5)
      XCTAssertEqual(again, text, "migrating twice changes nothing: \(example.path)")
      XCTAssertEqual(choicesAgain, choices, example.path)
      for choice in choices {
        XCTAssertEqual(choice.code, "VS450")
        let written = new.text(choice.range)
        let activity = try XCTUnwrap(Framework.itil4.resolve(written).entry, "\(example.path): \(written)")
        XCTAssertEqual(
          Set(choice.fixes.map { $0.edits[0].replacement }),
          Set(ActivityCorrespondence.counterparts(of: activity, in: .itil5).map(\.id)))
        // Check's VS350 on the migrated step offers the same fixes in the same order.
        let check = Compiler.check(new).diagnostics.first { $0.range == choice.range }
        XCTAssertEqual(check?.fixes.map { $0.edits[0].replacement }, choice.fixes.map { $0.edits[0].replacement })
      }
      let checked = Compiler.check(new)
      XCTAssertEqual(
        checked.diagnostics.filter { $0.severity == .error }.map(\.range), choices.map(\.range),
        "the steps left are the errors check reports: \(example.path)")
      let chosen = Diagnostic.Edit.apply(choices.map { $0.fixes[0].edits[0] }, to: Array(text.utf8))
      // Linked with the other examples, as a repository run is: a step may run one of them.
      let done = Compiler.checkRepository(
        [SourceFile(path: example.path, bytes: chosen)], references: examples.filter { $0.path != example.path })[0]
      XCTAssertFalse(done.diagnostics.contains { $0.severity == .error }, "\(example.path): \(done.diagnostics)")
      XCTAssertEqual(done.stream?.framework, .itil5)
    }
  }

  func testOneToOneActivitiesAreRewrittenInPlace() throws {
    let text = """
      ---
      title: T  # the title
      owner: O
      ---
      stream s
      demand d
      step a   # planning
        activity Plan
        practices portfolio-management
      step b
        activity improve   # looks back
        practices continual-improvement
      step c
        activity discover
        practices business-analysis
      value v

      """
    let (migrated, choices) = try Self.migrated(SourceFile(path: "s.vstream", text: text), to: .itil5)
    XCTAssertEqual(choices, [])
    XCTAssertEqual(
      migrated,
      text.replacingOccurrences(of: "activity Plan", with: "activity discover")
        .replacingOccurrences(of: "activity improve", with: "activity discover")
        .replacingOccurrences(of: "owner: O\n", with: "owner: O\nframework: itil5\n"))
  }

  func testThereAndBackGivesTheSameBytesAndCRLFStaysCRLF() throws {
    let text =
      "---\r\ntitle: T\r\nowner: O\r\n---\r\nstream s\r\ndemand d\r\nstep a\r\n  activity engage\r\n"
      + "  practices service-desk\r\nvalue v\r\n"
    let file = SourceFile(path: "s.vstream", text: text)
    let (there, choices) = try Self.migrated(file, to: .itil5)
    XCTAssertEqual(choices.count, 1, "engage is discover, deliver or support")
    XCTAssertTrue(there.contains("owner: O\r\nframework: itil5\r\n---"), there)
    let (back, _) = try Self.migrated(SourceFile(path: "s.vstream", text: there), to: .itil4)
    XCTAssertEqual(back, text)
  }

  func testTheRepositorysFrameworkNeedsNoKey() throws {
    let (itil5, _) = Configuration.load(SourceFile(path: "vstream.yml", text: "framework: itil5\n"))
    let text =
      "---\ntitle: T\nowner: O\n---\nstream s\ndemand d\nstep a\n  activity plan\n  practices service-desk\nvalue v\n"
    let (migrated, _) = try Self.migrated(SourceFile(path: "s.vstream", text: text), to: .itil5, configuration: itil5)
    XCTAssertEqual(migrated, text.replacingOccurrences(of: "activity plan", with: "activity discover"))
  }

  func testFilesThatCannotBeMigratedAreRefused() {
    let broken = SourceFile(path: "b.vstream", text: "---\ntitle: T\n---\nstream s\nstep \"no id\"\n")
    guard case .refused(let errors) = Compiler.migrate(broken, to: .itil5) else { return XCTFail("migrated") }
    XCTAssertFalse(errors.isEmpty)
    let unknown = SourceFile(path: "u.vstream", text: "---\ntitle: T\nowner: O\nframework: itil9\n---\nstream s\n")
    guard case .refused(let reasons) = Compiler.migrate(unknown, to: .itil5) else { return XCTFail("migrated") }
    XCTAssertEqual(reasons.map(\.code), ["VS351"])
  }
}
