import Foundation
import TestSupport
import VStream
import VStreamSource
import XCTest

/// Each `Fixtures/NAME.vstream` formats to exactly `Fixtures/NAME.formatted.vstream`.
///
/// `VSTREAM_RECORD=1 swift test --filter FormatterGoldenTests` writes the goldens and fails, so that every golden is
/// read by a person before it is committed.
final class FormatterGoldenTests: XCTestCase {
  static let fixtures = Repository.root.appendingPathComponent("Tests/VStreamFormatTests/Fixtures")

  func testEveryFixtureMatchesItsGolden() throws {
    let names = try FileManager.default.contentsOfDirectory(atPath: Self.fixtures.path)
      .filter { $0.hasSuffix(".vstream") && !$0.hasSuffix(".formatted.vstream") }.sorted()
    XCTAssertGreaterThanOrEqual(names.count, 5)
    let record = ProcessInfo.processInfo.environment["VSTREAM_RECORD"] == "1"
    for name in names {
      let input = [UInt8](try Data(contentsOf: Self.fixtures.appendingPathComponent(name)))
      guard case .formatted(let output) = Compiler.format(SourceFile(path: name, bytes: input)) else {
        XCTFail("\(name) has syntax errors")
        continue
      }
      let golden = Self.fixtures.appendingPathComponent(
        name.replacingOccurrences(of: ".vstream", with: ".formatted.vstream"))
      if record {
        try Data(output.utf8).write(to: golden)
        XCTFail("recorded \(golden.lastPathComponent): read it before committing")
        continue
      }
      guard let expected = try? Data(contentsOf: golden) else {
        XCTFail("\(golden.lastPathComponent) is missing: run with VSTREAM_RECORD=1 and read the result")
        continue
      }
      XCTAssertEqual(output, String(decoding: expected, as: UTF8.self), name)
      XCTAssertEqual(Array(output.utf8), [UInt8](expected), "\(name): same text, different bytes")
    }
  }
}
