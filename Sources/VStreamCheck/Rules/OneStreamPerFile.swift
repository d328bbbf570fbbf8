import VStreamSource

/// A file declares exactly one stream (VS301, VS302). A declaration whose line is broken still counts, so a syntax
/// error in it is not reported again as "missing".
enum OneStreamPerFile: CheckRule {
  static func findings(in context: CheckContext) -> Findings {
    var findings = context.findings()
    let streams = context.declarations.streams
    if streams.isEmpty {
      findings.add(.missingStream, at: context.bodyStart) { .missingStream }
    }
    for extra in streams.dropFirst() {
      findings.add(.duplicateStream, at: extra.anchor) { .secondStream(first: streams[0].anchor) }
    }
    return findings
  }
}

extension CheckContext {
  /// Where the body begins: after the front matter, or at the top of a file without one.
  var bodyStart: SourceRange { SourceRange.empty(at: syntax.frontMatter?.range.end ?? 0) }
}

extension Message {
  static let missingStream = Message(
    text: "the file has no `stream` line", label: "expected `stream ID \"Title\"`",
    help: "start the body with `stream some-id \"Title\"`")

  static func secondStream(first: SourceRange) -> Message {
    Message(
      text: "a file holds one stream, but this is the second `stream` line", label: "second stream",
      secondary: [Diagnostic.Label(range: first, message: "first stream")], help: "put each stream in its own file")
  }
}
