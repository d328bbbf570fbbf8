import VStream
import VStreamCheck
import VStreamSource
import XCTest

/// A flow that never starts (VS320) or never ends (VS321) names, in its help, the step where the arrow is missing:
/// the first step no arrow reaches, the first step the demand reaches that no arrow leaves.
final class FlowEndsHelpTests: XCTestCase {
  /// Two steps, a and b, between the demand d and the value v; the flow is the test's.
  static let steps =
    "stream s\ndemand d\n  from \"U\"\n"
    + ["a", "b"].map { "step \($0)\n  activity engage\n  practices service-desk\n" }.joined()
    + "value v\n  for \"U\"\n"

  func help(_ flow: String) -> [String?] {
    Compiler.check(SourceFile(path: "s", text: Self.steps + flow + "\n")).diagnostics
      .filter { $0.severity == .error }.map(\.help)
  }

  func testTheHelpNamesTheStepWhereTheArrowIsMissing() {
    XCTAssertEqual(help("flow d -> a -> b"), ["add an arrow from the last step: `flow b -> v`"])
    XCTAssertEqual(help("flow a -> b -> v"), ["add `flow d -> a`"])
  }
}
