import VStreamSource

/// A file declares exactly one stream (VS301, VS302). A declaration whose line is broken still counts, so a syntax
/// error in it is not reported again as "missing".
///
/// One root cause, one finding: a body that was not read (the parser said why) gets none here, and an empty body
/// (an empty file, only comments, only front matter) gets this one, which says so, in place of a "missing" finding
/// for the stream, the demand, the value and the front matter each.
enum OneStreamPerFile: CheckRule {
  static func findings(in context: CheckContext) -> Findings {
    var findings = context.findings()
    let streams = context.declarations.streams
    guard context.syntax.isBodyRead else { return findings }
    if context.syntax.items.isEmpty {
      findings.add(.missingStream, at: context.bodyStart) { .emptyBody(context) }
    } else if streams.isEmpty {
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

  /// Whether the body holds declarations or flows to judge: it was read, and it is not empty. Rules about what a
  /// stream lacks say nothing otherwise (see `OneStreamPerFile`).
  var hasBody: Bool { syntax.isBodyRead && !syntax.items.isEmpty }
}

extension Message {
  static func emptyBody(_ context: CheckContext) -> Message {
    let what =
      context.syntax.frontMatter != nil
      ? "the file has front matter but no stream"
      : context.syntax.comments.isEmpty
        ? "the file is empty" : "the file has only comments"
    return Message(
      text: "\(what): a `.vstream` file declares one value stream", label: "no `stream` line",
      help:
        "write `stream some-id \"Title\"`, a `demand`, its steps and a `value`; `vstream init NAME` writes a starter")
  }

  static let missingStream = Message(
    text: "the file has no `stream` line", label: "expected `stream ID \"Title\"`",
    help: "start the body with `stream some-id \"Title\"`")

  static func secondStream(first: SourceRange) -> Message {
    Message(
      text: "a file holds one stream, but this is the second `stream` line", label: "second stream",
      secondary: [Diagnostic.Label(range: first, message: "first stream")], help: "put each stream in its own file")
  }
}
