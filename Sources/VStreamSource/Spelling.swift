/// "Did you mean" suggestions by edit distance, shared by every stage that names things (keywords, front-matter
/// keys, rule names, practices).
public enum Spelling {
  /// The Levenshtein distance between `a` and `b` over Unicode scalars, or nil when it exceeds `limit`. Inputs longer
  /// than 64 scalars are never close to anything we suggest, so they return nil at once.
  public static func distance(_ a: String, _ b: String, limit: Int) -> Int? {
    let left = Array(a.unicodeScalars.prefix(65))
    let right = Array(b.unicodeScalars.prefix(65))
    guard left.count <= 64, right.count <= 64, abs(left.count - right.count) <= limit else { return nil }
    if left.isEmpty || right.isEmpty {
      return Swift.max(left.count, right.count) <= limit ? Swift.max(left.count, right.count) : nil
    }
    // Optimal string alignment: Levenshtein plus the swap of two neighbours as one edit, the commonest typo.
    var beforePrevious = [Int](repeating: 0, count: right.count + 1)
    var previous = Array(0...right.count)
    var current = [Int](repeating: 0, count: right.count + 1)
    for i in 1...left.count {
      current[0] = i
      var rowMinimum = current[0]
      for j in 1...right.count {
        let cost = left[i - 1] == right[j - 1] ? 0 : 1
        current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, left[i - 1] == right[j - 2], left[i - 2] == right[j - 1] {
          current[j] = Swift.min(current[j], beforePrevious[j - 2] + 1)
        }
        rowMinimum = Swift.min(rowMinimum, current[j])
      }
      if rowMinimum > limit { return nil }
      (beforePrevious, previous, current) = (previous, current, beforePrevious)
    }
    return previous[right.count] <= limit ? previous[right.count] : nil
  }

  /// The closest candidate to `word` within a distance that grows with its length, or nil. Ties go to the earlier
  /// candidate, so the order of `candidates` decides, and the result is deterministic.
  public static func closest(to word: String, among candidates: [String]) -> String? {
    suggestions(for: word, among: candidates, count: 1).first
  }

  /// Up to `count` candidates within the distance limit, closest first, ties in candidate order.
  public static func suggestions(for word: String, among candidates: [String], count: Int) -> [String] {
    let limit = Swift.max(1, Swift.min(3, word.unicodeScalars.count / 3))
    var scored: [(distance: Int, index: Int, candidate: String)] = []
    let lowered = word.lowercased()
    let length = lowered.unicodeScalars.count
    for (index, candidate) in candidates.enumerated() {
      // Lengths that differ by more than the limit cannot be close: skip them before any allocation.
      guard abs(candidate.unicodeScalars.count - length) <= limit else { continue }
      if let distance = distance(lowered, candidate.lowercased(), limit: limit) {
        scored.append((distance, index, candidate))
      }
    }
    scored.sort { $0.distance != $1.distance ? $0.distance < $1.distance : $0.index < $1.index }
    var seen = Set<String>()
    return scored.map(\.candidate).filter { seen.insert($0).inserted }.prefix(count).map { $0 }
  }
}
