/// Spelling rules shared by the activity and practice catalogues: how written names are normalised and how close
/// names are suggested for unknown ones.
public enum Catalogue {
  /// The form names are compared in: lower case, `_` and spaces as `-`.
  ///
  /// A canonical id written as `Deliver_And_Support` normalises to the id itself; the formatter compares the written
  /// text with the resolved id to decide whether to rewrite it.
  public static func normalize(_ written: String) -> String {
    // Nearly every name is ASCII: map its bytes directly (the Character path below is many times slower).
    var bytes = Array(written.utf8)
    if bytes.allSatisfy({ $0 < 0x80 }) {
      for index in bytes.indices {
        switch bytes[index] {
        case 0x41...0x5A: bytes[index] += 0x20
        case 0x5F, 0x20: bytes[index] = 0x2D
        default: break
        }
      }
      return String(decoding: bytes, as: UTF8.self)
    }
    return String(written.lowercased().map { $0 == "_" || $0 == " " ? "-" : $0 })
  }

  /// Words too common in ids to tell practices apart on their own.
  static let stopWords: Set<Substring> = ["and", "for", "the", "of", "it", "management"]

  /// Up to `count` entry ids that `key` (already normalised) may have meant, best first.
  ///
  /// Entries within edit distance `EditDistance.defaultLimit(for:)` of their id or an alias rank first, by distance
  /// then id. After them come entries whose words cover every significant written word (`incident` ->
  /// `incident-management`, `deploy` -> `deployment-management`), fewest extra words first, then id. A written word
  /// covers an entry word it begins, or one it misspells by a single edit (words of five letters or more).
  static func suggestions(for key: String, entries: [(id: String, spellings: [String])], count: Int = 3) -> [String] {
    guard !key.isEmpty, key.unicodeScalars.count <= EditDistance.maximumLength else { return [] }
    let limit = EditDistance.defaultLimit(for: key)
    let written = words(key).filter { $0.count >= 3 && !stopWords.contains($0) }
    var ranked: [(tier: Int, score: Int, id: String)] = []
    for entry in entries {
      let distances = entry.spellings.compactMap { EditDistance.distance(key, $0, limit: limit) }
      if let best = distances.min() {
        ranked.append((0, best, entry.id))
        continue
      }
      guard !written.isEmpty else { continue }
      let extras = entry.spellings.compactMap { spelling -> Int? in
        let candidate = words(spelling)
        let covered = written.allSatisfy { word in candidate.contains { covers(word, $0) } }
        return covered ? candidate.count - written.count : nil
      }
      if let fewest = extras.min() { ranked.append((1, fewest, entry.id)) }
    }
    ranked.sort { ($0.tier, $0.score, $0.id) < ($1.tier, $1.score, $1.id) }
    return ranked.prefix(count).map(\.id)
  }

  static func words(_ text: String) -> [Substring] {
    text.split { $0 == "-" || $0 == "/" || $0 == "&" }
  }

  static func covers(_ word: Substring, _ candidate: Substring) -> Bool {
    if candidate.hasPrefix(word) { return true }
    return word.count >= 5 && EditDistance.distance(String(word), String(candidate), limit: 1) != nil
  }
}
