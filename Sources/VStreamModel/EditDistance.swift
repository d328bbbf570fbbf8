import VStreamSource

/// Bounded edit distance for "did you mean" suggestions in the model and the stages above it.
///
/// The algorithm lives in `VStreamSource.Spelling` so that the lexer and the YAML reader, which sit below the model,
/// share it; this is the model's entry point with the catalogue's threshold. Distances count Unicode scalars and treat
/// the swap of two neighbours as one edit (optimal string alignment), the commonest typo.
public enum EditDistance {
  /// Names longer than this (in Unicode scalars) are never compared: nothing we suggest is that long, and it keeps a
  /// pathological 1 MB word as cheap as a short one.
  public static let maximumLength = 64

  /// The distance between `a` and `b`, or nil when it is more than `limit`, when the lengths differ by more than
  /// `limit`, or when either is longer than `maximumLength`. Costs at most `maximumLength`² steps.
  public static func distance(_ a: String, _ b: String, limit: Int) -> Int? {
    guard limit >= 0 else { return nil }
    return Spelling.distance(a, b, limit: limit)
  }

  /// The threshold the catalogues use: a third of the word's length, at least 2.
  public static func defaultLimit(for word: String) -> Int {
    Swift.max(2, Swift.min(word.unicodeScalars.count, maximumLength) / 3)
  }

  /// Every candidate within `limit` (default `defaultLimit(for:)`) of `word`, closest first, ties in the order of
  /// `candidates`, without repeats. Compares the text as given: normalise case first if it does not matter.
  public static func closest(to word: String, among candidates: [String], limit: Int? = nil) -> [String] {
    let bound = limit ?? defaultLimit(for: word)
    var scored: [(distance: Int, index: Int)] = []
    var seen = Set<String>()
    for (index, candidate) in candidates.enumerated() where seen.insert(candidate).inserted {
      if let distance = distance(word, candidate, limit: bound) { scored.append((distance, index)) }
    }
    scored.sort { ($0.distance, $0.index) < ($1.distance, $1.index) }
    return scored.map { candidates[$0.index] }
  }
}
