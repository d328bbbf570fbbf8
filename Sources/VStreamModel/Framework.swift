/// The ITIL framework a stream follows, which decides the activities its steps map to. ITIL 4 is the default, so a
/// file that names none keeps the meaning it always had; a stream says `framework: itil5` in its front matter, or a
/// repository in `vstream.yml`.
///
/// Each framework is one activity catalogue behind the same interface (`activities`, `resolve(_:)`, `aliases`), and
/// carries the typical shape its streams have, which the shape lints read instead of naming activities themselves.
public enum Framework: String, CaseIterable, Sendable, Hashable, Comparable {
  case itil4
  /// ITIL (Version 5), published February 2026: the eight lifecycle activities.
  case itil5

  /// The id written after `framework:`.
  public var id: String { rawValue }

  /// The framework's name as people say it.
  public var name: String {
    switch self {
    case .itil4: return "ITIL 4"
    case .itil5: return "ITIL Version 5"
    }
  }

  /// What one of its activities is called, in lower case: a value chain activity, a lifecycle activity.
  public var activityKind: String {
    switch self {
    case .itil4: return "value chain activity"
    case .itil5: return "lifecycle activity"
    }
  }

  /// The same, capitalised, as a legend's heading.
  public var activityHeading: String {
    switch self {
    case .itil4: return "Value chain activity"
    case .itil5: return "Lifecycle activity"
    }
  }

  /// Its activities, in ITIL's order.
  public var activities: [Activity] { Activity.allCases.filter { $0.framework == self } }

  /// Every alias of one of its activities, normalised, with the activity it stands for.
  public var aliases: [String: Activity] {
    Dictionary(uniqueKeysWithValues: activities.flatMap { activity in activity.aliases.map { ($0, activity) } })
  }

  /// Reads an activity as written in a stream of this framework: case does not matter, `_` is the same as `-`, the
  /// framework's aliases are accepted. Another framework's activity is unknown here (`build` is ITIL 4's alias of
  /// `obtain-build`, and Version 5's own `build`). An unknown word gets up to three suggestions, best first.
  public func resolve(_ written: String) -> ActivityResolution {
    let key = Catalogue.normalize(written)
    if let activity = Activity(rawValue: key), activity.framework == self { return .canonical(activity) }
    if let activity = Self.aliasTables[self]?[key] { return .alias(activity, alias: written) }
    let entries = activities.map { (id: $0.id, spellings: [$0.id] + $0.aliases) }
    return .unknown(suggestions: Catalogue.suggestions(for: key, entries: entries))
  }

  /// The frameworks other than this one, in order: where a word unknown here is looked up to say whose it is.
  public var others: [Framework] { Self.allCases.filter { $0 != self } }

  /// Reads a framework as written (`itil5`, `ITIL-5`, `itil_v5`, `5`); nil when it names none.
  public static func named(_ written: String) -> Framework? {
    let key = String(Catalogue.normalize(written).filter { $0 != "-" })
    switch key {
    case "itil4", "itilv4", "4", "v4": return .itil4
    case "itil5", "itilv5", "itilversion5", "5", "v5": return .itil5
    default: return nil
    }
  }

  public static func < (lhs: Framework, rhs: Framework) -> Bool {
    (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
  }

  private static let aliasTables: [Framework: [String: Activity]] = Dictionary(
    uniqueKeysWithValues: allCases.map { ($0, $0.aliases) })
}

/// The typical shape of a stream in each framework: not rules ITIL states, but what the shape lints (VS402, VS403)
/// expect, so that they speak the framework's language rather than naming ITIL 4's activities.
extension Framework {
  /// The activities in which a stream works with its consumer: ITIL 4's engage; Version 5's discover (needs),
  /// deliver (the service provided) and support (issues and requests).
  public var consumerActivities: [Activity] {
    switch self {
    case .itil4: return [.engage]
    case .itil5: return [.discover, .deliver, .support]
    }
  }

  /// Where a stream raised by a person usually starts: ITIL 4's engage; Version 5's discover (a need) or support (an
  /// issue or request).
  public var typicalFirstActivities: [Activity] {
    switch self {
    case .itil4: return [.engage]
    case .itil5: return [.discover, .support]
    }
  }

  /// Where a stream raised by an event (monitoring, an alert) usually starts: detection and correlation are ITIL 4's
  /// deliver and support, and Version 5's operate.
  public var eventDrivenFirstActivities: [Activity] {
    switch self {
    case .itil4: return [.deliverAndSupport]
    case .itil5: return [.operate]
    }
  }
}
