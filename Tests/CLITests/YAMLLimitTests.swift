import Foundation
import XCTest

/// The YAML limits (specs/language.md, "Limits") hold by default and can be raised on every command that reads
/// streams, for front matter and `vstream.yml` alike.
final class YAMLLimitTests: CLITestCase {
  /// The example stream with `count` tags: 10,001 tags pass the default limit of 10,000 values.
  static func manyTags(_ count: Int) -> String {
    let tags = (0..<count).map { "t\($0)" }.joined(separator: ", ")
    return clean.replacingOccurrences(of: "tags: [incident, availability]", with: "tags: [\(tags)]")
  }

  /// The example stream with an extra front matter key nested `levels` lists deep (an unknown key is a warning).
  static func deep(_ levels: Int) -> String {
    let nested = String(repeating: "[", count: levels) + String(repeating: "]", count: levels)
    return clean.replacingOccurrences(of: "status: live\n", with: "status: live\nx-nested: \(nested)\n")
  }

  func testEveryCommandRefusesTooManyValuesUntilTheLimitIsRaised() throws {
    write("a.vstream", Self.manyTags(10_001))
    let commands: [[String]] = [
      ["check", "--format", "gcc", "a.vstream"], ["build", "--format", "json", "a.vstream"],
      ["fmt", "--check", "a.vstream"], ["parse", "a.vstream"],
    ]
    for command in commands {
      let refused = try vstream(command)
      XCTAssertEqual(refused.status, 1, "\(command)")
      XCTAssertTrue((refused.output + refused.errors).contains("VS205"), "\(command)")
      let raised = try vstream(command + ["--max-yaml-values", "20000"])
      XCTAssertEqual(raised.status, 0, "\(command): \(raised.errors)")
      XCTAssertFalse((raised.output + raised.errors).contains("VS205"), "\(command)")
    }
  }

  func testTheDepthLimitCanBeRaised() throws {
    write("a.vstream", Self.deep(70))
    let refused = try vstream(["check", "--format", "gcc", "a.vstream"])
    XCTAssertEqual(refused.status, 1)
    XCTAssertTrue(refused.output.contains("the YAML nests more than 64 levels deep [VS204]"), refused.output)
    let raised = try vstream(["check", "--format", "gcc", "--max-yaml-depth", "100", "a.vstream"])
    XCTAssertEqual(raised.status, 0, raised.output)
    XCTAssertFalse(raised.output.contains("VS204"))
    let lowered = try vstream(["check", "--format", "gcc", "--max-yaml-depth", "1", "a.vstream"])
    XCTAssertTrue(lowered.output.contains("the YAML nests more than 1 levels deep [VS204]"), lowered.output)
  }

  func testTheSizeLimitCanBeLoweredAndRaised() throws {
    write("a.vstream", Self.clean)
    let lowered = try vstream(["check", "--format", "gcc", "--max-yaml-size", "100", "a.vstream"])
    XCTAssertEqual(lowered.status, 1)
    XCTAssertTrue(lowered.output.contains("more than the limit of 100 [VS205]"), lowered.output)
    let description = String(repeating: "long text ", count: 120_000)
    write(
      "b.vstream", Self.clean.replacingOccurrences(of: "status: live\n", with: "status: live\nx-long: \(description)\n")
    )
    XCTAssertEqual(try vstream(["check", "--format", "gcc", "b.vstream"]).status, 1)
    XCTAssertEqual(try vstream(["check", "--format", "gcc", "--max-yaml-size", "2000000", "b.vstream"]).status, 0)
  }

  func testConfigurationFilesObeyTheSameLimits() throws {
    write("a.vstream", Self.clean)
    let paths = (0..<10_001).map { "\"p\($0)\"" }.joined(separator: ", ")
    write("vstream.yml", "overrides:\n  - paths: [\(paths)]\n    rules: { no-practices: off }\n")
    let refused = try vstream(["check", "--format", "gcc", "a.vstream"])
    XCTAssertEqual(refused.status, 1)
    XCTAssertTrue(refused.output.contains("vstream.yml:2:"), refused.output)
    XCTAssertTrue(refused.output.contains("[VS205]"), refused.output)
    XCTAssertEqual(try vstream(["check", "--format", "gcc", "--max-yaml-values", "20000", "a.vstream"]).status, 0)

    let tooLarge = try vstream(["check", "--max-yaml-size", "1000", "a.vstream"])
    XCTAssertEqual(tooLarge.status, 2)
    XCTAssertTrue(
      tooLarge.errors.contains("vstream.yml: the configuration file is larger than 1000 bytes"), tooLarge.errors)
    XCTAssertTrue(tooLarge.errors.contains("--max-yaml-size"), tooLarge.errors)
  }

  func testLimitsOutOfRangeAreUsageErrors() throws {
    write("a.vstream", Self.clean)
    let invalid: [[String]] = [
      ["--max-yaml-size", "0"], ["--max-yaml-depth", "0"], ["--max-yaml-depth", "1001"], ["--max-yaml-values", "0"],
      ["--max-yaml-values", "1000001"],
    ]
    for options in invalid {
      for command in ["check", "fmt"] {
        let run = try vstream([command] + options + ["a.vstream"])
        XCTAssertEqual(run.status, 2, "\(command) \(options)")
        XCTAssertTrue(run.errors.contains(options[0]), "\(command) \(options): \(run.errors)")
      }
    }
  }
}
