/// The activities a step maps to, by stable id: the six of the ITIL 4 service value chain in the order ITIL lists
/// them, then the eight of ITIL (Version 5)'s product and service lifecycle in theirs. Which of them a stream may use
/// is its ``Framework``'s: `Framework.activities` and `Framework.resolve(_:)` are the per-framework view, and
/// `allCases` is every framework's, ITIL 4's first.
public enum Activity: String, CaseIterable, Sendable, Hashable, Comparable {
  case plan
  case improve
  case engage
  case designAndTransition = "design-and-transition"
  case obtainBuild = "obtain-build"
  case deliverAndSupport = "deliver-and-support"
  // ITIL (Version 5): described in `Activity+Lifecycle.swift`.
  case discover
  case design
  case acquire
  case build
  case transition
  case operate
  case deliver
  case support

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
    default: return lifecycleName
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
    default: return lifecyclePurpose
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
    default: return lifecycleOutputs
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
    default: return lifecycleAliases
    }
  }

  /// Every ITIL 4 alias with the activity it stands for (a Version 5 stream's are its framework's: `build` is an
  /// ITIL 4 alias of `obtain-build` but a Version 5 id).
  public static let aliases: [String: Activity] = Framework.itil4.aliases

  /// Reads an activity as written in an ITIL 4 stream: `Framework.itil4.resolve(_:)`. Case does not matter, `_` is
  /// the same as `-`, aliases are accepted; an unknown word gets up to three suggestions (activity ids), best first.
  public static func resolve(_ written: String) -> ActivityResolution {
    Framework.itil4.resolve(written)
  }

  /// Position in its framework's order (`framework.activities`), for tables and breakdowns.
  public var index: Int {
    switch self {
    case .plan: return 0
    case .improve: return 1
    case .engage: return 2
    case .designAndTransition: return 3
    case .obtainBuild: return 4
    case .deliverAndSupport: return 5
    default: return lifecycleIndex
    }
  }

  /// ITIL 4's first, then Version 5's, each in its framework's order.
  public static func < (lhs: Activity, rhs: Activity) -> Bool {
    (lhs.framework == .itil4 ? 0 : 1, lhs.index) < (rhs.framework == .itil4 ? 0 : 1, rhs.index)
  }
}
