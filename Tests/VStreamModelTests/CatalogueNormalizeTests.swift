import XCTest

@testable import VStreamModel

final class CatalogueNormalizeTests: XCTestCase {
  /// The ASCII fast path gives what the general (Character) definition gives, for ASCII and non-ASCII names alike.
  func testFastPathMatchesTheGeneralDefinition() {
    let names = [
      "Incident_Management", "deliver and support", "OBTAIN/BUILD", "service-desk", "", "_ _", "Zz09-_ ",
      "Änderungs_Management", "ÉTAPE Un", "İstanbul", "straße",
    ]
    for name in names {
      let general = String(name.lowercased().map { $0 == "_" || $0 == " " ? "-" : $0 })
      XCTAssertEqual(Catalogue.normalize(name), general, name)
    }
  }
}
