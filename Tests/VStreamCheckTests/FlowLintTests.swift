import VStream
import VStreamCheck
import VStreamModel
import VStreamSource
import XCTest

/// The flow lints from issue 19: `ca 0%` (VS418) and a rework arrow whose share is unknown (VS419), each one finding
/// with its fix, and nothing that cascades from them.
final class FlowLintTests: XCTestCase {
  static let loop = """
    ---
    title: Loop
    owner: Someone
    ---
    stream s
    demand need
      from "User"
    step a "Log"
      activity engage
      practices service-desk
      wait 1h
      time 1h
    step b "Fix"
      activity deliver-and-support
      practices incident-management
      wait 3h
      time 2h
    step c "Confirm"
      activity engage
      practices service-desk
      wait 0s
      time 10m
    value done
      for "User"
    flow need -> a -> b -> c -> done
    rework b -> a
    rework c -> a
    rework c -> b

    """

  /// The text after `check --fix --unsafe-fixes`.
  func fixed(_ text: String) -> String {
    let fixed = Compiler.fixing(SourceFile(path: "s.vstream", text: text), unsafe: true)
    return String(decoding: fixed.bytes ?? Array(text.utf8), as: UTF8.self)
  }

  func codes(_ text: String) -> [String] {
    Compiler.check(SourceFile(path: "s.vstream", text: text)).diagnostics.map(\.code.rawValue)
  }

  func testZeroCompleteAccurateIsOneWarningNotAlsoAnEndlessLoop() throws {
    let text = Self.loop.replacingOccurrences(of: "  time 2h\n", with: "  time 2h\n  ca 0%\n")
      .replacingOccurrences(of: "  time 10m\n", with: "  time 10m\n  ca 50%\n")
    let result = Compiler.check(SourceFile(path: "s.vstream", text: text))
    XCTAssertEqual(result.diagnostics.map(\.code.rawValue), ["VS418"])
    XCTAssertNil(result.stream?.metrics.expected, "every item comes back to a forever: no expected figures")
    let repaired = fixed(text)
    XCTAssertFalse(repaired.contains("ca 0%"))
    // Without `ca` the share is unknown (what 0 usually meant): the next round's fix writes the placeholder.
    XCTAssertTrue(repaired.contains("  time 2h\n  ca 90%\n"), repaired)
    XCTAssertEqual(codes(repaired), [])
  }

  func testAReworkArrowWithoutAShareIsOneWarningPerStep() throws {
    // b and c pass work on, have rework arrows without shares and no `ca`: one finding each (c has two arrows).
    let result = Compiler.check(SourceFile(path: "s.vstream", text: Self.loop))
    XCTAssertEqual(result.diagnostics.map(\.code.rawValue), ["VS419", "VS419"])
    XCTAssertEqual(
      result.diagnostics.map(\.message),
      [
        "how much `rework b -> a` sends back is unknown", "how much `rework c -> a` sends back is unknown",
      ])
    // The expected figures are still made, counting no rework: every step once.
    XCTAssertEqual(result.stream?.metrics.expected?.visits, [1, 1, 1])
  }

  func testAShareOrACompleteAccurateMakesItKnown() {
    let shared = Self.loop.replacingOccurrences(of: "rework b -> a", with: "rework b -> 10% a")
      .replacingOccurrences(of: "  time 10m\n", with: "  time 10m\n  ca 80%\n")
    XCTAssertEqual(codes(shared), [])
    // With the placeholder the unsafe fix adds, the file checks without the warning.
    let repaired = fixed(Self.loop)
    XCTAssertEqual(codes(repaired), [])
    XCTAssertEqual(repaired.components(separatedBy: "  ca 90%\n").count, 3, repaired)
  }
}
