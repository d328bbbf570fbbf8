/// The outcome of looking a written name up in a catalogue (activities or practices).
public enum Resolution<Entry: Sendable>: Sendable {
  /// Written as the entry's id, perhaps in another case or with `_` for `-`.
  case canonical(Entry)
  /// Written with an alias (an older, regional or short name); `alias` is the text as written.
  case alias(Entry, alias: String)
  /// Not known; up to three ids it may have meant, best first.
  case unknown(suggestions: [String])

  /// The entry the name stands for, whether written canonically or as an alias.
  public var entry: Entry? {
    switch self {
    case .canonical(let entry), .alias(let entry, _): return entry
    case .unknown: return nil
    }
  }

  /// Whether the name was an alias (a checker may warn, the formatter rewrites it).
  public var isAlias: Bool {
    if case .alias = self { return true }
    return false
  }
}

extension Resolution: Equatable where Entry: Equatable {}
extension Resolution: Hashable where Entry: Hashable {}

/// How `Activity.resolve(_:)` reads an activity as written.
public typealias ActivityResolution = Resolution<Activity>

/// How `PracticeCatalogue.resolve(_:)` reads a practice as written.
public typealias PracticeResolution = Resolution<Practice>
