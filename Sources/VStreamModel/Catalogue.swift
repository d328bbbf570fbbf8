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

  /// Abbreviations and everyday words people write for a practice or activity, with the words of its id they
  /// stand for: `infosec` is information security, `cmdb` service configuration, `vendor` supplier.
  static let abbreviations: [Substring: [Substring]] = [
    "infosec": ["information", "security"], "sec": ["security"], "soc": ["information", "security"],
    "ops": ["operations"], "mgmt": ["management"], "mgt": ["management"], "svc": ["service"], "srv": ["service"],
    "cmdb": ["service", "configuration"], "config": ["configuration"], "cfg": ["configuration"],
    "dev": ["development"], "sla": ["service", "level"], "slm": ["service", "level"], "hr": ["workforce", "talent"],
    "itam": ["asset"], "sam": ["asset"], "req": ["request"], "rel": ["release"], "km": ["knowledge"],
    "csi": ["continual", "improvement"], "bcm": ["service", "continuity"], "bcp": ["service", "continuity"],
    "dr": ["service", "continuity"], "vendor": ["supplier"], "vendors": ["supplier"], "procurement": ["supplier"],
    "purchasing": ["supplier"], "noc": ["monitoring", "event"], "qa": ["validation", "testing"],
    "test": ["validation", "testing"], "helpdesk": ["service", "desk"], "infra": ["infrastructure"],
    "finance": ["financial"], "budget": ["financial"], "cost": ["financial"], "app": ["software"],
    "apps": ["software"], "application": ["software"], "applications": ["software"],
  ]

  /// Up to `count` entry ids that `key` (already normalised) may have meant, best first.
  ///
  /// Three tiers, by id within a tier:
  /// 1. a typo of an id or alias: within one edit (two for names of 12 letters or more);
  /// 2. an entry whose words cover every significant written word, after abbreviations are spelt out
  ///    (`security-management` and `infosec` -> `information-security-management`, `incident` ->
  ///    `incident-management`), fewest extra words first. A written word covers an entry word it begins, or one it
  ///    misspells by a single edit (words of five letters or more);
  /// 3. only when neither of those found anything: an entry whose significant words are within
  ///    `EditDistance.defaultLimit(for:)` of the written ones.
  ///
  /// Significant words leave out "management", "and", "of" and the like, which every practice shares: comparing
  /// whole ids would suggest `risk-management` for `security-management` on the strength of "management".
  static func suggestions(for key: String, entries: [(id: String, spellings: [String])], count: Int = 3) -> [String] {
    guard !key.isEmpty, key.unicodeScalars.count <= EditDistance.maximumLength else { return [] }
    let typoLimit = key.unicodeScalars.count >= 12 ? 2 : 1
    let written = significantWords(key)
    let core = written.joined(separator: "-")
    let coreLimit = EditDistance.defaultLimit(for: core)
    var ranked: [(tier: Int, score: Int, id: String)] = []
    for entry in entries {
      if let typo = entry.spellings.compactMap({ EditDistance.distance(key, $0, limit: typoLimit) }).min() {
        ranked.append((0, typo, entry.id))
        continue
      }
      guard !written.isEmpty else { continue }
      // An alias counts one word more than the id: on a tie the practice whose own id matches comes first.
      let extras = entry.spellings.enumerated().compactMap { position, spelling -> Int? in
        let candidate = words(spelling)
        let covered = written.allSatisfy { word in candidate.contains { covers(word, $0) } }
        return covered ? candidate.count - written.count + (position == 0 ? 0 : 1) : nil
      }
      if let fewest = extras.min() {
        ranked.append((1, fewest, entry.id))
        continue
      }
      let close = entry.spellings.compactMap { spelling -> Int? in
        let candidate = words(spelling).filter { !stopWords.contains($0) }.joined(separator: "-")
        return EditDistance.distance(core, candidate, limit: coreLimit)
      }
      if let best = close.min() { ranked.append((2, best, entry.id)) }
    }
    // Loose spellings only when nothing reads closer: `service-continuity` is no help beside `cmdb`'s meaning.
    if ranked.contains(where: { $0.tier < 2 }) { ranked.removeAll { $0.tier == 2 } }
    ranked.sort { ($0.tier, $0.score, $0.id) < ($1.tier, $1.score, $1.id) }
    return ranked.prefix(count).map(\.id)
  }

  /// The words of a written name that tell entries apart: abbreviations spelt out, stop words and words under three
  /// letters left out.
  static func significantWords(_ key: String) -> [Substring] {
    words(key).flatMap { abbreviations[$0] ?? [$0] }.filter { $0.count >= 3 && !stopWords.contains($0) }
  }

  static func words(_ text: String) -> [Substring] {
    text.split { $0 == "-" || $0 == "/" || $0 == "&" }
  }

  static func covers(_ word: Substring, _ candidate: Substring) -> Bool {
    if candidate.hasPrefix(word) { return true }
    return word.count >= 5 && EditDistance.distance(String(word), String(candidate), limit: 1) != nil
  }
}
