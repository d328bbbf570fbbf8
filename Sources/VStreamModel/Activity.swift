import VStreamSource

/// The six activities of the ITIL 4 service value chain, by stable id.
public enum Activity: String, CaseIterable, Sendable, Hashable, Comparable {
  case plan
  case improve
  case engage
  case designAndTransition = "design-and-transition"
  case obtainBuild = "obtain-build"
  case deliverAndSupport = "deliver-and-support"

  public var id: String { rawValue }

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

  public var purpose: String {
    switch self {
    case .plan:
      return "a shared view of vision, current status and improvement direction across all four dimensions"
    case .improve: return "continual improvement of products, services and practices across all activities"
    case .engage:
      return "understand stakeholders' needs, stay transparent and keep good relationships with all stakeholders"
    case .designAndTransition:
      return "products and services keep meeting stakeholders' expectations of quality, cost and time to market"
    case .obtainBuild: return "service components are available when and where needed and meet agreed specifications"
    case .deliverAndSupport: return "services are delivered and supported to agreed specifications and expectations"
    }
  }

  /// Spellings people write, accepted and normalised by the formatter.
  public static let aliases: [String: Activity] = [
    "design-transition": .designAndTransition, "design-&-transition": .designAndTransition,
    "obtain/build": .obtainBuild, "obtain-and-build": .obtainBuild, "build": .obtainBuild,
    "deliver-support": .deliverAndSupport, "deliver-&-support": .deliverAndSupport,
  ]

  /// Reads an activity as written: case-insensitive, `_` the same as `-`, aliases accepted.
  public static func resolve(_ written: String) -> Resolution<Activity> {
    let key = Catalogue.normalize(written)
    if let activity = Activity(rawValue: key) { return .canonical(activity) }
    if let activity = aliases[key] { return .alias(activity, alias: written) }
    let candidates = allCases.map(\.rawValue) + aliases.keys.sorted()
    let suggestions = Spelling.suggestions(for: key, among: candidates, count: 3).map { (aliases[$0] ?? Activity(rawValue: $0)!).rawValue }
    return .unknown(suggestions: Array(Set(suggestions)).sorted { suggestions.firstIndex(of: $0)! < suggestions.firstIndex(of: $1)! })
  }

  private var order: Int { Activity.allCases.firstIndex(of: self)! }
  public static func < (lhs: Activity, rhs: Activity) -> Bool { lhs.order < rhs.order }
}

/// The outcome of looking a written name up in a catalogue.
public enum Resolution<Entry: Sendable>: Sendable {
  case canonical(Entry)
  /// Written with an alias (an older or regional name); the entry is what it means.
  case alias(Entry, alias: String)
  /// Not known; up to three close names.
  case unknown(suggestions: [String])

  public var entry: Entry? {
    switch self {
    case .canonical(let entry), .alias(let entry, _): return entry
    case .unknown: return nil
    }
  }
}

/// Normalisation shared by the catalogues.
public enum Catalogue {
  /// Lower case, `_` and spaces as `-`.
  public static func normalize(_ written: String) -> String {
    String(written.lowercased().map { $0 == "_" || $0 == " " ? "-" : $0 })
  }
}
