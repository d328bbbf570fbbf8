import Foundation
import VStream
import VStreamEmit
import VStreamModel
import VStreamSource
import XCTest

/// `vstream/2` (issue 17, items 7 and 8): one convention for ratios, arrows with their kind and share, and the
/// expected figures, checked on specs/checking.md's worked example by hand.
final class JSONFiguresTests: XCTestCase {
  static let workedExample = """
    stream restore
    demand outage
    step triage
      activity engage
      practices service-desk
      time 5m
      wait 2m
      ca 90%
    step diagnose
      activity deliver-and-support
      practices incident-management
      time 30m
      wait 1h
    step fix
      activity obtain-build
      practices software-development-and-management
      time 2h
      wait 4h
      ca 80%
    step deploy
      activity design-and-transition
      practices deployment-management
      time 30m
      wait 2h
    step confirm
      activity engage
      practices service-desk
      time 10m
      wait 0s
    value restored
    step survey
      activity engage
      practices service-desk
      time 5m
      wait 1d planned
    main outage -> triage -> diagnose -> fix -> deploy -> confirm -> restored
    flow diagnose -> confirm
    rework fix -> diagnose
    flow restored -> survey

    """

  func document() throws -> [String: Any] {
    let result = Compiler.check(SourceFile(path: "restore.vstream", text: Self.workedExample))
    let stream = try XCTUnwrap(result.stream, "\(result.diagnostics.map(\.message))")
    let text = JSONEmitter().emit(stream)
    return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  func testTheExpectedFiguresOfTheWorkedExampleToTheSecond() throws {
    let json = try document()
    XCTAssertEqual(json["format"] as? String, "vstream/2")
    let metrics = try XCTUnwrap(json["metrics"] as? [String: Any])
    let expected = try XCTUnwrap(metrics["expected"] as? [String: Any])
    func seconds(_ key: String) -> Double? { (expected[key] as? [String: Any])?["seconds"] as? Double }
    // specs/checking.md: v(diagnose) = 10/9, v(fix) = 5/9, v(deploy) = 4/9; expected process time 7,700 s, lead
    // time 23,020 s, so wait 15,320 s; survey comes after the value and is never visited on the way to it.
    XCTAssertEqual(seconds("processTime") ?? 0, 7_700, accuracy: 0.001)
    XCTAssertEqual(seconds("leadTime") ?? 0, 23_020, accuracy: 0.001)
    XCTAssertEqual(seconds("waitTime") ?? 0, 15_320, accuracy: 0.001)
    XCTAssertEqual((expected["leadTime"] as? [String: Any])?["text"] as? String, "6h23m40s")
    XCTAssertEqual(expected["flowEfficiency"] as? Double ?? 0, 7_700.0 / 23_020.0, accuracy: 1e-6)
    XCTAssertEqual(expected["firstPassYield"] as? Double ?? 0, 0.72, accuracy: 1e-9)
    let visits = try XCTUnwrap(expected["visits"] as? [[String: Any]])
    XCTAssertEqual(visits.map { $0["step"] as? String }, ["triage", "diagnose", "fix", "deploy", "confirm", "survey"])
    let numbers = visits.map { $0["visits"] as? Double ?? -1 }
    for (number, hand) in zip(numbers, [1, 10.0 / 9, 5.0 / 9, 4.0 / 9, 1, 0]) {
      XCTAssertEqual(number, hand, accuracy: 1e-6)
    }
    XCTAssertEqual(metrics["stepsAfterValue"] as? [String], ["survey"])
  }

  func testRatiosAreFractionsEverywhereAndArrowsSayWhatTheyAre() throws {
    let json = try document()
    let steps = try XCTUnwrap(json["steps"] as? [[String: Any]])
    XCTAssertEqual(steps[0]["completeAccurate"] as? Double, 0.9, "a fraction, not 90")
    XCTAssertEqual(steps.map { $0["waitPlanned"] as? Bool }, [false, false, false, false, false, true])
    XCTAssertEqual(steps.map { $0["afterValue"] as? Bool }, [false, false, false, false, false, true])
    let edges = try XCTUnwrap(json["edges"] as? [[String: Any]])
    XCTAssertEqual(
      edges.map { $0["kind"] as? String },
      ["main", "main", "main", "main", "main", "main", "forward", "rework", "forward"])
    let main = try XCTUnwrap((json["metrics"] as? [String: Any])?["mainPath"] as? [String: Any])
    XCTAssertEqual(main["longestWait"] as? [String], ["fix"])
    XCTAssertEqual((main["plannedWaitTime"] as? [String: Any])?["seconds"] as? Int, 0, "survey is not on the path")
  }

  func testASharePrintsAsAFraction() throws {
    let text = Self.workedExample.replacingOccurrences(
      of: "flow diagnose -> confirm", with: "flow diagnose -> 20% confirm")
    let stream = try XCTUnwrap(Compiler.check(SourceFile(path: "s.vstream", text: text)).stream)
    let json = try XCTUnwrap(
      JSONSerialization.jsonObject(with: Data(JSONEmitter().emit(stream).utf8)) as? [String: Any])
    let edges = try XCTUnwrap(json["edges"] as? [[String: Any]])
    XCTAssertEqual(edges.first { $0["kind"] as? String == "forward" }?["share"] as? Double, 0.2)
  }
}
