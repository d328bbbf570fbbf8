/// vstream's working correspondence between ITIL 4's value chain activities and ITIL (Version 5)'s lifecycle
/// activities: ours, for migration hints and fixes, not ITIL's (ITIL publishes no such table).
///
/// | ITIL 4 | Version 5 |
/// | --- | --- |
/// | plan, improve | discover |
/// | engage | discover, deliver or support (needs are discovered; support tasks and confirming value are not) |
/// | design-and-transition | design or transition |
/// | obtain-build | acquire or build |
/// | deliver-and-support | operate, deliver or support |
///
/// The other way, each Version 5 activity has its ITIL 4 counterparts from the same rows (discover: plan, engage or
/// improve; deliver and support: deliver-and-support or engage), so that whatever an activity becomes can become it
/// again. One counterpart is a mapping a tool may apply; several are a person's choice.
public enum ActivityCorrespondence {
  /// The activities of `target` that `activity` may become, most usual first; `[activity]` in its own framework.
  public static func counterparts(of activity: Activity, in target: Framework) -> [Activity] {
    guard activity.framework != target else { return [activity] }
    switch activity {
    case .plan, .improve: return [.discover]
    case .engage: return [.discover, .deliver, .support]
    case .designAndTransition: return [.design, .transition]
    case .obtainBuild: return [.acquire, .build]
    case .deliverAndSupport: return [.operate, .deliver, .support]
    case .discover: return [.plan, .engage, .improve]
    case .design, .transition: return [.designAndTransition]
    case .acquire, .build: return [.obtainBuild]
    case .operate: return [.deliverAndSupport]
    case .deliver, .support: return [.deliverAndSupport, .engage]
    }
  }
}

extension ActivityCorrespondence {
  /// Which Version 5 activity a practice most often points to, when a step's ITIL 4 activity has several
  /// counterparts: our reading of where each practice's work sits in the lifecycle, used only to put the likelier
  /// candidates first. It never decides: the step is still left for a person.
  static let lifecycleHints: [String: Activity] = [
    "business-analysis": .discover, "portfolio-management": .discover, "strategy-management": .discover,
    "relationship-management": .discover,
    "service-design": .design, "architecture-management": .design,
    "supplier-management": .acquire, "it-asset-management": .acquire,
    "software-development-and-management": .build,
    "change-enablement": .transition, "release-management": .transition, "deployment-management": .transition,
    "service-validation-and-testing": .transition,
    "monitoring-and-event-management": .operate, "infrastructure-and-platform-management": .operate,
    "capacity-and-performance-management": .operate, "availability-management": .operate,
    "service-level-management": .deliver,
    "service-desk": .support, "incident-management": .support, "problem-management": .support,
    "service-request-management": .support,
  ]

  /// `candidates` with those the step's practices (ids) point to first, most pointed-to first, the rest in their
  /// order; and the practices behind the first when it was moved there.
  public static func ranked(_ candidates: [Activity], practices: [String]) -> (
    candidates: [Activity], because: [String]
  ) {
    let votes = candidates.map { candidate in practices.filter { lifecycleHints[$0] == candidate } }
    let order = candidates.indices.sorted { (votes[$0].count, -$0) > (votes[$1].count, -$1) }
    let top = votes[order[0]].count
    let runnerUp = order.count > 1 ? votes[order[1]].count : 0
    return (order.map { candidates[$0] }, top > runnerUp ? votes[order[0]] : [])
  }
}
