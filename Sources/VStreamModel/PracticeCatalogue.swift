import VStreamSource

/// The practices a stream may name: ITIL 4's 34 and any the organisation adds. The single source of practice data
/// for the checker, `vstream practices`, and the back ends.
public struct PracticeCatalogue: Sendable {
  /// Catalogue order: ITIL's groups in order, ids sorted within a group, then custom practices as declared.
  public let all: [Practice]
  private let byKey: [String: (practice: Practice, isAlias: Bool)]

  /// The 34 ITIL 4 practices.
  public static let itil = PracticeCatalogue(practices: PracticeCatalogue.itilPractices)

  private init(practices: [Practice]) {
    all = practices
    var keys: [String: (Practice, Bool)] = [:]
    for practice in practices {
      keys[practice.id] = (practice, false)
      for alias in practice.aliases { keys[Catalogue.normalize(alias)] = (practice, true) }
    }
    byKey = keys
  }

  /// The ITIL catalogue plus `custom` practices. A custom id (or alias) that is already taken is left out and
  /// returned in `conflicts` so that the configuration can report it.
  public static func make(custom: [Practice]) -> (catalogue: PracticeCatalogue, conflicts: [Practice]) {
    var practices = itil.all
    var taken = Set(itil.byKey.keys)
    var conflicts: [Practice] = []
    for practice in custom {
      let keys = [practice.id] + practice.aliases.map(Catalogue.normalize)
      if keys.contains(where: taken.contains) {
        conflicts.append(practice)
        continue
      }
      taken.formUnion(keys)
      practices.append(practice)
    }
    return (PracticeCatalogue(practices: practices), conflicts)
  }

  public func practice(id: String) -> Practice? {
    guard let entry = byKey[id], !entry.isAlias else { return nil }
    return entry.practice
  }

  /// Position of a practice in catalogue order, for sorting.
  public func index(of id: String) -> Int {
    all.firstIndex { $0.id == id } ?? all.count
  }

  /// Reads a practice as written: case-insensitive, `_` the same as `-`, aliases accepted.
  public func resolve(_ written: String) -> Resolution<Practice> {
    let key = Catalogue.normalize(written)
    if let entry = byKey[key] {
      return entry.isAlias ? .alias(entry.practice, alias: written) : .canonical(entry.practice)
    }
    return .unknown(suggestions: suggestions(for: key))
  }

  /// Close ids by edit distance (over ids and aliases), then ids that contain the written words
  /// (`incident` -> `incident-management`).
  func suggestions(for key: String) -> [String] {
    var result: [String] = []
    func add(_ id: String) { if !result.contains(id), result.count < 3 { result.append(id) } }
    let keys = byKey.keys.sorted()
    for close in Spelling.suggestions(for: key, among: keys, count: 3) { add(byKey[close]!.practice.id) }
    let words = key.split(separator: "-").filter { $0.count >= 3 && $0 != "management" }
    if !words.isEmpty {
      for practice in all where words.allSatisfy({ word in practice.id.split(separator: "-").contains { $0.hasPrefix(word) } }) {
        add(practice.id)
      }
    }
    return result
  }

  static let itilPractices: [Practice] = {
    func p(_ id: String, _ name: String, _ group: PracticeGroup, _ purpose: String, _ aliases: [String] = []) -> Practice {
      Practice(id: id, name: name, group: group, purpose: purpose, aliases: aliases)
    }
    return [
      p("architecture-management", "Architecture management", .general, "understand the elements of the organisation and how they relate, to change it effectively"),
      p("continual-improvement", "Continual improvement", .general, "align practices and services with changing business needs through ongoing improvement"),
      p("information-security-management", "Information security management", .general, "protect the information the organisation needs to conduct its business"),
      p("knowledge-management", "Knowledge management", .general, "maintain and improve the effective, efficient and convenient use of information and knowledge"),
      p("measurement-and-reporting", "Measurement and reporting", .general, "support good decisions and continual improvement by reducing uncertainty"),
      p("organizational-change-management", "Organizational change management", .general, "make sure changes in the organisation are implemented smoothly and the benefits achieved", ["organisational-change-management"]),
      p("portfolio-management", "Portfolio management", .general, "have the right mix of programmes, projects, products and services to execute the strategy"),
      p("project-management", "Project management", .general, "make sure projects are planned, delegated, monitored and delivered successfully"),
      p("relationship-management", "Relationship management", .general, "establish and nurture links with stakeholders at strategic and tactical levels", ["business-relationship-management"]),
      p("risk-management", "Risk management", .general, "understand and effectively handle risks"),
      p("service-financial-management", "Service financial management", .general, "support the strategies and plans for service management with financial resources", ["financial-management-for-it-services"]),
      p("strategy-management", "Strategy management", .general, "formulate the organisation's goals and the courses of action to achieve them"),
      p("supplier-management", "Supplier management", .general, "make sure suppliers and their performance are managed to support seamless services"),
      p("workforce-and-talent-management", "Workforce and talent management", .general, "have the right people with the right skills in the right roles"),
      p("availability-management", "Availability management", .service, "make sure services deliver the agreed levels of availability"),
      p("business-analysis", "Business analysis", .service, "analyse a business, define its needs and recommend solutions that create value"),
      p("capacity-and-performance-management", "Capacity and performance management", .service, "make sure services achieve the agreed performance and meet demand cost-effectively", ["capacity-management"]),
      p("change-enablement", "Change enablement", .service, "maximise successful changes by assessing risks, authorising changes and managing the schedule", ["change-control"]),
      p("incident-management", "Incident management", .service, "minimise the negative impact of incidents by restoring normal service as quickly as possible"),
      p("it-asset-management", "IT asset management", .service, "plan and manage the full lifecycle of all IT assets"),
      p("monitoring-and-event-management", "Monitoring and event management", .service, "observe services and components, and record and report selected changes of state", ["event-management"]),
      p("problem-management", "Problem management", .service, "reduce the likelihood and impact of incidents by finding causes and managing workarounds and known errors"),
      p("release-management", "Release management", .service, "make new and changed services and features available for use"),
      p("service-catalogue-management", "Service catalogue management", .service, "provide a single source of consistent information on all services and offerings", ["service-catalog-management"]),
      p("service-configuration-management", "Service configuration management", .service, "keep accurate, reliable information about the configuration of services and the items that support them", ["service-asset-and-configuration-management"]),
      p("service-continuity-management", "Service continuity management", .service, "keep the availability and performance of services at a sufficient level in a disaster", ["it-service-continuity-management"]),
      p("service-design", "Service design", .service, "design products and services that are fit for purpose, fit for use and deliverable"),
      p("service-desk", "Service desk", .service, "capture demand for incident resolution and service requests; the single point of contact for users"),
      p("service-level-management", "Service level management", .service, "set clear business-based targets for service levels and assess and manage services against them"),
      p("service-request-management", "Service request management", .service, "support the agreed quality of a service by handling all pre-defined, user-initiated service requests", ["request-fulfilment"]),
      p("service-validation-and-testing", "Service validation and testing", .service, "make sure new or changed products and services meet defined requirements"),
      p("deployment-management", "Deployment management", .technical, "move new or changed hardware, software, documentation and processes to live environments"),
      p("infrastructure-and-platform-management", "Infrastructure and platform management", .technical, "oversee the infrastructure and platforms the organisation uses"),
      p("software-development-and-management", "Software development and management", .technical, "make sure applications meet stakeholder needs in functionality, reliability, maintainability and more"),
    ]
  }()
}
