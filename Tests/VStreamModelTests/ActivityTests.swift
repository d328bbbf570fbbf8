import VStreamModel
import XCTest

final class ActivityTests: XCTestCase {
  func testTheSixActivitiesInITILsOrder() {
    XCTAssertEqual(
      Activity.allCases.map(\.id),
      ["plan", "improve", "engage", "design-and-transition", "obtain-build", "deliver-and-support"])
    XCTAssertEqual(Activity.designAndTransition.name, "Design and transition")
    XCTAssertEqual(Activity.obtainBuild.name, "Obtain/build")
    XCTAssertEqual(Activity.allCases.map(\.index), Array(0..<6))
    XCTAssertEqual(Activity.allCases.sorted(by: >).reversed(), Activity.allCases, "ordered as declared, not by id")
    for activity in Activity.allCases {
      XCTAssertFalse(activity.purpose.isEmpty, activity.id)
      XCTAssertFalse(activity.outputs.isEmpty, activity.id)
    }
    XCTAssertEqual(Set(Activity.allCases.map(\.purpose)).count, 6)
    XCTAssertEqual(Set(Activity.allCases.map(\.outputs)).count, 6)
  }

  func testEveryAliasFromTheBriefResolvesToItsActivity() {
    let aliases: [(String, Activity)] = [
      ("design-transition", .designAndTransition), ("design-&-transition", .designAndTransition),
      ("obtain/build", .obtainBuild), ("obtain-and-build", .obtainBuild), ("build", .obtainBuild),
      ("deliver-support", .deliverAndSupport), ("deliver-&-support", .deliverAndSupport),
    ]
    for (alias, activity) in aliases {
      XCTAssertEqual(Activity.resolve(alias), .alias(activity, alias: alias), alias)
      XCTAssertEqual(Activity.aliases[alias], activity, alias)
    }
    XCTAssertEqual(Activity.aliases.count, aliases.count)
    XCTAssertEqual(Activity.resolve("Design_Transition"), .alias(.designAndTransition, alias: "Design_Transition"))
    XCTAssertEqual(Activity.resolve("OBTAIN/BUILD").entry, .obtainBuild)
  }

  func testCaseAndUnderscoresKeepACanonicalIdCanonical() {
    for written in ["Deliver_And_Support", "DELIVER-AND-SUPPORT", "deliver_and-support"] {
      XCTAssertEqual(Activity.resolve(written), .canonical(.deliverAndSupport), written)
      XCTAssertFalse(Activity.resolve(written).isAlias)
      // The formatter rewrites what differs from the id it resolves to.
      XCTAssertEqual(Catalogue.normalize(written), Activity.deliverAndSupport.id)
    }
    XCTAssertEqual(Activity.resolve("Plan"), .canonical(.plan))
  }

  func testUnknownActivitiesGetSuggestions() {
    XCTAssertEqual(Activity.resolve("engag"), .unknown(suggestions: ["engage"]))
    XCTAssertEqual(Activity.resolve("improv").entry, nil)
    XCTAssertEqual(Activity.resolve("deliver"), .unknown(suggestions: ["deliver-and-support"]))
    XCTAssertEqual(Activity.resolve("design"), .unknown(suggestions: ["design-and-transition"]))
    XCTAssertEqual(Activity.resolve("obtain"), .unknown(suggestions: ["obtain-build"]))
    XCTAssertEqual(Activity.resolve("operate-the-kitchen"), .unknown(suggestions: []))
    XCTAssertEqual(Activity.resolve(""), .unknown(suggestions: []))
  }
}
