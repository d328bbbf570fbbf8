import VStreamSource

/// `textDocument/foldingRange`: the front matter, each declaration of more than one line (its attributes and note
/// blocks), each line of arrows with continuation lines, and runs of two or more whole-line comments.
enum FoldingFeature {
  static func ranges(in context: FeatureContext) -> [[String: Any]] {
    let file = context.file
    let syntax = context.index.syntax
    var folds: [(start: Int, end: Int, kind: String?)] = []
    func add(_ range: SourceRange, kind: String? = nil) {
      let start = file.line(of: range.start) - 1
      // A range ending just after a line break ends on the line before.
      let endOffset = range.end > range.start ? range.end - 1 : range.end
      let end = file.line(of: endOffset) - 1
      if end > start { folds.append((start, end, kind)) }
    }
    if let frontMatter = syntax.frontMatter { add(frontMatter.range, kind: "region") }
    for item in syntax.items { add(item.range) }
    var run: SourceRange?
    var lastLine = -2
    for comment in syntax.comments where !comment.isTrailing {
      let line = file.line(of: comment.range.start)
      if let current = run, line == lastLine + 1 {
        run = current.union(comment.range)
      } else {
        if let current = run { add(current, kind: "comment") }
        run = comment.range
      }
      lastLine = line
    }
    if let current = run { add(current, kind: "comment") }
    return folds.sorted { ($0.start, $0.end) < ($1.start, $1.end) }.map { fold in
      var json: [String: Any] = ["startLine": fold.start, "endLine": fold.end]
      if let kind = fold.kind { json["kind"] = kind }
      return json
    }
  }
}
