import Foundation
import VStreamModel
import XCTest

final class PracticeCatalogueTests: XCTestCase {
  /// The ids as ITIL.md lists them, group by group.
  let general = [
    "architecture-management", "continual-improvement", "information-security-management", "knowledge-management",
    "measurement-and-reporting", "organizational-change-management", "portfolio-management", "project-management",
    "relationship-management", "risk-management", "service-financial-management", "strategy-management",
    "supplier-management", "workforce-and-talent-management",
  ]
  let service = [
    "availability-management", "business-analysis", "capacity-and-performance-management", "change-enablement",
    "incident-management", "it-asset-management", "monitoring-and-event-management", "problem-management",
    "release-management", "service-catalogue-management", "service-configuration-management",
    "service-continuity-management", "service-design", "service-desk", "service-level-management",
    "service-request-management", "service-validation-and-testing",
  ]
  let technical = [
    "deployment-management", "infrastructure-and-platform-management", "software-development-and-management",
  ]

  /// The aliases as ITIL.md lists them, with the practice each stands for.
  let aliases = [
    ("change-control", "change-enablement"), ("organisational-change-management", "organizational-change-management"),
    ("service-catalog-management", "service-catalogue-management"),
    ("request-fulfilment", "service-request-management"),
    ("event-management", "monitoring-and-event-management"),
    ("service-asset-and-configuration-management", "service-configuration-management"),
    ("it-service-continuity-management", "service-continuity-management"),
    ("capacity-management", "capacity-and-performance-management"),
    ("business-relationship-management", "relationship-management"),
    ("financial-management-for-it-services", "service-financial-management"),
    ("change-management", "change-enablement"), ("service-portfolio-management", "portfolio-management"),
    ("continual-service-improvement", "continual-improvement"),
    ("access-management", "information-security-management"),
    ("design-coordination", "service-design"),
  ]

  let itil = PracticeCatalogue.itil

  func testEveryPracticeOnceInItsGroupOrderedByGroupThenId() {
    XCTAssertEqual([general.count, service.count, technical.count], [14, 17, 3])
    XCTAssertEqual(itil.all.map(\.id), general.sorted() + service.sorted() + technical.sorted())
    for (group, ids) in [(PracticeGroup.general, general), (.service, service), (.technical, technical)] {
      XCTAssertEqual(itil.all.filter { $0.group == group }.map(\.id), ids.sorted(), group.name)
    }
    XCTAssertEqual(Set(itil.all.map(\.id)).count, 34)
    XCTAssertTrue(itil.all.allSatisfy { !$0.isCustom })
    XCTAssertEqual(
      PracticeGroup.allCases.map(\.name), ["General management", "Service management", "Technical management"])
  }

  func testNamesAndPurposesAreFilledInAndDistinct() {
    XCTAssertEqual(itil.practice(id: "change-enablement")?.name, "Change enablement")
    XCTAssertEqual(itil.practice(id: "it-asset-management")?.name, "IT asset management")
    for practice in itil.all {
      // A name is the id in words, so the two cannot drift apart.
      XCTAssertEqual(practice.name.lowercased().replacingOccurrences(of: " ", with: "-"), practice.id)
      XCTAssertFalse(practice.purpose.isEmpty, practice.id)
      XCTAssertFalse(practice.purpose.hasSuffix("."), "purposes are fragments, printed in tables: \(practice.id)")
      XCTAssertLessThanOrEqual(practice.purpose.count, 120, practice.id)
    }
    XCTAssertEqual(Set(itil.all.map(\.purpose)).count, 34)
  }

  func testEveryAliasResolvesToItsPracticeAndNoOther() {
    for (alias, id) in aliases {
      guard case .alias(let practice, let written) = itil.resolve(alias) else { return XCTFail(alias) }
      XCTAssertEqual(practice.id, id, alias)
      XCTAssertEqual(written, alias)
      XCTAssertNil(itil.practice(id: alias), "an alias is not an id: \(alias)")
    }
    let declared = itil.all.flatMap { practice in practice.aliases.map { ($0, practice.id) } }
    XCTAssertEqual(declared.map(\.0).sorted(), aliases.map(\.0).sorted())
  }

  func testCaseAndUnderscoresDoNotMatter() {
    XCTAssertEqual(itil.resolve("Service_Desk"), .canonical(itil.practice(id: "service-desk")!))
    XCTAssertEqual(itil.resolve("INCIDENT_MANAGEMENT").entry?.id, "incident-management")
    XCTAssertFalse(itil.resolve("INCIDENT_MANAGEMENT").isAlias)
    XCTAssertEqual(itil.resolve("Change_Control").entry?.id, "change-enablement")
    XCTAssertTrue(itil.resolve("Change_Control").isAlias)
  }

  func testSuggestionsForTypos() {
    for (typo, expected) in [
      ("incident-managment", "incident-management"), ("chnage-enablement", "change-enablement"),
      ("servicedesk", "service-desk"), ("deploy", "deployment-management"), ("incident", "incident-management"),
      ("deploy-management", "deployment-management"), ("request-fulfillment", "service-request-management"),
      ("incidnt-management", "incident-management"),
    ] {
      guard case .unknown(let suggestions) = itil.resolve(typo) else { return XCTFail(typo) }
      XCTAssertEqual(suggestions.first, expected, typo)
      XCTAssertLessThanOrEqual(suggestions.count, 3, typo)
      XCTAssertEqual(Set(suggestions).count, suggestions.count, "no repeats: \(typo)")
    }
  }

  func testSuggestionsReadMeaningAndAbbreviationsBeforeLooseSpelling() {
    // Whole-id edit distance alone suggested risk-management for security-management ("-management" is shared).
    for (written, expected) in [
      ("infosec-management", ["information-security-management"]),
      ("security-management", ["information-security-management"]),
      ("continuity-management", ["service-continuity-management"]),
      ("cmdb", ["service-configuration-management"]), ("vendor-management", ["supplier-management"]),
      ("sla-management", ["service-level-management"]), ("hr", ["workforce-and-talent-management"]),
    ] {
      guard case .unknown(let suggestions) = itil.resolve(written) else { return XCTFail(written) }
      XCTAssertEqual(suggestions, expected, written)
    }
  }

  func testITILv3NamesAreOlderNamesOrAskWhichPracticeIsMeant() {
    for (older, id) in [
      ("change-management", "change-enablement"), ("service-portfolio-management", "portfolio-management"),
      ("continual-service-improvement", "continual-improvement"),
      ("access-management", "information-security-management"),
      ("design-coordination", "service-design"),
    ] {
      XCTAssertEqual(itil.resolve(older), .alias(itil.practice(id: id)!, alias: older), older)
      XCTAssertNotNil(itil.aliasNote(older), older)
    }
    XCTAssertNil(itil.aliasNote("change-control"), "a plain older name needs no note")
    XCTAssertEqual(
      itil.retired("Release_and_Deployment_Management")?.candidates, ["release-management", "deployment-management"])
    for name in [
      "transition-planning-and-support", "technical-management", "application-management", "it-operations-management",
    ] {
      let retired = itil.retired(name)
      XCTAssertNotNil(retired, name)
      XCTAssertTrue(retired?.candidates.allSatisfy { itil.practice(id: $0) != nil } ?? false, name)
    }
    XCTAssertNil(itil.retired("incident-management"))
    let (custom, _) = PracticeCatalogue.make(
      custom: [Practice(id: "technical-management", name: "Technical management", group: nil, purpose: "ours")])
    XCTAssertNil(custom.retired("technical-management"), "an organisation's own practice of that name wins")
  }

  func testWordSuggestionsPreferFewerExtraWordsThenId() {
    // Both contain "change"; change-enablement has one other word, organizational-change-management two; the alias
    // change-control counts for change-enablement.
    XCTAssertEqual(
      itil.resolve("change"), .unknown(suggestions: ["change-enablement", "organizational-change-management"]))
    guard case .unknown(let services) = itil.resolve("service") else { return XCTFail() }
    // Two-word ids first, then the first of the three-word ones by id.
    XCTAssertEqual(services, ["service-design", "service-desk", "service-catalogue-management"])
    XCTAssertEqual(itil.resolve("quantum-flux"), .unknown(suggestions: []))
    XCTAssertEqual(itil.resolve("management"), .unknown(suggestions: []), "too common a word to suggest from")
  }

  func testHugeUnknownWordsAreCheap() {
    let word = String(repeating: "incident-", count: 120_000)
    let start = Date()
    XCTAssertEqual(itil.resolve(word), .unknown(suggestions: []))
    XCTAssertLessThan(Date().timeIntervalSince(start), 2, "must not run the edit distance on a 1 MB word")
  }

  func testCustomPracticesJoinAfterITILAndConflictsAreReported() {
    let custom = [
      Practice(
        id: "Vendor_Onboarding", name: "Vendor onboarding", group: nil, purpose: "bring vendors in",
        aliases: ["Supplier_Onboarding", "vendor-onboarding"]),
      Practice(id: "service-desk", name: "Clash with an id", group: nil, purpose: "x"),
      Practice(id: "fast-change", name: "Clash with an alias", group: nil, purpose: "x", aliases: ["change-control"]),
      Practice(id: "vendor-onboarding", name: "Clash with a custom id", group: nil, purpose: "x"),
      Practice(id: "chaos-engineering", name: "Chaos engineering", group: nil, purpose: "break things on purpose"),
    ]
    let (catalogue, conflicts) = PracticeCatalogue.make(custom: custom)
    XCTAssertEqual(catalogue.all.count, 36)
    XCTAssertEqual(catalogue.all.suffix(2).map(\.id), ["vendor-onboarding", "chaos-engineering"])
    XCTAssertTrue(catalogue.all.suffix(2).allSatisfy(\.isCustom))
    XCTAssertEqual(catalogue.practice(id: "vendor-onboarding")?.aliases, ["supplier-onboarding"])
    XCTAssertEqual(catalogue.resolve("supplier_onboarding").entry?.id, "vendor-onboarding")
    XCTAssertTrue(catalogue.resolve("supplier_onboarding").isAlias)
    XCTAssertEqual(catalogue.index(of: "chaos-engineering"), 35)
    XCTAssertEqual(catalogue.index(of: "no-such-practice"), 36)
    XCTAssertEqual(catalogue.resolve("chaos-enginering"), .unknown(suggestions: ["chaos-engineering"]))

    XCTAssertEqual(conflicts.map(\.index), [1, 2, 3])
    XCTAssertEqual(conflicts.map(\.id), ["service-desk", "fast-change", "vendor-onboarding"])
    XCTAssertEqual(conflicts.map(\.key), ["service-desk", "change-control", "vendor-onboarding"])
    XCTAssertEqual(conflicts.map(\.existing), ["service-desk", "change-enablement", "vendor-onboarding"])
    XCTAssertEqual(conflicts.map(\.isBuiltIn), [true, true, false])
    XCTAssertEqual(catalogue.resolve("fast-change").entry, nil, "a conflicting practice is left out whole")
    XCTAssertEqual(PracticeCatalogue.itil.all.count, 34, "the shared ITIL catalogue is untouched")
  }
}
