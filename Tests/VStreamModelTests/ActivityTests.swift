import VStreamModel
import XCTest

final class ActivityTests: XCTestCase {
  func testTheSixActivitiesInITILsOrder() {
    let six = Framework.itil4.activities
    XCTAssertEqual(
      six.map(\.id), ["plan", "improve", "engage", "design-and-transition", "obtain-build", "deliver-and-support"])
    XCTAssertEqual(Activity.designAndTransition.name, "Design and transition")
    XCTAssertEqual(Activity.obtainBuild.name, "Obtain/build")
    XCTAssertEqual(six.map(\.index), Array(0..<6))
    XCTAssertEqual(Array(Activity.allCases.prefix(6)), six, "ITIL 4's first, so that old code keeps its order")
    XCTAssertEqual(Activity.allCases.sorted(by: >).reversed(), Activity.allCases, "ordered as declared, not by id")
    for activity in Activity.allCases {
      XCTAssertFalse(activity.purpose.isEmpty, activity.id)
      XCTAssertFalse(activity.outputs.isEmpty, activity.id)
    }
    XCTAssertEqual(Set(Activity.allCases.map(\.purpose)).count, Activity.allCases.count)
    XCTAssertEqual(Set(Activity.allCases.map(\.outputs)).count, Activity.allCases.count)
  }

  func testTheEightLifecycleActivitiesOfVersion5() {
    let eight = Framework.itil5.activities
    XCTAssertEqual(
      eight.map(\.id), ["discover", "design", "acquire", "build", "transition", "operate", "deliver", "support"])
    XCTAssertEqual(eight.map(\.index), Array(0..<8))
    XCTAssertTrue(eight.allSatisfy { $0.framework == .itil5 })
    XCTAssertEqual(Set(Activity.allCases.map(\.name)).count, 14, "every name tells its activity apart")
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
    XCTAssertEqual(Activity.aliases, Framework.itil4.aliases)
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

  func testBuildIsAnITIL4AliasAndAVersion5Id() {
    XCTAssertEqual(Framework.itil4.resolve("build"), .alias(.obtainBuild, alias: "build"))
    XCTAssertEqual(Framework.itil5.resolve("build"), .canonical(.build))
    XCTAssertEqual(Framework.itil5.resolve("Build"), .canonical(.build))
  }

  func testEachFrameworkKnowsOnlyItsOwnActivities() {
    for framework in Framework.allCases {
      for activity in Activity.allCases {
        let entry = framework.resolve(activity.id).entry
        if activity.framework == framework {
          XCTAssertEqual(entry, activity, "\(framework) \(activity)")
        } else if activity.id != "build" {
          XCTAssertNil(entry, "\(framework) should not read \(activity.id)")
        }
      }
      for (alias, activity) in framework.aliases {
        XCTAssertEqual(framework.resolve(alias).entry, activity, alias)
        XCTAssertEqual(activity.framework, framework, alias)
      }
    }
    XCTAssertEqual(Framework.itil5.resolve("deliver-and-support").entry, nil)
    XCTAssertEqual(Framework.itil5.resolve("discovery"), .alias(.discover, alias: "discovery"))
    XCTAssertEqual(Framework.itil5.resolve("operat"), .unknown(suggestions: ["operate"]))
  }

  func testFrameworksAreReadAsPeopleWriteThem() {
    for written in ["itil5", "ITIL5", "itil-5", "ITIL_V5", "itil-version-5", "5", "v5"] {
      XCTAssertEqual(Framework.named(written), .itil5, written)
    }
    for written in ["itil4", "ITIL-4", "itil_v4", "4"] { XCTAssertEqual(Framework.named(written), .itil4, written) }
    for written in ["itil6", "itil", "", "cobit"] { XCTAssertNil(Framework.named(written), written) }
  }

  func testTheCorrespondenceGoesBothWaysAndStaysInsideTheTarget() {
    for activity in Activity.allCases {
      for target in Framework.allCases {
        let counterparts = ActivityCorrespondence.counterparts(of: activity, in: target)
        XCTAssertFalse(counterparts.isEmpty, "\(activity) in \(target)")
        XCTAssertTrue(counterparts.allSatisfy { $0.framework == target }, "\(activity) in \(target)")
        // Whatever an activity becomes, it can come back to it.
        for counterpart in counterparts {
          XCTAssertTrue(
            ActivityCorrespondence.counterparts(of: counterpart, in: activity.framework).contains(activity),
            "\(activity) -> \(counterpart) -> back")
        }
      }
    }
    XCTAssertEqual(
      ActivityCorrespondence.counterparts(of: .deliverAndSupport, in: .itil5), [.operate, .deliver, .support])
    XCTAssertEqual(ActivityCorrespondence.counterparts(of: .designAndTransition, in: .itil5), [.design, .transition])
    XCTAssertEqual(ActivityCorrespondence.counterparts(of: .plan, in: .itil5), [.discover])
  }
}
