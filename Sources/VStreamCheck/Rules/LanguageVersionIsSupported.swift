import VStreamSource

/// `vstream: N` in the front matter names a language version this vstream reads (VS318).
enum LanguageVersionIsSupported: CheckRule {
  static func findings(in context: CheckContext) -> Findings {
    var findings = context.findings()
    for case .unsupportedVersion(let version, let range) in context.frontMatter.problems {
      findings.add(.unsupportedVersion, at: range) { .unsupportedVersion(version) }
    }
    return findings
  }
}

extension Message {
  static func unsupportedVersion(_ version: Int) -> Message {
    Message(
      text: "this file targets language version \(version), but vstream reads version 1", label: "unsupported version",
      help: "write `vstream: 1`, or upgrade vstream")
  }
}
