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
