import Foundation
import XCTest

/// The commands around the two frameworks: `activities --framework`, `migrate`, and `fmt`/`build` following
/// `vstream.yml`'s framework.
final class FrameworkCommandTests: CLITestCase {
  static let itil4Stream = """
    ---
    title: Fulfil a request
    owner: Service desk lead
    ---
    # Comments stay where they are.
    stream fulfil
    demand ask "User asks for a laptop"
    step plan "Check the budget"   # one-to-one: plan is discover
      activity plan
      practices service-financial-management
    step give "Hand it over"
      activity deliver-and-support
      practices service-request-management
    value done "User productive"

    """

  func testActivitiesListsEitherFramework() throws {
    let five = try vstream(["activities", "--framework", "itil5", "--json"])
    XCTAssertEqual(five.status, 0, five.errors)
    let ids = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(five.output.utf8)) as? [[String: Any]]).map {
      $0["id"] as? String
    }
    XCTAssertEqual(ids, ["discover", "design", "acquire", "build", "transition", "operate", "deliver", "support"])
    let four = try vstream(["activities"])
    XCTAssertEqual(four.output.split(separator: "\n").count, 6)
    XCTAssertEqual(try vstream(["activities", "--framework", "itil6"]).status, 2)
  }

  func testMigrateRewritesWhatMapsReportsTheChoiceAndIsIdempotent() throws {
    write("fulfil.vstream", Self.itil4Stream)
    let check = try vstream(["migrate", "--to", "itil5", "--check", "fulfil.vstream"])
    XCTAssertEqual(check.status, 1)
    XCTAssertEqual(check.output, "fulfil.vstream\n")
    XCTAssertEqual(try read("fulfil.vstream"), Self.itil4Stream, "--check writes nothing")
    let run = try vstream(["migrate", "--to", "itil5", "fulfil.vstream"])
    XCTAssertEqual(run.status, 0, run.errors)
    XCTAssertTrue(run.errors.contains("warning[VS450]"), run.errors)
    XCTAssertTrue(run.errors.contains("choose one of `support`, `operate`, `deliver`"), run.errors)
    XCTAssertTrue(run.errors.contains("`support` is first because the step names `service-request-management`"))
    let migrated = try read("fulfil.vstream")
    XCTAssertEqual(
      migrated,
      Self.itil4Stream.replacingOccurrences(of: "  activity plan", with: "  activity discover")
        .replacingOccurrences(of: "owner: Service desk lead\n", with: "owner: Service desk lead\nframework: itil5\n"))
    let again = try vstream(["migrate", "--to", "itil5", "fulfil.vstream"])
    XCTAssertEqual(try read("fulfil.vstream"), migrated, "a second run changes nothing")
    XCTAssertTrue(again.errors.contains("1 step needs a person's choice"), again.errors)
    let checked = try vstream(["check", "--format", "gcc", "fulfil.vstream"])
    XCTAssertEqual(checked.status, 1)
    XCTAssertTrue(checked.output.contains("[VS350]"), checked.output)
  }

  func testTheRepositorysFrameworkReachesFmtAndBuild() throws {
    write("vstream.yml", "framework: itil5\n")
    let stream =
      "---\ntitle: T\nowner: O\n---\nstream s\ndemand d\nstep a\n  activity Discovery\n  practices business-analysis\n"
      + "step b\n  activity build\n  practices software-development-and-management\nvalue v\n"
    write("s.vstream", stream)
    XCTAssertEqual(try vstream(["fmt", "s.vstream"]).status, 0)
    let formatted = try read("s.vstream")
    XCTAssertTrue(formatted.contains("activity discover\n"), formatted)
    XCTAssertTrue(formatted.contains("activity build\n"), "build is Version 5's own: \(formatted)")
    let built = try vstream(["build", "s.vstream", "--format", "json", "--out", "out"])
    XCTAssertEqual(built.status, 0, built.errors)
    let json = try read("out/s.json")
    XCTAssertTrue(json.contains("\"framework\": \"itil5\""), json)
    XCTAssertTrue(json.contains("\"transition\": 0"), "the matrix has Version 5's columns")
  }

  func testInitWritesAVersion5StarterThatPasses() throws {
    XCTAssertEqual(try vstream(["init", "restore", "--framework", "itil5"]).status, 0)
    let text = try read("restore.vstream")
    XCTAssertTrue(text.contains("framework: itil5"), text)
    XCTAssertFalse(text.contains("activity engage"), text)
    let checked = try vstream(["check", "--werror", "restore.vstream"])
    XCTAssertEqual(checked.status, 0, checked.output)
  }
}
