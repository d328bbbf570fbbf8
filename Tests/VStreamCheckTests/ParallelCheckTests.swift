import Foundation
import TestSupport
import VStream
import VStreamEmit
import VStreamSource
import VStreamSyntax
import XCTest

@testable import VStreamCheck

/// On a large stream the checker's context is built on two cores (the steps resolved on one, the ids and the flow on
/// the other) and its rules run on every core (`Checker.check`). These check every file of the repository, and
/// streams made to have findings in all three, both ways, and compare the findings and the checked stream.
final class ParallelCheckTests: XCTestCase {
  /// A stream whose ids, steps and flows all have findings, interleaved in the file.
  static func streamWithFindingsEverywhere(steps: Int) -> SourceFile {
    var text = "stream s \"S\"\ndemand d \"D\"\n"
    for index in 0..<steps {
      text += "step s\(index) \"Step \(index)\"\n"
      switch index % 5 {
      case 0: text += "  activity engage\n  practices service-desk, service-desk\n  time 5m\n"
      case 1: text += "  activity engag\n  practices incident-managment\n  ca 120%\n"
      case 2: text += "  practices change-control\n  wait 1h\n"
      case 3: text += "  activity plan\n"
      default: text += "  activity deliver-and-support\n  practices problem-management\n"
      }
      if index % 7 == 3 { text += "step s\(index) \"Again\"\n  activity plan\n  practices service-desk\n" }
      if index % 4 == 0 { text += "flow \(index == 0 ? "d" : "s\(index - 1)") -> s\(index) -> nowhere\(index % 3)\n" }
    }
    text += "flow s1 -> s2\nflow s1 -> s2\nvalue v \"V\"\nflow s\(steps - 1) -> v\n"
    return SourceFile(path: "everywhere.vstream", text: text)
  }

  static func check(_ file: SourceFile, parallelFrom threshold: Int) -> String {
    let parsed = Compiler.parse(file)
    var checker = Checker()
    checker.stepsForParallelCheck = threshold
    let (stream, diagnostics) = checker.check(file, syntax: parsed.syntax, syntaxDiagnostics: parsed.diagnostics)
    var out = ""
    dump(diagnostics, to: &out)
    // The stream as its JSON (a dump would show its dictionaries in an order that differs between any two runs),
    // and its steps and edges whole.
    if let stream {
      out += JSONEmitter().emit(stream)
      dump(stream.steps, to: &out)
      dump(stream.edges, to: &out)
    }
    return out
  }

  func testCheckingOnTwoCoresGivesWhatOneCoreGives() throws {
    guard Parallel.coreCount > 1 else { throw XCTSkip("one core: the check never runs in parallel here") }
    let files = Repository.streams() + [Self.streamWithFindingsEverywhere(steps: 60)]
    XCTAssertGreaterThan(files.count, 80)
    for file in files {
      XCTAssertEqual(Self.check(file, parallelFrom: 0), Self.check(file, parallelFrom: .max), file.path)
    }
  }

  func testAValidStreamChecksTheSameOnTwoCores() throws {
    guard Parallel.coreCount > 1 else { throw XCTSkip("one core: the check never runs in parallel here") }
    var text = "stream s \"S\"\ndemand d \"D\"\n"
    for index in 0..<300 {
      text +=
        "step s\(index) \"Step\"\n  activity engage\n  practices service-desk, incident-management\n  time 5m\n  wait 1h\n  ca 90%\n"
    }
    text +=
      "value v \"V\"\nflow d -> " + (0..<300).map { "s\($0)" }.joined(separator: " -> ")
      + " -> v\nrework s5 -> s2 \"rework\"\n"
    let file = SourceFile(path: "valid.vstream", text: text)
    let parallel = Self.check(file, parallelFrom: 0)
    XCTAssertTrue(parallel.contains("\"vstream/2\""), "the stream is built")
    XCTAssertEqual(parallel, Self.check(file, parallelFrom: .max))
  }

  func testPastTheProblemLimitTwoCoresKeepWhatOneCoreKeeps() throws {
    guard Parallel.coreCount > 1 else { throw XCTSkip("one core: the check never runs in parallel here") }
    // More than 10,000 findings between the steps and the flows: the first ones in report order are kept, whichever
    // rule found them first.
    let file = Self.streamWithFindingsEverywhere(steps: 9_000)
    let parallel = Self.check(file, parallelFrom: 0)
    XCTAssertTrue(parallel.contains("too many problems"))
    XCTAssertEqual(parallel, Self.check(file, parallelFrom: .max))
  }
}
