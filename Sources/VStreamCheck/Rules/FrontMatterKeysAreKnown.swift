import VStreamSource

/// The front matter uses only the keys vstream knows (VS404): an unknown key is usually a misspelt one.
enum FrontMatterKeysAreKnown: CheckRule {
  static func findings(in context: CheckContext) -> Findings {
    var findings = context.findings()
    for case .unknownKey(let key, let range) in context.frontMatter.problems {
      findings.add(.unknownFrontMatterKey, at: range) { .unknownFrontMatterKey(key) }
    }
    return findings
  }
}

extension Message {
  static func unknownFrontMatterKey(_ key: String) -> Message {
    Message(
      text: "unknown front matter key `\(key)`", label: "not a known key",
      help: Spelling.closest(to: key, among: FrontMatter.knownKeys).map { "did you mean `\($0)`?" }
        ?? "known keys: \(FrontMatter.knownKeys.joined(separator: ", "))")
  }
}
