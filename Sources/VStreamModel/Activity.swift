/// The six activities of the ITIL 4 service value chain, by stable id, in the order ITIL lists them.
public enum Activity: String, CaseIterable, Sendable, Hashable, Comparable {
  case plan
  case improve
  case engage
  case designAndTransition = "design-and-transition"
  case obtainBuild = "obtain-build"
  case deliverAndSupport = "deliver-and-support"

  /// The stable id written in `.vstream` files and printed by every back end.
  public var id: String { rawValue }

  /// ITIL's name for the activity.
  public var name: String {
    switch self {
    case .plan: return "Plan"
    case .improve: return "Improve"
    case .engage: return "Engage"
    case .designAndTransition: return "Design and transition"
    case .obtainBuild: return "Obtain/build"
    case .deliverAndSupport: return "Deliver and support"
    }
  }

  /// What the activity is for, in one line (our words).
  public var purpose: String {
    switch self {
    case .plan:
      return "a shared view of vision, current status and improvement direction across the four dimensions and every "
        + "product and service"
    case .improve:
      return "continual improvement of products, services and practices across all activities and dimensions"
    case .engage:
      return "understand stakeholders' needs, stay transparent and keep good relationships with consumers, partners "
        + "and suppliers"
    case .designAndTransition:
      return "products and services keep meeting stakeholders' expectations of quality, cost and time to market"
    case .obtainBuild:
      return "service components are available when and where needed and meet agreed specifications"
    case .deliverAndSupport:
      return "services are delivered and supported to agreed specifications and expectations"
    }
  }

  /// What the activity typically hands on to the others.
  public var outputs: String {
    switch self {
    case .plan:
      return "strategic, tactical and operational plans; portfolio decisions; architectures and policies"
    case .improve:
      return "improvement initiatives; status reports; value-chain performance information"
    case .engage:
      return "consolidated demand and opportunities; product and service requirements; user support tasks; change or "
        + "project initiation requests"
    case .designAndTransition:
      return "requirements and specifications; new and changed products and services; knowledge about them"
    case .obtainBuild:
      return "service components (built or bought); knowledge about them"
    case .deliverAndSupport:
      return "services delivered; completed user support tasks; performance information; change requests"
    }
  }

  /// Other spellings people write for this activity, normalised (lower case, `-` for `_`), accepted and rewritten to
  /// the id by the formatter.
  public var aliases: [String] {
    switch self {
    case .plan, .improve, .engage: return []
    case .designAndTransition: return ["design-transition", "design-&-transition"]
    case .obtainBuild: return ["obtain/build", "obtain-and-build", "build"]
    case .deliverAndSupport: return ["deliver-support", "deliver-&-support"]
    }
  }

  /// Every alias with the activity it stands for.
  public static let aliases: [String: Activity] = Dictionary(
    uniqueKeysWithValues: allCases.flatMap { activity in activity.aliases.map { ($0, activity) } })

  /// Reads an activity as written: case does not matter, `_` is the same as `-`, aliases are accepted. An unknown
  /// word gets up to three suggestions (activity ids), best first.
  public static func resolve(_ written: String) -> ActivityResolution {
    let key = Catalogue.normalize(written)
    if let activity = Activity(rawValue: key) { return .canonical(activity) }
    if let activity = aliases[key] { return .alias(activity, alias: written) }
    let entries = allCases.map { (id: $0.id, spellings: [$0.id] + $0.aliases) }
    return .unknown(suggestions: Catalogue.suggestions(for: key, entries: entries))
  }

  /// Position in ITIL's order (`allCases`), for tables and breakdowns.
  public var index: Int {
    switch self {
    case .plan: return 0
    case .improve: return 1
    case .engage: return 2
    case .designAndTransition: return 3
    case .obtainBuild: return 4
    case .deliverAndSupport: return 5
    }
  }

  public static func < (lhs: Activity, rhs: Activity) -> Bool { lhs.index < rhs.index }
}
