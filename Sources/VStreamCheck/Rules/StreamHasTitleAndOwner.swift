import VStreamSource

/// A stream says in its front matter what it is called and who owns it (VS405): the catalogue lists both.
enum StreamHasTitleAndOwner: CheckRule {
  static func findings(in context: CheckContext) -> Findings {
    var findings = context.findings()
    for problem in context.frontMatter.problems {
      switch problem {
      case .missing:
        // An empty file has one finding, that it is empty (`OneStreamPerFile`).
        guard context.hasBody else { continue }
        findings.add(.missingMetadata, at: SourceRange.empty(at: 0)) { .noFrontMatter }
      case .empty(let range):
        findings.add(.missingMetadata, at: range) { .emptyFrontMatter }
      case .missingKeys(let keys, let range):
        // A key written with a typo (`ownr`) is one mistake, which VS404 reports with the key it stands for.
        let misspelt = Set(
          context.frontMatter.problems.compactMap { problem -> String? in
            guard case .unknownKey(let key, _) = problem else { return nil }
            return FrontMatterKeysAreKnown.closest(to: key)
          })
        let missing = keys.filter { !misspelt.contains($0) }
        guard !missing.isEmpty else { continue }
        findings.add(.missingMetadata, at: range) { .missingKeys(missing) }
      case .notAMapping, .wrongType, .unknownStatus, .unsupportedVersion, .unknownKey, .unknownFramework:
        break
      }
    }
    return findings
  }
}

extension Message {
  static let noFrontMatter = Message(
    text: "the file has no front matter with `title` and `owner`", label: "front matter expected",
    help: "start the file with `---`, `title: ...`, `owner: ...`, `---`")

  static let emptyFrontMatter = Message(
    text: "the front matter has no `title` or `owner`", label: "empty", help: "add `title: ...` and `owner: ...`")

  static func missingKeys(_ keys: [String]) -> Message {
    Message(
      text: "the front matter has no \(keys.map { "`\($0)`" }.joined(separator: " or "))",
      label: "missing \(keys.joined(separator: " and "))", help: "add `\(keys[0]): ...`")
  }
}
