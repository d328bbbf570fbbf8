extension PracticeCatalogue {
  /// ITIL 4's 34 management practices: ids ours and stable, names ITIL's, purposes in our words. Aliases are the
  /// names ITIL used first (`change-control`), British and American spellings, and ITIL v3 names teams still write.
  static let itilPractices: [Practice] = {
    func general(_ id: String, _ name: String, _ purpose: String, _ aliases: [String] = []) -> Practice {
      Practice(id: id, name: name, group: .general, purpose: purpose, aliases: aliases)
    }
    func service(_ id: String, _ name: String, _ purpose: String, _ aliases: [String] = []) -> Practice {
      Practice(id: id, name: name, group: .service, purpose: purpose, aliases: aliases)
    }
    func technical(_ id: String, _ name: String, _ purpose: String) -> Practice {
      Practice(id: id, name: name, group: .technical, purpose: purpose)
    }
    return [
      general(
        "architecture-management", "Architecture management",
        "understand the elements that make up the organisation and how they relate, so that it can change effectively"),
      general(
        "continual-improvement", "Continual improvement",
        "keep practices and services aligned with changing business needs by improving them all the time",
        ["continual-service-improvement"]),
      general(
        "information-security-management", "Information security management",
        "protect the information the organisation needs to do its business: confidentiality, integrity, availability",
        ["access-management"]),
      general(
        "knowledge-management", "Knowledge management",
        "keep information and knowledge effective, efficient and easy to use across the organisation"),
      general(
        "measurement-and-reporting", "Measurement and reporting",
        "support good decisions and continual improvement by reducing uncertainty with measured facts"),
      general(
        "organizational-change-management", "Organizational change management",
        "make organisational changes land smoothly and their benefits last by managing the human side of change",
        ["organisational-change-management"]),
      general(
        "portfolio-management", "Portfolio management",
        "keep the right mix of programmes, projects, products and services to carry out the strategy within its means",
        ["service-portfolio-management"]),
      general(
        "project-management", "Project management",
        "deliver projects successfully by planning, delegating, monitoring and controlling them"),
      general(
        "relationship-management", "Relationship management",
        "establish and nurture the links between the organisation and its stakeholders at strategic and tactical levels",
        ["business-relationship-management"]),
      general(
        "risk-management", "Risk management",
        "make sure the organisation understands and effectively handles its risks"),
      general(
        "service-financial-management", "Service financial management",
        "make sure money and investments are used well to support the service management strategy and plans",
        ["financial-management-for-it-services"]),
      general(
        "strategy-management", "Strategy management",
        "set the organisation's goals and choose the courses of action and resources to achieve them"),
      general(
        "supplier-management", "Supplier management",
        "manage suppliers and their performance so that products and services are provided seamlessly"),
      general(
        "workforce-and-talent-management", "Workforce and talent management",
        "have people with the right skills and knowledge in the right roles to meet the organisation's objectives"),
      service(
        "availability-management", "Availability management",
        "make sure services deliver the availability agreed to meet customers' and users' needs"),
      service(
        "business-analysis", "Business analysis",
        "analyse a business or part of it, define its needs and recommend solutions that create value"),
      service(
        "capacity-and-performance-management", "Capacity and performance management",
        "make sure services achieve agreed performance and meet current and future demand cost-effectively",
        ["capacity-management"]),
      service(
        "change-enablement", "Change enablement",
        "maximise successful changes by assessing their risks, authorising them and managing the change schedule",
        ["change-control", "change-management"]),
      service(
        "incident-management", "Incident management",
        "minimise the harm incidents do by restoring normal service as quickly as possible"),
      service(
        "it-asset-management", "IT asset management",
        "plan and manage the full lifecycle of IT assets to maximise value, control cost and manage risk"),
      service(
        "monitoring-and-event-management", "Monitoring and event management",
        "observe services and their components systematically and record and report the changes of state that matter",
        ["event-management"]),
      service(
        "problem-management", "Problem management",
        "make incidents rarer and less harmful by finding their causes and managing workarounds and known errors"),
      service(
        "release-management", "Release management",
        "make new and changed services and features available for use"),
      service(
        "service-catalogue-management", "Service catalogue management",
        "provide one consistent source of information on all services and offerings, available to those who need it",
        ["service-catalog-management"]),
      service(
        "service-configuration-management", "Service configuration management",
        "have accurate, reliable information about services and the items that support them when and where needed",
        ["service-asset-and-configuration-management"]),
      service(
        "service-continuity-management", "Service continuity management",
        "keep the availability and performance of services at a sufficient level in case of a disaster",
        ["it-service-continuity-management"]),
      service(
        "service-design", "Service design",
        "design products and services that are fit for purpose, fit for use and deliverable by the organisation",
        ["design-coordination"]),
      service(
        "service-desk", "Service desk",
        "capture demand for incident resolution and service requests as the users' single point of contact"),
      service(
        "service-level-management", "Service level management",
        "set clear business-based targets for service levels and assess, monitor and manage delivery against them"),
      service(
        "service-request-management", "Service request management",
        "support agreed service quality by handling pre-defined, user-initiated service requests well",
        ["request-fulfilment"]),
      service(
        "service-validation-and-testing", "Service validation and testing",
        "make sure new or changed products and services meet their defined requirements"),
      technical(
        "deployment-management", "Deployment management",
        "move new or changed hardware, software, documentation and other components to live and other environments"),
      technical(
        "infrastructure-and-platform-management", "Infrastructure and platform management",
        "oversee the infrastructure and platforms the organisation uses, including those from third parties"),
      technical(
        "software-development-and-management", "Software development and management",
        "make sure applications meet stakeholders' needs for function, reliability, maintainability and compliance"),
    ]
  }()
}

extension PracticeCatalogue {
  /// What an alias means when it is more than another spelling: an ITIL v3 name whose work ITIL 4 put inside a
  /// broader practice. Said beside the "older name" finding.
  static let aliasNotes: [String: String] = [
    "access-management": "ITIL v3's access management is part of information security management in ITIL 4",
    "design-coordination": "ITIL v3's design coordination is part of service design in ITIL 4",
    "continual-service-improvement":
      "ITIL v3's continual service improvement is the continual improvement practice in ITIL 4",
    "change-management": "ITIL v3's change management is change enablement in ITIL 4 (first called change control)",
    "service-portfolio-management": "ITIL v3's service portfolio management is part of portfolio management in ITIL 4",
  ]

  /// ITIL v3 names that no single ITIL 4 practice replaces: a person must choose, so they are neither aliases nor
  /// unknown. Normalised names, with the practices that took their work over.
  static let retiredNames: [String: RetiredPractice] = {
    let entries = [
      RetiredPractice(
        name: "release-and-deployment-management", candidates: ["release-management", "deployment-management"],
        note: "ITIL 4 splits it into release management and deployment management"),
      RetiredPractice(
        name: "transition-planning-and-support",
        candidates: ["project-management", "change-enablement", "release-management"],
        note: "ITIL 4 has no single practice for ITIL v3's transition planning and support"),
      RetiredPractice(
        name: "technical-management", candidates: ["infrastructure-and-platform-management"],
        note: "ITIL v3's technical management was a function, not a practice"),
      RetiredPractice(
        name: "application-management", candidates: ["software-development-and-management"],
        note: "ITIL v3's application management was a function, not a practice"),
      RetiredPractice(
        name: "it-operations-management", candidates: ["infrastructure-and-platform-management"],
        note:
          "ITIL v3's IT operations management was a function, not a practice; the operations work itself is the deliver-and-support activity"
      ),
    ]
    return Dictionary(uniqueKeysWithValues: entries.map { ($0.name, $0) })
  }()
}

/// An ITIL v3 practice or function name that no single ITIL 4 practice replaces.
public struct RetiredPractice: Sendable, Hashable {
  /// The name, normalised (`release-and-deployment-management`).
  public var name: String
  /// The ITIL 4 practices that took its work over, by id: the author chooses among them.
  public var candidates: [String]
  /// Why it has no single successor.
  public var note: String
}
