import VStreamModel
import XCTest

final class CatalogueTests: XCTestCase {
  func testThe34PracticesInTheirGroups() {
    let all = PracticeCatalogue.itil.all
    XCTAssertEqual(all.count, 34)
    XCTAssertEqual(Set(all.map(\.id)).count, 34)
    XCTAssertEqual(all.filter { $0.group == .general }.count, 14)
    XCTAssertEqual(all.filter { $0.group == .service }.count, 17)
    XCTAssertEqual(all.filter { $0.group == .technical }.count, 3)
    XCTAssertTrue(all.allSatisfy { !$0.purpose.isEmpty && !$0.name.isEmpty })
  }

  func testEveryAliasFromTheBriefResolves() {
    let aliases = [
      "change-control": "change-enablement", "organisational-change-management": "organizational-change-management",
      "service-catalog-management": "service-catalogue-management", "request-fulfilment": "service-request-management",
      "event-management": "monitoring-and-event-management",
      "service-asset-and-configuration-management": "service-configuration-management",
      "it-service-continuity-management": "service-continuity-management",
      "capacity-management": "capacity-and-performance-management",
      "business-relationship-management": "relationship-management",
      "financial-management-for-it-services": "service-financial-management",
    ]
    for (alias, id) in aliases {
      guard case .alias(let practice, _) = PracticeCatalogue.itil.resolve(alias) else { return XCTFail(alias) }
      XCTAssertEqual(practice.id, id)
    }
  }

  func testCaseAndUnderscoresDoNotMatter() {
    XCTAssertEqual(PracticeCatalogue.itil.resolve("Service_Desk").entry?.id, "service-desk")
    guard case .canonical = PracticeCatalogue.itil.resolve("INCIDENT_MANAGEMENT") else { return XCTFail() }
  }

  func testSuggestionsForTypos() {
    for (typo, expected) in [
      ("incident-managment", "incident-management"), ("chnage-enablement", "change-enablement"),
      ("servicedesk", "service-desk"), ("incident", "incident-management"), ("deploy-management", "deployment-management"),
    ] {
      guard case .unknown(let suggestions) = PracticeCatalogue.itil.resolve(typo) else { return XCTFail(typo) }
      XCTAssertEqual(suggestions.first, expected, typo)
    }
  }

  func testActivitiesAndTheirAliases() {
    XCTAssertEqual(Activity.allCases.map(\.id), ["plan", "improve", "engage", "design-and-transition", "obtain-build", "deliver-and-support"])
    for alias in ["obtain/build", "design-&-transition", "deliver-support", "Design_Transition", "build"] {
      guard case .alias = Activity.resolve(alias) else { return XCTFail(alias) }
    }
    XCTAssertEqual(Activity.resolve("Deliver_And_Support").entry, .deliverAndSupport)
    guard case .unknown(let suggestions) = Activity.resolve("engag") else { return XCTFail() }
    XCTAssertEqual(suggestions, ["engage"])
  }

  func testCustomPracticesAndConflicts() {
    let custom = [
      Practice(id: "vendor-onboarding", name: "Vendor onboarding", group: nil, purpose: "x", isCustom: true),
      Practice(id: "service-desk", name: "Clash", group: nil, purpose: "x", isCustom: true),
    ]
    let (catalogue, conflicts) = PracticeCatalogue.make(custom: custom)
    XCTAssertEqual(catalogue.all.count, 35)
    XCTAssertEqual(conflicts.map(\.id), ["service-desk"])
    XCTAssertEqual(catalogue.resolve("vendor_onboarding").entry?.id, "vendor-onboarding")
  }

  func testDurationsAndPercentages() {
    XCTAssertEqual(Duration(seconds: 5_400).formatted(.calendar), "1h30m")
    XCTAssertEqual(Duration(seconds: 86_400 + 3_600).formatted(.calendar), "1d1h")
    XCTAssertEqual(Duration(seconds: 9 * 3_600).formatted(.working(hoursPerDay: 8, daysPerWeek: 5)), "1d1h")
    XCTAssertEqual(Duration(seconds: 0).formatted(.calendar), "0s")
    XCTAssertEqual(Duration(seconds: .max) + Duration(seconds: 1), Duration(seconds: .max), "sums saturate")
    XCTAssertEqual(Percentage(hundredths: 9250).formatted, "92.5%")
    XCTAssertEqual(Percentage(hundredths: 9725).formatted, "97.25%")
    XCTAssertEqual(Percentage(hundredths: 9005).formatted, "90.05%")
  }
}
