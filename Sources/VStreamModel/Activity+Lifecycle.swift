/// The eight activities of ITIL (Version 5)'s product and service lifecycle, described in our words after the public
/// summaries of Version 5 Foundation (February 2026; `specs/language.md` names the sources). Kept apart from
/// `Activity.swift` so that ITIL 4's six read as they always have.
extension Activity {
  /// The framework whose catalogue the activity belongs to.
  public var framework: Framework {
    switch self {
    case .plan, .improve, .engage, .designAndTransition, .obtainBuild, .deliverAndSupport: return .itil4
    case .discover, .design, .acquire, .build, .transition, .operate, .deliver, .support: return .itil5
    }
  }

  var lifecycleName: String {
    switch self {
    case .discover: return "Discover"
    case .design: return "Design"
    case .acquire: return "Acquire"
    case .build: return "Build"
    case .transition: return "Transition"
    case .operate: return "Operate"
    case .deliver: return "Deliver"
    case .support: return "Support"
    default: return rawValue
    }
  }

  var lifecyclePurpose: String {
    switch self {
    case .discover: return "understand needs, problems and opportunities before committing to a solution"
    case .design: return "shape the solution: what the product or service is and how it will work"
    case .acquire: return "obtain the resources and components the solution needs, from inside or from suppliers"
    case .build: return "create and assemble the components"
    case .transition: return "move new and changed components into the live environment"
    case .operate: return "run the live components and keep them healthy"
    case .deliver: return "provide the service to its consumers"
    case .support: return "handle the consumers' issues, questions and requests"
    default: return ""
    }
  }

  var lifecycleOutputs: String {
    switch self {
    case .discover: return "understood needs and opportunities; requirements; a decision to proceed or not"
    case .design: return "designs and specifications; architectures; acceptance criteria"
    case .acquire: return "components, licences and services bought or assigned; supplier agreements"
    case .build: return "built and tested components; knowledge about them"
    case .transition: return "components released and deployed; knowledge handed over to operations"
    case .operate: return "running services; events and performance information"
    case .deliver: return "services provided to consumers; value co-created"
    case .support: return "resolved issues; fulfilled requests; feedback and improvement ideas"
    default: return ""
    }
  }

  /// Other spellings of a Version 5 activity, normalised; none collides with a Version 5 id.
  var lifecycleAliases: [String] {
    switch self {
    case .discover: return ["discovery"]
    case .acquire: return ["acquisition", "procurement"]
    case .operate: return ["operation", "operations"]
    case .deliver: return ["delivery"]
    default: return []
    }
  }

  var lifecycleIndex: Int {
    switch self {
    case .discover: return 0
    case .design: return 1
    case .acquire: return 2
    case .build: return 3
    case .transition: return 4
    case .operate: return 5
    case .deliver: return 6
    case .support: return 7
    default: return 0
    }
  }
}
