import VStreamModel
import VStreamSource
import VStreamYAML

/// The known front matter keys have values of their types (VS317): the front matter is a mapping, `status` is one
/// of the statuses, `tags` a list of strings, `vstream` an integer, the rest text.
enum FrontMatterValuesHaveTheirTypes: CheckRule {
  static func findings(in context: CheckContext) -> Findings {
    var findings = context.findings()
    for problem in context.frontMatter.problems {
      switch problem {
      case .notAMapping(let root):
        findings.add(.frontMatterType, at: root.range) { .frontMatterNotAMapping(found: root.kindDescription) }
      case .wrongType(let key, let value, let expected):
        findings.add(.frontMatterType, at: value.range) {
          .wrongType(key: key, found: value.kindDescription, expected: expected)
        }
      case .unknownStatus(let value):
        findings.add(.frontMatterType, at: value.range) { .unknownStatus(value) }
      case .missing, .empty, .unsupportedVersion, .unknownKey, .missingKeys, .unknownFramework:
        break
      }
    }
    return findings
  }
}

extension Message {
  static func frontMatterNotAMapping(found: String) -> Message {
    Message(
      text: "front matter must be a mapping of keys, found \(found)", label: "not `key: value` lines",
      help: "write `title: Restore a live service` and similar lines")
  }

  static func wrongType(key: String, found: String, expected: String) -> Message {
    Message(
      text: "`\(key)` must be \(expected), found \(found)", label: "wrong type",
      help: key == "tags" ? "write `tags: [incident, availability]`" : "write `\(key): ...` with a single value")
  }

  static func unknownStatus(_ value: YAMLNode) -> Message {
    let allowed = Metadata.Status.allCases.map(\.rawValue)
    return Message(
      text:
        "`status` must be one of \(allowed.joined(separator: ", ")), found `\(value.scalar ?? value.kindDescription)`",
      label: "not a status",
      help: value.scalar.flatMap { Spelling.closest(to: $0, among: allowed) }.map { "did you mean `\($0)`?" }
        ?? "write `status: draft`")
  }
}
