import VStreamModel
import VStreamSource
import VStreamYAML

/// The front matter's `framework` names a framework vstream knows (VS351). Until it does, the steps may name any
/// framework's activities, so that the one mistake is reported once.
enum FrameworkIsKnown: CheckRule {
  static func findings(in context: CheckContext) -> Findings {
    var findings = context.findings()
    for case .unknownFramework(let node) in context.frontMatter.problems {
      findings.add(.unknownFramework, at: node.range) { .unknownFramework(node.scalar ?? "", at: node.range) }
    }
    return findings
  }
}

extension Message {
  static func unknownFramework(_ written: String, at range: SourceRange) -> Message {
    let ids = Framework.allCases.map(\.id)
    // `itil6` is as close to `itil4` as to `itil5`: a tie suggests nothing rather than the first.
    let closest = Spelling.closest(to: written.lowercased(), among: ids)
    let suggestion = closest == Spelling.closest(to: written.lowercased(), among: ids.reversed()) ? closest : nil
    return Message(
      text: "unknown framework `\(written)`", label: "not a framework",
      notes: ["the frameworks are " + Framework.allCases.map { "`\($0.id)` (\($0.name))" }.joined(separator: ", ")],
      help: suggestion.map { "did you mean `\($0)`?" } ?? "write `framework: itil4` or `framework: itil5`",
      fixes: suggestion.map { [.replace(range, with: $0, "write `\($0)`", safety: .unsafe)] } ?? [])
  }
}
