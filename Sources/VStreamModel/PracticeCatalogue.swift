import VStreamSource

/// The practices a stream may name: ITIL 4's 34 and any the organisation adds. The single source of practice data
/// for the checker, the formatter, `vstream practices` and the back ends.
public struct PracticeCatalogue: Sendable {
  /// Catalogue order: ITIL's groups in order, ids sorted within a group, then custom practices as declared.
  public let all: [Practice]
  /// Normalised id or alias -> position in `all`.
  private let byKey: [String: (index: Int, isAlias: Bool)]
  /// The same keys, looked up from a file's bytes: a practice written exactly as its id or an alias (nearly every
  /// one) is found without making a `String`.
  private let spellings: ByteKeyedTable<Spelling>

  /// A practice's position in `all`, and whether the spelling is an alias.
  public struct Spelling: Sendable {
    public var index: Int
    public var isAlias: Bool
  }

  /// The 34 ITIL 4 practices and their aliases.
  public static let itil = PracticeCatalogue(
    practices: itilPractices.sorted { ($0.group!, $0.id) < ($1.group!, $1.id) })

  private init(practices: [Practice]) {
    all = practices
    var keys: [String: (index: Int, isAlias: Bool)] = [:]
    for (index, practice) in practices.enumerated() {
      keys[practice.id] = (index, false)
      for alias in practice.aliases where keys[alias] == nil { keys[alias] = (index, true) }
    }
    byKey = keys
    var table = ByteKeyedTable<Spelling>(capacity: keys.count)
    for (key, entry) in keys.sorted(by: { $0.key < $1.key }) {
      let bytes = Array(key.utf8)
      table.insert(
        bytes, SourceRange(start: 0, end: UInt32(bytes.count)),
        value: Spelling(index: entry.index, isAlias: entry.isAlias))
    }
    spellings = table
  }

  /// The ITIL catalogue plus the organisation's `custom` practices, in the order given.
  ///
  /// Ids and aliases are normalised (lower case, `-` for `_`). A custom practice whose id or alias is already taken,
  /// by ITIL or by an earlier custom practice, is left out whole and described in `conflicts`, so that the
  /// configuration can report it where it is written; nothing is dropped silently.
  public static func make(custom: [Practice]) -> (catalogue: PracticeCatalogue, conflicts: [PracticeConflict]) {
    var practices = itil.all
    var owner: [String: String] = [:]
    for practice in itil.all {
      for key in [practice.id] + practice.aliases { owner[key] = practice.id }
    }
    var conflicts: [PracticeConflict] = []
    for (index, written) in custom.enumerated() {
      var practice = written
      practice.id = Catalogue.normalize(written.id)
      var aliases: [String] = []
      for alias in written.aliases.map(Catalogue.normalize) where alias != practice.id && !aliases.contains(alias) {
        aliases.append(alias)
      }
      practice.aliases = aliases
      practice.isCustom = true
      if let key = ([practice.id] + aliases).first(where: { owner[$0] != nil }) {
        let holder = owner[key]!
        conflicts.append(
          PracticeConflict(
            index: index, practice: practice, key: key, existing: holder,
            isBuiltIn: itil.practice(id: holder) != nil))
        continue
      }
      for key in [practice.id] + aliases { owner[key] = practice.id }
      practices.append(practice)
    }
    return (PracticeCatalogue(practices: practices), conflicts)
  }

  /// The practice with exactly this canonical id (not an alias, not normalised).
  public func practice(id: String) -> Practice? {
    guard let entry = byKey[id], !entry.isAlias else { return nil }
    return all[entry.index]
  }

  /// Position of a practice in catalogue order, for sorting; `all.count` for an id not in the catalogue.
  public func index(of id: String) -> Int {
    guard let entry = byKey[id], !entry.isAlias else { return all.count }
    return entry.index
  }

  /// Reads a practice as written: case does not matter, `_` is the same as `-`, aliases are accepted. An unknown
  /// word gets up to three suggestions (practice ids): close spellings of an id or alias first, by edit distance then
  /// id, then practices whose words cover the written ones (`incident` -> `incident-management`).
  /// The practice written exactly as its id or an alias at `bytes[range]`, or nil: then `resolve(_:)` reads it
  /// (another case, `_` for `-`, or an unknown name).
  public func exactSpelling(_ bytes: SourceBytes, _ range: SourceRange) -> Spelling? {
    spellings.find(bytes, range).map { spellings.value(at: $0) }
  }

  /// Why an alias is more than another spelling (an ITIL v3 practice folded into a broader one), or nil.
  public func aliasNote(_ written: String) -> String? {
    Self.aliasNotes[Catalogue.normalize(written)]
  }

  /// The ITIL v3 name `written` stands for when no single ITIL 4 practice replaces it, and the organisation has not
  /// declared a practice of that name; else nil.
  public func retired(_ written: String) -> RetiredPractice? {
    let key = Catalogue.normalize(written)
    guard byKey[key] == nil else { return nil }
    return Self.retiredNames[key]
  }

  public func resolve(_ written: String) -> PracticeResolution {
    let key = Catalogue.normalize(written)
    if let entry = byKey[key] {
      return entry.isAlias ? .alias(all[entry.index], alias: written) : .canonical(all[entry.index])
    }
    let entries = all.map { (id: $0.id, spellings: [$0.id] + $0.aliases) }
    return .unknown(suggestions: Catalogue.suggestions(for: key, entries: entries))
  }
}
