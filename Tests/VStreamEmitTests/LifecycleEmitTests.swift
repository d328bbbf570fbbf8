import Foundation
import TestSupport
import VStream
import VStreamEmit
import VStreamModel
import VStreamSource
import XCTest

/// The back ends on ITIL Version 5 streams: colours, legends, the practice matrix and the JSON schema speak its eight
/// activities; an ITIL 4 stream is drawn as before.
final class LifecycleEmitTests: XCTestCase {
  func testEveryActivityOfAFrameworkHasItsOwnColourAndNoneIsTheChangeMark() {
    for framework in Framework.allCases {
      let colours = framework.activities.map(Palette.color)
      XCTAssertEqual(Set(colours).count, colours.count, "\(framework) colours are distinct")
      XCTAssertEqual(Set(framework.activities.map(Palette.tint)).count, colours.count, "\(framework) tints")
      for dark in [false, true] { XCTAssertFalse(colours.contains(Palette.mark(dark: dark))) }
    }
    // Pairwise contrast is not what tells hues apart; distance in colour is. Every Version 5 pair differs by at least
    // a fifth of the range in some channel.
    let eight = Framework.itil5.activities.map(Palette.color)
    for (i, a) in eight.enumerated() {
      for b in eight[(i + 1)...] {
        let channels = { (hex: String) in
          stride(from: 1, to: 7, by: 2).map { Int(hex.dropFirst($0).prefix(2), radix: 16) ?? 0 }
        }
        XCTAssertGreaterThan(zip(channels(a), channels(b)).map { abs($0 - $1) }.max() ?? 0, 50, "\(a) vs \(b)")
      }
    }
  }

  func testAVersion5StreamIsDrawnAndTabulatedInItsOwnWords() throws {
    let stream = try Generated.stream(steps: 8, framework: .itil5)
    XCTAssertEqual(stream.framework, .itil5)
    let dot = DOTEmitter().emit(stream)
    XCTAssertTrue(dot.contains("<B>Lifecycle activity</B>"), "the legend's heading")
    XCTAssertFalse(dot.contains("Value chain activity"))
    for activity in Framework.itil5.activities {
      XCTAssertTrue(dot.contains(Palette.color(activity)), "\(activity) in the picture")
    }
    let markdown = MarkdownEmitter().emit(stream)
    XCTAssertTrue(markdown.contains("by lifecycle activity"), markdown)
    XCTAssertTrue(
      markdown.contains(
        "| Practice | Discover | Design | Acquire | Build | Transition | Operate | Deliver | Support |"),
      markdown)
    let svg = VSMEmitter().emit(stream)
    XCTAssertTrue(svg.contains(Palette.color(.support)), "the value-stream map colours Version 5's activities")
    let four = try Generated.stream(steps: 6)
    XCTAssertTrue(DOTEmitter().emit(four).contains("<B>Value chain activity</B>"))
  }

  func testJSONOfBothFrameworksValidatesAndTheSchemaTellsThemApart() throws {
    let five = JSONEmitter().emit(try Generated.stream(steps: 8, framework: .itil5))
    let four = JSONEmitter().emit(try Generated.stream(steps: 6))
    XCTAssertTrue(five.contains("\"framework\": \"itil5\""))
    // A Version 5 document that claims to be ITIL 4 must fail: the schema ties the activities to the framework.
    let lying = five.replacingOccurrences(of: "\"framework\": \"itil5\"", with: "\"framework\": \"itil4\"")
    guard let valid = try ExternalTool.validateAgainstTheSchema([five, four]),
      let invalid = try ExternalTool.validateAgainstTheSchema([lying])
    else {
      throw XCTSkip("python3 with the jsonschema module is not installed: the JSON was not validated")
    }
    XCTAssertEqual(valid.status, 0, valid.output + valid.errors)
    XCTAssertNotEqual(invalid.status, 0, "a Version 5 stream labelled ITIL 4 validated")
  }
}
