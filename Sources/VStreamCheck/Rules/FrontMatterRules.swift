import VStreamModel
import VStreamSource
import VStreamSyntax
import VStreamYAML

extension CheckRun {
  static let frontMatterKeys = ["vstream", "title", "owner", "version", "status", "consumer", "description", "tags"]

  /// Known keys have the right types (VS317), the language version is supported (VS318), unknown keys are lints
  /// (VS404), and a published stream has a title and an owner (VS405).
  mutating func checkFrontMatter() {
    guard !hasFrontMatterErrors else { return }
    guard let frontMatter = syntax.frontMatter else {
      if !hasSyntaxErrors {
        report(
          CheckMessages.missingMetadata, "the file has no front matter with `title` and `owner`", at: SourceRange.empty(at: 0),
          label: "front matter expected", help: "start the file with `---`, `title: ...`, `owner: ...`, `---`")
      }
      return
    }
    guard let root = frontMatter.root, !root.isNull else {
      report(
        CheckMessages.missingMetadata, "the front matter has no `title` or `owner`", at: frontMatter.range, label: "empty",
        help: "add `title: ...` and `owner: ...`")
      return
    }
    guard let pairs = root.mapping else {
      report(
        CheckMessages.frontMatterType, "front matter must be a mapping of keys, found \(root.kindDescription)", at: root.range,
        label: "not `key: value` lines", help: "write `title: Restore a live service` and similar lines")
      return
    }
    for pair in pairs {
      guard let key = pair.key.scalar else { continue }
      let value = pair.value
      switch key {
      case "vstream":
        guard let version = value.intValue else {
          wrongType(key, value, expected: "the integer 1")
          continue
        }
        metadata.languageVersion = version
        if version != 1 {
          report(
            CheckMessages.unsupportedVersion, "this file targets language version \(version), but vstream reads version 1",
            at: value.range, label: "unsupported version", help: "write `vstream: 1`, or upgrade vstream")
        }
      case "title": metadata.title = string(key, value)
      case "owner": metadata.owner = string(key, value)
      case "version": metadata.version = string(key, value)
      case "consumer": metadata.consumer = string(key, value)
      case "description": metadata.description = string(key, value)
      case "status":
        guard let text = value.scalar, let status = Metadata.Status(rawValue: text) else {
          let allowed = Metadata.Status.allCases.map(\.rawValue)
          report(
            CheckMessages.frontMatterType, "`status` must be one of \(allowed.joined(separator: ", ")), found `\(value.scalar ?? value.kindDescription)`",
            at: value.range, label: "not a status",
            help: value.scalar.flatMap { Spelling.closest(to: $0, among: allowed) }.map { "did you mean `\($0)`?" }
              ?? "write `status: draft`")
          continue
        }
        metadata.status = status
      case "tags":
        guard let items = value.sequence, items.allSatisfy({ $0.scalar != nil }) else {
          wrongType(key, value, expected: "a list of strings such as `[incident, availability]`")
          continue
        }
        metadata.tags = items.compactMap(\.scalar)
      default:
        report(
          CheckMessages.unknownFrontMatterKey, "unknown front matter key `\(key)`", at: pair.key.range, label: "not a known key",
          help: Spelling.closest(to: key, among: Self.frontMatterKeys).map { "did you mean `\($0)`?" }
            ?? "known keys: \(Self.frontMatterKeys.joined(separator: ", "))")
      }
    }
    let missing = ["title", "owner"].filter { root[$0] == nil }
    if !missing.isEmpty {
      report(
        CheckMessages.missingMetadata, "the front matter has no \(missing.map { "`\($0)`" }.joined(separator: " or "))",
        at: frontMatter.range.isEmpty ? frontMatter.range : SourceRange(start: frontMatter.range.start, end: frontMatter.range.start + 3),
        label: "missing \(missing.joined(separator: " and "))", help: "add `\(missing[0]): ...`")
    }
  }

  mutating func string(_ key: String, _ value: YAMLNode) -> String? {
    guard let text = value.scalar, !value.isNull else {
      wrongType(key, value, expected: "text")
      return nil
    }
    return text
  }

  mutating func wrongType(_ key: String, _ value: YAMLNode, expected: String) {
    report(
      CheckMessages.frontMatterType, "`\(key)` must be \(expected), found \(value.kindDescription)", at: value.range,
      label: "wrong type", help: key == "tags" ? "write `tags: [incident, availability]`" : "write `\(key): ...` with a single value")
  }
}
