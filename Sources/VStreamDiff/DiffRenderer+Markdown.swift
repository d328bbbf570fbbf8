import VStreamModel

extension DiffRenderer {
  /// For a pull-request comment or a job summary: the hidden marker, a heading, then per stream that changed a
  /// compact table of figures, the steps that moved the lead time most, and the details folded in `<details>`.
  public static func markdown(_ report: DiffReport, gate: [GateFailure] = []) -> String {
    let (baseName, headName) = (DiffText.sideName(report.baseName), DiffText.sideName(report.headName))
    var out = "\(marker)\n## Value streams: `\(code(baseName))` → `\(code(headName))`\n\n"
    for failure in gate { out += "- :x: **gate**: \(MarkdownEscape.text(gateLine(failure)))\n" }
    if !gate.isEmpty { out += "\n" }
    for stream in report.noteworthy {
      let settings = DiffText.settings(stream)
      out += "### `\(code(stream.id))`"
      if !stream.title.isEmpty && stream.title != stream.id { out += " \(MarkdownEscape.text(stream.title))" }
      out += " (\(DiffText.status(stream)))\n\n"
      if stream.moved, let base = stream.base, let head = stream.head {
        out += "File moved: `\(code(base.path))` → `\(code(head.path))`.\n\n"
      }
      if stream.idChanged, let base = stream.base, let head = stream.head {
        out += "Stream id changed: `\(code(base.id ?? "–"))` → `\(code(head.id ?? "–"))`.\n\n"
      }
      for (name, side) in [("base", stream.base), ("head", stream.head)] {
        guard let side, !side.errors.isEmpty else { continue }
        out += "**\(side.errors.count) error\(side.errors.count == 1 ? "" : "s") on the \(name) side** "
        out += "(`\(code(side.path))`):\n\n"
        for error in side.errors.prefix(5) {
          out += "- line \(error.line): \(MarkdownEscape.text(error.message)) (\(error.code))\n"
        }
        if side.errors.count > 5 { out += "- … and \(side.errors.count - 5) more\n" }
        out += "\n"
      }
      let figures = DiffText.shownFigures(stream).filter { $0.before != nil || $0.after != nil }
      if stream.status != .unchanged && !figures.isEmpty {
        out +=
          "| figure | \(MarkdownEscape.text(report.baseName)) | \(MarkdownEscape.text(report.headName)) | change |\n"
        out += "| --- | ---: | ---: | --- |\n"
        for change in figures {
          var delta = DiffText.delta(change, settings: settings)
          if change.direction == .worse { delta += " worse" } else if change.direction == .better { delta += " better" }
          out += "| \(change.figure.label) (\(change.path.label)) "
          out += "| \(DiffText.value(change.before, of: change.figure, settings: settings)) "
          out += "| \(DiffText.value(change.after, of: change.figure, settings: settings)) | \(delta) |\n"
        }
        out += "\n"
      }
      if !stream.contributors.isEmpty {
        out += "Most of the change: "
        out +=
          stream.contributors.map {
            "`\(code($0.stepID))` \(DiffText.signedDuration($0.delta, settings: settings))"
          }.joined(separator: ", ") + ".\n\n"
      }
      var details: [String] = []
      if let title = stream.titleChange {
        details.append("title: \(MarkdownEscape.text(title.before ?? "")) → \(MarkdownEscape.text(title.after ?? ""))")
      }
      if let target = stream.targetChange {
        details.append("target lead time: \(target.before ?? "none") → \(target.after ?? "none")")
      }
      if let wait = stream.longestWait {
        details.append("longest wait: `\(code(wait.before ?? "none"))` → `\(code(wait.after ?? "none"))`")
      }
      if let complete = stream.completeness {
        details.append("every step timed: \(complete.before ? "yes" : "no") → \(complete.after ? "yes" : "no")")
      }
      for node in stream.nodes {
        let kind = node.kind.rawValue
        switch node.change {
        case .added: details.append("added \(kind) `\(code(node.id))`: \(MarkdownEscape.text(node.title))")
        case .removed: details.append("removed \(kind) `\(code(node.id))`: \(MarkdownEscape.text(node.title))")
        case .changed:
          details.append("changed \(kind) `\(code(node.id))`: \(MarkdownEscape.text(DiffText.nodeDetails(node)))")
        }
      }
      for arrow in stream.arrowsAdded { details.append("added arrow \(MarkdownEscape.text(DiffText.arrow(arrow)))") }
      for arrow in stream.arrowsRemoved {
        details.append("removed arrow \(MarkdownEscape.text(DiffText.arrow(arrow)))")
      }
      if !details.isEmpty {
        out += "<details><summary>Steps and arrows (\(details.count))</summary>\n\n"
        out += details.map { "- \($0)\n" }.joined() + "\n</details>\n\n"
      }
    }
    out += "\(MarkdownEscape.text(DiffText.summary(report))).\n"
    return out
  }

  /// Text inside a code span: backticks cannot be escaped there, so they become a look-alike.
  private static func code(_ text: String) -> String {
    text.replacingAll("`", with: "ˋ").replacingAll("\n", with: " ")
  }
}

/// Escaping for Markdown text in a table cell or a list item (GitHub-flavoured): HTML, emphasis, pipes, line breaks.
enum MarkdownEscape {
  static func text(_ text: String) -> String {
    var out = ""
    for character in text {
      switch character {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "|": out += "\\|"
      case "\\", "`", "*", "_", "[", "]", "#": out += "\\\(character)"
      case "\n", "\r": out += " "
      default: out.append(character)
      }
    }
    return out
  }
}

extension String {
  fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
    var out = ""
    for character in self { if character == target { out += replacement } else { out.append(character) } }
    return out
  }
}
