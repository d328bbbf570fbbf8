import VStreamModel
import VStreamSource
import VStreamSyntax

/// Lays out one parsed file, item by item, in source order (see ``Formatter``).
///
/// Comments are not part of the tree's items, so the writer walks the comment list alongside them: own-line comments
/// are written before the first item, attribute or flow line that follows them in the source, and trailing comments
/// after the line that ends on their source line.
struct FormatWriter {
  let file: SourceFile
  let syntax: FileSyntax
  let options: FormatOptions
  /// `\r\n` when the file's first line break is CRLF, otherwise `\n`.
  let newline: String
  /// Output lines without their line breaks. The front matter is one entry that holds its own line breaks.
  var lines: [String] = []
  /// Own-line comments in source order: source line and text with trailing blanks trimmed.
  let ownLineComments: [(line: Int, text: String)]
  /// The first own-line comment not yet written.
  var nextComment = 0
  /// Trailing comments by source line, removed once written.
  var trailingComments: [Int: String] = [:]
  /// The last source line already written, to see whether the source has a blank line before the next thing.
  var lastSourceLine = 0
  /// The arrows of an older file that closed a loop, by item: written on `rework` lines (see ``LoopUpgrade``).
  let backEdges: [Int: Set<Int>]
  /// The framework the file follows: its front matter's, else the options'.
  let framework: Framework

  static let attributeIndent = "  "
  static let blockIndent = "    "
  /// The indentation of a list's wrapped lines: under the attribute, one level further.
  static let listIndent = "    "

  init(file: SourceFile, syntax: FileSyntax, options: FormatOptions) {
    self.file = file
    self.syntax = syntax
    self.options = options
    framework = syntax.frontMatter?.root?["framework"]?.scalar.flatMap(Framework.named) ?? options.framework
    let firstBreak = file.bytes.firstIndex(of: 0x0A)
    newline = firstBreak.map { $0 > 0 && file.bytes[$0 - 1] == 0x0D } == true ? "\r\n" : "\n"
    var ownLine: [(line: Int, text: String)] = []
    for comment in syntax.comments {
      let text = Self.trimmingTrailingBlanks(file.text(comment.range))
      let line = file.line(of: comment.range.start)
      if comment.isTrailing { trailingComments[line] = text } else { ownLine.append((line, text)) }
    }
    ownLineComments = ownLine
    backEdges = LoopUpgrade.backEdges(syntax, file: file)
  }

  /// The text written so far: byte order mark, lines joined by the file's line break, exactly one at the end.
  var output: String {
    var body = lines
    while body.last == "" { body.removeLast() }
    guard !body.isEmpty else { return syntax.hasByteOrderMark ? "\u{FEFF}" : "" }
    return (syntax.hasByteOrderMark ? "\u{FEFF}" : "") + body.joined(separator: newline) + newline
  }

  /// Blanks as the lexer sees them: spaces, tabs and carriage returns.
  static func trimmingTrailingBlanks(_ text: String) -> String {
    var result = Substring(text)
    while let last = result.unicodeScalars.last, last == " " || last == "\t" || last == "\r" {
      result.unicodeScalars.removeLast()
    }
    return String(result)
  }

  // MARK: - File

  mutating func writeFile() {
    if let frontMatter = syntax.frontMatter {
      // From the opening fence to the end of the closing fence's text, exactly as written.
      let start = syntax.hasByteOrderMark ? 3 : 0
      lines.append(String(decoding: file.bytes[start..<Int(frontMatter.range.end)], as: UTF8.self))
      lastSourceLine = file.line(of: frontMatter.range.end)
    }
    var previous: ItemSyntax?
    for (position, item) in syntax.items.enumerated() {
      // A declaration with attributes is set off from the next declaration, before the comments above that one.
      var setOff = false
      if case .declaration(let earlier)? = previous, !earlier.attributeSpan.isEmpty, case .declaration = item {
        setOff = true
      }
      let firstLine = file.line(of: item.range.start)
      writeOwnLineComments(before: firstLine, indent: "", setOff: setOff)
      switch item {
      case .declaration(let declaration): writeDeclaration(declaration)
      case .flow(let flow):
        if let loopClosing = backEdges[position] {
          writeFlow(flow, splitAt: loopClosing)
        } else {
          writeFlow(flow)
        }
      }
      keepUnplacedTrailingComments(from: firstLine, through: file.line(of: item.range.end))
      lastSourceLine = max(lastSourceLine, file.line(of: item.range.end))
      previous = item
    }
    writeOwnLineComments(before: Int.max, indent: "", setOff: false)
  }

  /// Writes the own-line comments above `line`, then the separation before `line` itself. A blank line is written
  /// wherever the source has one or more, and before the first of them when `setOff` is set.
  mutating func writeOwnLineComments(before line: Int, indent: String, setOff: Bool) {
    var setOff = setOff
    while nextComment < ownLineComments.count, ownLineComments[nextComment].line < line {
      let comment = ownLineComments[nextComment]
      separate(before: comment.line, setOff: setOff)
      setOff = false
      lines.append(indent + comment.text)
      lastSourceLine = comment.line
      nextComment += 1
    }
    if line != Int.max { separate(before: line, setOff: setOff) }
  }

  /// A blank line before source line `line` when the source has one since the last line written, or `setOff`.
  mutating func separate(before line: Int, setOff: Bool) {
    guard setOff || sourceHasBlankLine(after: lastSourceLine, before: line) else { return }
    // Never at the start of the body, never two in a row.
    if let last = lines.last, !last.isEmpty { lines.append("") }
  }

  func sourceHasBlankLine(after start: Int, before end: Int) -> Bool {
    guard start + 1 < end else { return false }
    for line in (start + 1)..<end {
      let range = file.lineRange(line)
      // Blanks as the lexer skips them: spaces, tabs, carriage returns (control characters are errors).
      if file.bytes[Int(range.start)..<Int(range.end)].allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
        return true
      }
    }
    return false
  }

  /// `text` followed by the trailing comment of source line `line`, if it has one.
  mutating func withTrailingComment(_ text: String, line: Int) -> String {
    guard let comment = trailingComments.removeValue(forKey: line) else { return text }
    return text + "  " + comment
  }

  /// Every trailing comment ends a line the layout writes, so nothing is left here; should a construct ever be
  /// missed, its comment is kept on a line of its own rather than lost.
  mutating func keepUnplacedTrailingComments(from first: Int, through last: Int) {
    guard !trailingComments.isEmpty else { return }
    for line in first...last {
      if let comment = trailingComments.removeValue(forKey: line) { lines.append(comment) }
    }
  }

  // MARK: - Declarations

  mutating func writeDeclaration(_ declaration: DeclarationSyntax) {
    var header = declaration.kind.rawValue
    if let identifier = declaration.identifier { header += " " + identifier.text(in: file) }
    if let title = declaration.title {
      writeString(title, after: header + " ")
    } else {
      let end = (declaration.identifier?.range ?? declaration.keywordRange).end
      lines.append(withTrailingComment(header, line: file.line(of: end)))
    }

    // Each attribute takes the own-line comments directly above it, so that they move with it when reordered.
    var attached: [(attribute: AttributeSyntax, comments: [String])] = []
    for attribute in syntax.attributes(of: declaration) {
      let line = file.line(of: attribute.range.start)
      var comments: [String] = []
      while nextComment < ownLineComments.count, ownLineComments[nextComment].line < line {
        comments.append(ownLineComments[nextComment].text)
        nextComment += 1
      }
      attached.append((attribute, comments))
    }
    let order = declaration.kind.allowedAttributes
    let rank = { (kind: AttributeKind) in order.firstIndex(of: kind) ?? order.count }
    attached.sort { rank($0.attribute.kind) < rank($1.attribute.kind) }
    for (attribute, comments) in attached {
      for comment in comments { lines.append(Self.attributeIndent + comment) }
      writeAttribute(attribute)
    }
  }

  mutating func writeAttribute(_ attribute: AttributeSyntax) {
    let prefix = Self.attributeIndent + attribute.kind.rawValue + " "
    let value: String
    switch attribute.value {
    case .string(let string):
      writeString(string, after: prefix)
      return
    case .word(let word):
      // Only an activity has a canonical spelling; a stream id is written as it is.
      value =
        attribute.kind == .activity ? CanonicalText.activity(word.text(in: file), in: framework) : word.text(in: file)
    case .words(let span):
      let items = syntax.words(span).map {
        (line: file.line(of: $0.range.start), text: CanonicalText.practice($0.text(in: file)))
      }
      writeList(prefix, items, attribute: attribute)
      return
    case .strings(let span):
      let items = syntax.strings(span).map {
        (line: file.line(of: $0.range.start), text: CanonicalText.quoted($0.value(in: file)))
      }
      writeList(prefix, items, attribute: attribute)
      return
    case .duration(let duration):
      value =
        duration.estimates(in: file).map {
          CanonicalText.duration($0.parts(in: file), daysAsWorkingDays: options.daysAsWorkingDays)
        }.joined(separator: "..") + (attribute.isPlanned ? " planned" : "")
    case .percentage(let percentage): value = CanonicalText.percentage(hundredths: percentage.hundredths(in: file))
    case .missing:
      // Only reachable for a file with syntax errors: keep the line as written.
      let written = file.text(attribute.range).dropFirst(attribute.kind.rawValue.utf8.count)
      value = Self.trimmingTrailingBlanks(String(written.drop { $0 == " " || $0 == "\t" }))
    }
    lines.append(withTrailingComment(prefix + value, line: file.line(of: attribute.range.end)))
  }

  /// `practices a, b, c` on one line, or wrapped after a comma where the line would pass `flowWidth`, the rest
  /// indented under it (a list that ends a line with `,` goes on on the next). A keyword is never put first on a
  /// line, where it would start a new line's meaning.
  /// A wrapped list with a trailing comment on a line but its last keeps its line breaks, as a flow does, so that
  /// each comment stays beside the items it was written with.
  mutating func writeList(_ prefix: String, _ items: [(line: Int, text: String)], attribute: AttributeSyntax) {
    let lastLine = file.line(of: attribute.range.end)
    guard var current = items.first.map({ prefix + $0.text }) else {
      lines.append(withTrailingComment(Self.trimmingTrailingBlanks(prefix), line: lastLine))
      return
    }
    let firstLine = file.line(of: attribute.range.start)
    if (firstLine..<lastLine).contains(where: { trailingComments[$0] != nil }) {
      var line = items[0].line
      for item in items.dropFirst() {
        if item.line == line {
          current += ", " + item.text
        } else {
          lines.append(withTrailingComment(current + ",", line: line))
          current = Self.listIndent + item.text
          line = item.line
        }
      }
      lines.append(withTrailingComment(current, line: lastLine))
      return
    }
    for item in items.dropFirst().map(\.text) {
      let isKeyword =
        AttributeKind(rawValue: item) != nil || DeclarationKind(rawValue: item) != nil
        || FlowKind(rawValue: item) != nil
      if current.utf8.count + 2 + item.utf8.count > options.flowWidth, !isKeyword {
        lines.append(current + ",")
        current = Self.listIndent + item
      } else {
        current += ", " + item
      }
    }
    lines.append(withTrailingComment(current, line: file.line(of: attribute.range.end)))
  }

  /// `prefix` and a string: a one-line string on the same line, or a block whose content and closing delimiter are
  /// indented four spaces. The trailing comment of the string's last source line follows it.
  mutating func writeString(_ string: StringSyntax, after prefix: String) {
    let value = string.value(in: file)
    let endLine = file.line(of: string.range.end)
    guard string.isBlock, let content = CanonicalText.blockLines(value) else {
      lines.append(withTrailingComment(prefix + CanonicalText.quoted(value), line: endLine))
      return
    }
    lines.append(prefix + "\"\"\"")
    // An empty content line is written empty: the reader keeps it as an empty line of the value.
    for line in content { lines.append(line.isEmpty ? "" : Self.blockIndent + line) }
    lines.append(withTrailingComment(Self.blockIndent + "\"\"\"", line: endLine))
  }

  // MARK: - Flows

  /// A flow of an older file with arrows that closed a loop: its chain cut at those arrows, each written as a
  /// `rework` line between the forward pieces, every piece with the flow's label.
  mutating func writeFlow(_ flow: FlowSyntax, splitAt loopClosing: Set<Int>) {
    let names = namesWithShares(flow)
    let label = flow.label.map { " " + CanonicalText.quoted($0.value(in: file)) } ?? ""
    var pieces: [(keyword: String, names: [String])] = [(flow.kind.rawValue, [names[0]])]
    for (index, name) in names.enumerated().dropFirst() {
      if loopClosing.contains(index - 1) {
        if pieces[pieces.count - 1].names.count == 1 { pieces.removeLast() }
        pieces.append(("rework", [Self.withoutShare(names[index - 1]), name]))
        pieces.append((flow.kind.rawValue, [Self.withoutShare(name)]))
      } else {
        pieces[pieces.count - 1].names.append(name)
      }
    }
    if pieces[pieces.count - 1].names.count == 1 { pieces.removeLast() }
    for (index, piece) in pieces.enumerated() {
      let text = writeChain(keyword: piece.keyword, names: piece.names, label: label)
      if index == pieces.count - 1 {
        lines.append(withTrailingComment(text, line: file.line(of: flow.range.end)))
      } else {
        lines.append(text)
      }
    }
  }

  /// `keyword a -> b -> ...` and the label, broken before an arrow where a line would pass `flowWidth`: every line
  /// but the last is appended to `lines`, the last is returned.
  mutating func writeChain(keyword: String, names: [String], label: String) -> String {
    var current = keyword + " " + names[0]
    for name in names.dropFirst() {
      let piece = " -> " + name
      if current.utf8.count + piece.utf8.count > options.flowWidth {
        lines.append(current)
        current = Self.attributeIndent + "-> " + name
      } else {
        current += piece
      }
    }
    return current + label
  }

  /// The flow's names, each but the first after the share of the arrow before it (`30% b`), written canonically.
  func namesWithShares(_ flow: FlowSyntax) -> [String] {
    let shares = syntax.shares(of: flow)
    return syntax.nodes(of: flow).enumerated().map { index, node in
      let share = index > 0 && index - 1 < shares.count ? shares[index - 1] : nil
      let prefix = share.map { CanonicalText.percentage(hundredths: $0.hundredths(in: file)) + " " } ?? ""
      return prefix + node.text(in: file)
    }
  }

  /// A name without the share before it: the first name of a chain, where no arrow comes before.
  static func withoutShare(_ name: String) -> String {
    guard let space = name.firstIndex(of: " ") else { return name }
    return String(name[name.index(after: space)...])
  }

  mutating func writeFlow(_ flow: FlowSyntax) {
    let names = namesWithShares(flow)
    let label = flow.label.map { " " + CanonicalText.quoted($0.value(in: file)) } ?? ""
    let firstLine = file.line(of: flow.range.start)
    let lastLine = file.line(of: flow.range.end)
    let hasCommentsInside =
      (nextComment < ownLineComments.count && ownLineComments[nextComment].line < lastLine)
      || (firstLine < lastLine && (firstLine..<lastLine).contains { trailingComments[$0] != nil })
    guard !names.isEmpty else {
      lines.append(withTrailingComment(flow.kind.rawValue + label, line: lastLine))
      return
    }
    if hasCommentsInside {
      writeFlowKeepingLines(flow, names: names, label: label)
      return
    }
    let text = writeChain(keyword: flow.kind.rawValue, names: names, label: label)
    lines.append(withTrailingComment(text, line: lastLine))
  }

  /// A continued flow with comments between or after its lines keeps its line breaks, so that each comment stays
  /// next to the names it was written beside.
  mutating func writeFlowKeepingLines(_ flow: FlowSyntax, names: [String], label: String) {
    var groups: [(line: Int, names: [String])] = []
    for (node, name) in zip(syntax.nodes(of: flow), names) {
      let line = file.line(of: node.range.start)
      if groups.last?.line == line {
        groups[groups.count - 1].names.append(name)
      } else {
        groups.append((line, [name]))
      }
    }
    for (index, group) in groups.enumerated() {
      while nextComment < ownLineComments.count, ownLineComments[nextComment].line < group.line {
        lines.append(Self.attributeIndent + ownLineComments[nextComment].text)
        nextComment += 1
      }
      var text = index == 0 ? flow.kind.rawValue + " " : Self.attributeIndent + "-> "
      text += group.names.joined(separator: " -> ")
      if index == groups.count - 1 { text += label }
      lines.append(withTrailingComment(text, line: group.line))
    }
  }
}
