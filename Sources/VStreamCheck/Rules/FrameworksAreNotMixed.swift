import VStreamModel
import VStreamSource

/// Where `vstream.yml` says `mixed-frameworks: forbid`, no stream names a framework other than the repository's
/// (VS352). Each file is judged alone against the setting, so the result does not depend on which files are checked
/// together. The stream's activities are still read in the framework it names, so this is its one diagnostic.
enum FrameworksAreNotMixed: CheckRule {
  static func findings(in context: CheckContext) -> Findings {
    var findings = context.findings()
    let repository = context.configuration.framework
    guard !context.configuration.allowsMixedFrameworks, let named = context.frontMatter.metadata.framework,
      named != repository, let node = context.frontMatter.frameworkNode
    else { return findings }
    findings.add(.mixedFrameworks, at: node.range) { .mixedFrameworks(named, repository) }
    return findings
  }
}

extension Message {
  static func mixedFrameworks(_ named: Framework, _ repository: Framework) -> Message {
    Message(
      text: "this stream follows \(named.name), but `vstream.yml` holds every stream to \(repository.name)",
      label: "`mixed-frameworks: forbid`",
      help: "write the stream in \(repository.name) (`vstream migrate --to \(repository.id)` maps its activities), "
        + "or change `framework` or `mixed-frameworks` in `vstream.yml`")
  }
}
