import VStreamModel
import VStreamSource
import VStreamSyntax

/// Options for the canonical layout.
public struct FormatOptions: Sendable {
  /// Flow chains longer than this are wrapped before an arrow onto `  -> ...` continuation lines.
  public var flowWidth: Int

  public init(flowWidth: Int = 100) {
    self.flowWidth = flowWidth
  }
}

/// Writes a parsed file in the canonical layout of `specs/formatting.md`.
///
/// Values are re-emitted from their decoded form (so formatting cannot change what a file means), names are
/// normalised to canonical ids, and every comment is kept on the line it was attached to. The front matter is kept
/// byte for byte. The caller guarantees that the file parsed without errors.
public enum Formatter {
  public static func format(_ file: SourceFile, syntax: FileSyntax, options: FormatOptions = FormatOptions()) -> String {
    var writer = FormatWriter(file: file, syntax: syntax, options: options)
    writer.write()
    return writer.output
  }
}

struct FormatWriter {
  let file: SourceFile
  let syntax: FileSyntax
  let options: FormatOptions
  let newline: String
  var lines: [String] = []
  /// Own-line comments by source line, and trailing comments by source line.
  var ownLineComments: [(line: Int, text: String)] = []
  var trailingComments: [Int: String] = [:]
  /// Index of the next own-line comment not yet written.
  var nextComment = 0
  /// The last source line written (to see blank lines between items).
  var lastSourceLine = 0

  init(file: SourceFile, syntax: FileSyntax, options: FormatOptions) {
    self.file = file
    self.syntax = syntax
    self.options = options
    // Keep the file's line ending: CRLF if its first line break is CRLF.
    let firstBreak = file.bytes.firstIndex(of: 0x0A)
    newline = firstBreak.map { $0 > 0 && file.bytes[$0 - 1] == 0x0D } == true ? "\r\n" : "\n"
    for comment in syntax.comments {
      let text = Self.trimmedTrailing(file.text(comment.range))
      let line = file.line(of: comment.range.start)
      if comment.isTrailing { trailingComments[line] = text } else { ownLineComments.append((line, text)) }
    }
  }

  var output: String {
    var text = lines.joined(separator: newline)
    while text.hasSuffix(newline + newline) { text.removeLast(newline.count) }
    if !text.isEmpty, !text.hasSuffix(newline) { text += newline }
    return (syntax.hasByteOrderMark ? "\u{FEFF}" : "") + text
  }

  static func trimmedTrailing(_ text: String) -> String {
    var result = Substring(text)
    while let last = result.last, last == " " || last == "\t" || last == "\r" { result.removeLast() }
    return String(result)
  }

  mutating func write() {
    if let frontMatter = syntax.frontMatter {
      let start = syntax.hasByteOrderMark ? 3 : 0
      // The front matter exactly as written, line breaks included, up to the end of its closing fence line.
      let text = String(decoding: file.bytes[start..<Int(frontMatter.range.end)], as: UTF8.self)
      lines.append(contentsOf: text.components(separatedBy: newline))
      lastSourceLine = file.line(of: frontMatter.range.end)
    }
    var previous: ItemSyntax?
    for item in syntax.items {
      let firstLine = file.line(of: item.range.start)
      // The blank line that sets a declaration off from the previous one goes before the comments above it, so
      // that those comments stay attached to the declaration they describe.
      if case .declaration(let earlier)? = previous, !earlier.attributes.isEmpty, case .declaration = item { blank() }
      writeComments(before: firstLine, afterItem: previous)
      if sourceHasBlankLine(between: lastSourceLine, and: firstLine) { blank() }
      switch item {
      case .declaration(let declaration): writeDeclaration(declaration)
      case .flow(let flow): writeFlow(flow)
      }
      previous = item
    }
    writeComments(before: Int.max, afterItem: previous)
  }

  mutating func blank() {
    if let last = lines.last, last.isEmpty { return }
    if lines.isEmpty { return }
    lines.append("")
  }

  /// Whether the source has a blank line between `lastSourceLine` and `line`.
  func sourceHasBlankLine(between start: Int, and end: Int) -> Bool {
    guard start + 1 < end else { return false }
    for line in (start + 1)..<end where file.text(file.lineRange(line)).allSatisfy({ $0 == " " || $0 == "\t" }) { return true }
    return false
  }

  /// Writes the own-line comments that stand before `line`, keeping one blank line where the source had blank lines.
  mutating func writeComments(before line: Int, afterItem previous: ItemSyntax?) {
    while nextComment < ownLineComments.count, ownLineComments[nextComment].line < line {
      let comment = ownLineComments[nextComment]
      if sourceHasBlankLine(between: lastSourceLine, and: comment.line) { blank() }
      lines.append(comment.text)
      lastSourceLine = comment.line
      nextComment += 1
    }
  }

  func withTrailing(_ text: String, line: Int) -> String {
    guard let comment = trailingComments[line] else { return text }
    return text + "  " + comment
  }

  // MARK: - Declarations

  mutating func writeDeclaration(_ declaration: DeclarationSyntax) {
    var header = declaration.kind.rawValue
    if let identifier = declaration.identifier { header += " " + identifier.text(in: file) }
    if let title = declaration.title { header += " " + Self.quoted(title.value(in: file)) }
    let headerLine = file.line(of: declaration.keywordRange.start)
    lines.append(withTrailing(header, line: headerLine))
    lastSourceLine = file.line(of: (declaration.title?.range ?? declaration.identifier?.range ?? declaration.keywordRange).end)

    // Each attribute carries the own-line comments directly above it, so reordering keeps them together.
    var attached: [(attribute: AttributeSyntax, comments: [String])] = []
    for attribute in declaration.attributes {
      let line = file.line(of: attribute.range.start)
      var comments: [String] = []
      while nextComment < ownLineComments.count, ownLineComments[nextComment].line < line {
        comments.append(ownLineComments[nextComment].text)
        nextComment += 1
      }
      attached.append((attribute, comments))
    }
    let order = declaration.kind.allowedAttributes
    attached.sort { order.firstIndex(of: $0.attribute.kind)! < order.firstIndex(of: $1.attribute.kind)! }
    for (attribute, comments) in attached {
      for comment in comments { lines.append("  " + comment) }
      writeAttribute(attribute)
    }
    if let last = declaration.attributes.last { lastSourceLine = max(lastSourceLine, file.line(of: last.range.end)) }
  }

  mutating func writeAttribute(_ attribute: AttributeSyntax) {
    let keyword = "  " + attribute.kind.rawValue + " "
    let lastLine = file.line(of: attribute.range.end)
    switch attribute.value {
    case .word(let word):
      lines.append(withTrailing(keyword + canonicalActivity(word.text(in: file)), line: lastLine))
    case .words(let words):
      lines.append(withTrailing(keyword + words.map { canonicalPractice($0.text(in: file)) }.joined(separator: ", "), line: lastLine))
    case .strings(let strings):
      lines.append(withTrailing(keyword + strings.map { Self.quoted($0.value(in: file)) }.joined(separator: ", "), line: lastLine))
    case .string(let string) where string.isBlock:
      lines.append(keyword + "\"\"\"")
      for line in string.value(in: file).components(separatedBy: "\n") {
        lines.append(line.isEmpty ? "" : "    " + Self.blockEscaped(line))
      }
      lines.append(withTrailing("    \"\"\"", line: lastLine))
    case .string(let string):
      lines.append(withTrailing(keyword + Self.quoted(string.value(in: file)), line: lastLine))
    case .duration(let duration):
      lines.append(withTrailing(keyword + Self.canonicalDuration(duration), line: lastLine))
    case .percentage(let percentage):
      lines.append(withTrailing(keyword + Percentage(hundredths: percentage.hundredths).formatted, line: lastLine))
    case .missing:
      lines.append(withTrailing(Self.trimmedTrailing(keyword + file.text(attribute.range).dropFirst(attribute.kind.rawValue.count)), line: lastLine))
    }
  }

  func canonicalActivity(_ written: String) -> String {
    Activity.resolve(written).entry?.id ?? written
  }

  func canonicalPractice(_ written: String) -> String {
    PracticeCatalogue.itil.resolve(written).entry?.id ?? written
  }

  /// Weeks and days are kept as written (their length is a setting); hours, minutes and seconds are summed and
  /// carried: `90m` -> `1h30m`, `3600s` -> `1h`.
  static func canonicalDuration(_ duration: DurationSyntax) -> String {
    var text = ""
    var seconds: Int64 = 0
    for part in duration.parts {
      switch part.unit {
      case .w, .d: text += "\(part.amount)\(part.unit.rawValue)"
      case .h: seconds += part.amount * 3_600
      case .m: seconds += part.amount * 60
      case .s: seconds += part.amount
      }
    }
    if seconds > 0 {
      for (unit, size) in [("h", Int64(3_600)), ("m", 60), ("s", 1)] where seconds >= size {
        text += "\(seconds / size)\(unit)"
        seconds %= size
      }
    }
    return text.isEmpty ? "0s" : text
  }

  static func quoted(_ value: String) -> String {
    var out = "\""
    for character in value.unicodeScalars {
      switch character {
      case "\\": out += "\\\\"
      case "\"": out += "\\\""
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      default: out.unicodeScalars.append(character)
      }
    }
    return out + "\""
  }

  /// Inside a `"""` block only backslashes and a run of three quotes need escaping; tabs are written `\t` so that
  /// they stay visible.
  static func blockEscaped(_ line: String) -> String {
    line.replacingAll("\\", "\\\\").replacingAll("\"\"\"", "\\\"\"\"").replacingAll("\t", "\\t")
  }

  // MARK: - Flows

  mutating func writeFlow(_ flow: FlowSyntax) {
    let names = flow.nodes.map { $0.text(in: file) }
    let label = flow.label.map { " " + Self.quoted($0.value(in: file)) } ?? ""
    let firstLine = file.line(of: flow.range.start)
    let lastLine = file.line(of: flow.range.end)
    let hasInnerComments = (firstLine..<lastLine).contains { trailingComments[$0] != nil }
      || (nextComment < ownLineComments.count && ownLineComments[nextComment].line < lastLine)
    if hasInnerComments {
      // Comments inside a continued flow stay where they are: keep the flow's own line breaks.
      var byLine: [Int: [String]] = [:]
      for (index, node) in flow.nodes.enumerated() { byLine[file.line(of: node.range.start), default: []].append(index == 0 ? names[0] : "-> " + names[index]) }
      for line in firstLine...lastLine {
        while nextComment < ownLineComments.count, ownLineComments[nextComment].line <= line {
          lines.append("  " + ownLineComments[nextComment].text)
          nextComment += 1
        }
        guard let parts = byLine[line] else { continue }
        var text = (line == firstLine ? "flow " : "  ") + parts.joined(separator: " ")
        if line == lastLine { text += label }
        lines.append(withTrailing(text, line: line))
      }
    } else {
      var current = "flow " + names[0]
      var wrapped: [String] = []
      for name in names.dropFirst() {
        let piece = " -> " + name
        if current.count + piece.count > options.flowWidth {
          wrapped.append(current)
          current = "  -> " + name
        } else {
          current += piece
        }
      }
      wrapped.append(current + label)
      wrapped[wrapped.count - 1] = withTrailing(wrapped[wrapped.count - 1], line: lastLine)
      lines.append(contentsOf: wrapped)
    }
    lastSourceLine = lastLine
  }
}
