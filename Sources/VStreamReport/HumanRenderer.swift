import VStreamSource

/// Renders diagnostics the way modern compilers do: a headline, the location, the source line with carets under the
/// primary range, secondary labels, notes and help.
///
/// ```
/// error[VS104]: expected a duration such as `5m` or `1h30m`, found `5 minutes`
///   --> streams/restore.vstream:17:8
///    |
/// 17 |   time 5 minutes
///    |        ^^^^^^^^^ not a duration
///    = help: write `time 5m`
/// ```
public struct HumanRenderer: Sendable {
  public struct Options: Sendable {
    /// ANSI colours and bold; the CLI decides (terminal, `NO_COLOR`, `FORCE_COLOR`).
    public var colors: Bool
    /// Lines longer than this many columns are shown as a window around the caret, so that a 5 MB line does not
    /// flood the terminal.
    public var maxLineWidth: Int

    public init(colors: Bool = false, maxLineWidth: Int = 120) {
      self.colors = colors
      self.maxLineWidth = maxLineWidth
    }
  }

  public var options: Options

  public init(options: Options = Options()) {
    self.options = options
  }

  /// Renders one diagnostic of `file`. `otherFiles` resolves labels that point into other files (by path); a label
  /// whose file is not there is shown as a location without a snippet.
  public func render(_ diagnostic: Diagnostic, in file: SourceFile, otherFiles: [String: SourceFile] = [:]) -> String {
    let style = Style(enabled: options.colors)
    var out = ""
    let severityColor =
      diagnostic.severity == .error ? Style.red : (diagnostic.severity == .warning ? Style.yellow : Style.cyan)
    out += style.apply("\(diagnostic.severity.rawValue)[\(diagnostic.code)]", severityColor + Style.bold)
    out += style.apply(": \(Self.printable(diagnostic.message))", Style.bold) + "\n"

    // Group the primary and same-file secondary labels by line, so that one snippet shows them together.
    var marks: [Mark] = [Mark(range: diagnostic.range, label: diagnostic.label, primary: true)]
    var foreign: [Diagnostic.Label] = []
    for label in diagnostic.secondary {
      if let path = label.path, path != file.path {
        foreign.append(label)
      } else {
        marks.append(Mark(range: label.range, label: label.message, primary: false))
      }
    }
    let lines = marks.map { file.line(of: $0.range.start) }
    let gutter = String(lines.max() ?? 1).count
    let primary = file.location(of: diagnostic.range.start)
    out +=
      String(repeating: " ", count: gutter) + style.apply("--> ", Style.blue)
      + "\(file.path):\(primary.line):\(primary.column)\n"
    out += snippet(file: file, marks: marks, gutter: gutter, style: style)

    for label in foreign {
      guard let path = label.path else { continue }
      if let other = otherFiles[path] {
        let location = other.location(of: label.range.start)
        let otherGutter = Swift.max(gutter, String(location.line).count)
        out +=
          String(repeating: " ", count: otherGutter) + style.apply("::: ", Style.blue)
          + "\(path):\(location.line):\(location.column)\n"
        out += snippet(
          file: other, marks: [Mark(range: label.range, label: label.message, primary: false)], gutter: otherGutter,
          style: style)
      } else {
        out +=
          String(repeating: " ", count: gutter) + style.apply("::: ", Style.blue)
          + "\(path): \(Self.printable(label.message))\n"
      }
    }
    for note in diagnostic.notes {
      out +=
        String(repeating: " ", count: gutter + 1) + style.apply("= ", Style.blue) + style.apply("note", Style.bold)
        + ": \(Self.printable(note))\n"
    }
    if let help = diagnostic.help {
      out +=
        String(repeating: " ", count: gutter + 1) + style.apply("= ", Style.blue) + style.apply("help", Style.bold)
        + ": \(Self.printable(help))\n"
    }
    if let suppression = diagnostic.suppression {
      out +=
        String(repeating: " ", count: gutter + 1) + style.apply("= ", Style.blue)
        + "suppressed: \(Self.printable(suppression.reason))\n"
    }
    return out
  }

  private struct Mark {
    var range: SourceRange
    var label: String?
    var primary: Bool
  }

  private func snippet(file: SourceFile, marks: [Mark], gutter: Int, style: Style) -> String {
    var out = String(repeating: " ", count: gutter + 1) + style.apply("|", Style.blue) + "\n"
    var byLine: [Int: [Mark]] = [:]
    for mark in marks { byLine[file.line(of: mark.range.start), default: []].append(mark) }
    var previousLine: Int?
    for line in byLine.keys.sorted() {
      if let previous = previousLine, line > previous + 1 {
        out += style.apply("...", Style.blue) + "\n"
      }
      previousLine = line
      let lineRange = file.lineRange(line)
      let lineMarks = byLine[line]!.sorted { $0.range.start < $1.range.start }
      // Choose the window of the line to show: all of it, or a slice around the first mark when it is too long.
      let shown = DisplayLine(
        file: file, lineRange: lineRange, focus: lineMarks[0].range.start, maxWidth: options.maxLineWidth)
      let number = String(line)
      out +=
        style.apply(String(repeating: " ", count: gutter - number.count) + number + " |", Style.blue) + " " + shown.text
        + "\n"
      for mark in lineMarks {
        let startColumn = shown.column(of: mark.range.start)
        // A range that runs past its line is underlined to the end of the line.
        let end = Swift.min(mark.range.end, lineRange.end)
        let endColumn = Swift.max(shown.column(of: end), startColumn + 1)
        let caret = mark.primary ? "^" : "-"
        var underline =
          String(repeating: " ", count: startColumn) + String(repeating: caret, count: endColumn - startColumn)
        if let label = mark.label, !label.isEmpty { underline += " " + Self.printable(label) }
        out +=
          String(repeating: " ", count: gutter + 1) + style.apply("|", Style.blue) + " "
          + style.apply(underline, mark.primary ? Style.red + Style.bold : Style.blue) + "\n"
      }
    }
    return out
  }

  /// Makes user text safe for a terminal: control characters become visible symbols, so that a hostile file cannot
  /// send escape sequences through a diagnostic.
  public static func printable(_ text: String) -> String {
    var needsWork = false
    for scalar in text.unicodeScalars
    where scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) {
      needsWork = true
      break
    }
    guard needsWork else { return text }
    var out = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0x09: out.append(" ")
      case 0x00..<0x20: out.append(Unicode.Scalar(0x2400 + scalar.value)!)
      case 0x7F: out.append(Unicode.Scalar(0x2421)!)
      case 0x80..<0xA0: out.append(Unicode.Scalar(0xFFFD)!)
      default: out.append(scalar)
      }
    }
    return String(out)
  }
}

/// One line of source prepared for display: tabs expanded, control characters made visible, and cut to a window
/// when it is too wide. Maps byte offsets to display columns (0-based) within the shown text.
struct DisplayLine {
  var text: String
  private var offsets: [UInt32] = []  // byte offset of each shown column's source scalar
  private var endOffset: UInt32

  init(file: SourceFile, lineRange: SourceRange, focus: UInt32, maxWidth: Int) {
    // Decode the scalars of the line with their offsets, but only as far as we can show: a window around `focus`.
    var scalars: [(UInt32, Unicode.Scalar)] = []
    let bytes = file.bytes
    var windowStart = lineRange.start
    if Int(lineRange.length) > maxWidth * 4, focus > lineRange.start + UInt32(maxWidth / 2) {
      // Start the window half a width before the focus, on a scalar boundary.
      windowStart = focus - UInt32(maxWidth / 2)
      while windowStart > lineRange.start, bytes[Int(windowStart)] & 0xC0 == 0x80 { windowStart -= 1 }
    }
    var index = Int(windowStart)
    let end = Int(lineRange.end)
    let limit = Int(windowStart) + maxWidth * 4 + Int(focus > windowStart ? focus - windowStart : 0)
    var decoder = UTF8()
    var iterator = bytes[index..<Swift.min(end, limit)].makeIterator()
    var cursor = index
    loop: while true {
      let before = cursor
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar):
        let width = scalar.value < 0x80 ? 1 : scalar.value < 0x800 ? 2 : scalar.value < 0x10000 ? 3 : 4
        scalars.append((UInt32(before), scalar))
        cursor += width
      case .error:
        scalars.append((UInt32(before), Unicode.Scalar(0xFFFD)!))
        cursor += 1
      case .emptyInput:
        break loop
      }
    }
    index = cursor
    var text = String.UnicodeScalarView()
    var prefix = windowStart > lineRange.start
    if prefix {
      text.append(contentsOf: "...".unicodeScalars)
      offsets.append(contentsOf: [windowStart, windowStart, windowStart])
    }
    prefix = false
    var shownColumns = 0
    for (offset, scalar) in scalars {
      if shownColumns >= maxWidth && offset > focus { break }
      switch scalar.value {
      case 0x09:
        for _ in 0..<4 {
          text.append(" ")
          offsets.append(offset)
        }
        shownColumns += 4
        continue
      case 0x00..<0x20: text.append(Unicode.Scalar(0x2400 + scalar.value)!)
      case 0x7F: text.append(Unicode.Scalar(0x2421)!)
      default: text.append(scalar)
      }
      offsets.append(offset)
      shownColumns += 1
    }
    let lastShown = offsets.last.map { $0 + 1 } ?? windowStart
    if (scalars.last.map { $0.0 + 1 } ?? windowStart) < lineRange.end || index < end {
      if lastShown < lineRange.end && text.count > 0 && (offsets.last ?? 0) + 4 < lineRange.end {
        text.append(contentsOf: "...".unicodeScalars)
      }
    }
    self.text = String(text)
    self.endOffset = lineRange.end
  }

  /// The display column (0-based) at which the scalar starting at or containing `offset` is shown.
  func column(of offset: UInt32) -> Int {
    // First shown column whose source offset is >= offset (tabs span several columns; take the first).
    var low = 0
    var high = offsets.count
    while low < high {
      let mid = (low + high) / 2
      if offsets[mid] < offset { low = mid + 1 } else { high = mid }
    }
    return low
  }
}

/// ANSI styling that is a no-op when colours are off.
struct Style {
  static let red = "\u{1B}[31m"
  static let yellow = "\u{1B}[33m"
  static let blue = "\u{1B}[34m"
  static let cyan = "\u{1B}[36m"
  static let bold = "\u{1B}[1m"
  static let reset = "\u{1B}[0m"

  var enabled: Bool

  func apply(_ text: String, _ code: String) -> String {
    enabled ? code + text + Style.reset : text
  }
}
