import VStreamSource

/// The front matter uses only the keys vstream knows (VS404): an unknown key is usually a misspelt one.
enum FrontMatterKeysAreKnown: CheckRule {
  static func findings(in context: CheckContext) -> Findings {
    var findings = context.findings()
    for case .unknownKey(let key, let range) in context.frontMatter.problems {
      findings.add(.unknownFrontMatterKey, at: range) {
        .unknownFrontMatterKey(key, at: range, written: context.frontMatter.writtenKeys)
      }
    }
    return findings
  }

  /// The known key an unknown one is a misspelling of, if any, among those not written already (renaming to one of
  /// those would write it twice).
  static func closest(to key: String, written: Set<String> = []) -> String? {
    Spelling.closest(to: key, among: FrontMatter.knownKeys.filter { !written.contains($0) })
  }
}

extension Message {
  /// With the closest known key as a fix: a guess, so applied only when asked for.
  static func unknownFrontMatterKey(_ key: String, at range: SourceRange, written: Set<String> = []) -> Message {
    let closest = FrontMatterKeysAreKnown.closest(to: key, written: written)
    return Message(
      text: "unknown front matter key `\(key)`", label: "not a known key",
      help: closest.map { "did you mean `\($0)`?" } ?? "known keys: \(FrontMatter.knownKeys.joined(separator: ", "))",
      fixes: closest.map { [.replace(range, with: $0, "write `\($0)`", safety: .unsafe)] } ?? [])
  }
}
