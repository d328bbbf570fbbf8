import CLibYAML
import VStreamSource

/// Reads one YAML document from a range of a source file with libyaml's event parser.
///
/// This is the only place that touches libyaml. It never throws and never crashes: it returns the document (or nil)
/// and diagnostics. Nesting, size and alias expansion are bounded by ``YAMLLimits``, and the tree is built with an
/// explicit stack, so neither deep nesting nor an alias bomb can exhaust the stack or memory.
public struct YAMLReader: Sendable {
  public var limits: YAMLLimits

  public init(limits: YAMLLimits = YAMLLimits()) {
    self.limits = limits
  }

  public static var rules: [RuleDescriptor] { YAMLMessages.rules }

  public func read(_ file: SourceFile, range: SourceRange) -> (root: YAMLNode?, diagnostics: [Diagnostic]) {
    if Int(range.length) > limits.maxBytes {
      let diagnostic = Diagnostic(
        code: YAMLMessages.tooLarge, severity: .error,
        message: "the YAML is \(range.length) bytes, more than the limit of \(limits.maxBytes)",
        range: SourceRange(start: range.start, end: range.start), label: "too large",
        help: "keep front matter to metadata; move long text into `note` attributes")
      return (nil, [diagnostic])
    }
    var run = YAMLRun(file: file, range: range, limits: limits)
    run.parse()
    return (run.root, run.diagnostics)
  }
}

/// The state of one read.
private struct YAMLRun {
  /// A sequence or mapping being built.
  struct Frame {
    var isMapping: Bool
    var start: UInt32
    var anchor: String?
    var tag: String?
    var style: YAMLNode.ScalarStyle?
    var items: [YAMLNode] = []
    var pairs: [YAMLPair] = []
    var pendingKey: YAMLNode?
    /// Scalar keys seen so far, for duplicate detection.
    var keys: [String: SourceRange] = [:]
  }

  let file: SourceFile
  let range: SourceRange
  let limits: YAMLLimits
  var marks: MarkConverter
  var root: YAMLNode?
  var diagnostics: [Diagnostic] = []
  var stack: [Frame] = []
  var anchors: [String: (node: YAMLNode, size: Int)] = [:]
  /// Sizes of finished nodes by identity are not available for value types, so each frame tracks the logical size of
  /// what it holds; `total` counts every node created, aliases counted at their expanded size.
  var total = 0
  var sizes: [Int] = []
  var documents = 0

  init(file: SourceFile, range: SourceRange, limits: YAMLLimits) {
    self.file = file
    self.range = range
    self.limits = limits
    self.marks = MarkConverter(file: file, range: range)
  }

  mutating func parse() {
    var parser = yaml_parser_t()
    guard yaml_parser_initialize(&parser) == 1 else {
      report(YAMLMessages.syntax, "yaml: the YAML reader could not start", at: SourceRange.empty(at: range.start), label: nil, help: nil)
      return
    }
    defer { yaml_parser_delete(&parser) }
    let start = Int(range.start)
    let length = Int(range.length)
    file.bytes.withUnsafeBufferPointer { buffer in
      let base = buffer.baseAddress.map { $0 + start } ?? UnsafePointer<UInt8>(bitPattern: 1)!
      yaml_parser_set_input_string(&parser, base, length)
      yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
      var event = yaml_event_t()
      while true {
        guard yaml_parser_parse(&parser, &event) == 1 else {
          reportParserError(parser)
          return
        }
        let done = event.type == YAML_STREAM_END_EVENT
        let keepGoing = handle(event)
        yaml_event_delete(&event)
        if done || !keepGoing { return }
      }
    }
  }

  /// Handles one event; false stops the read (a limit was hit or an error makes the rest meaningless).
  mutating func handle(_ event: yaml_event_t) -> Bool {
    switch event.type {
    case YAML_DOCUMENT_START_EVENT:
      documents += 1
      if documents > 1 {
        report(
          YAMLMessages.multipleDocuments, "the YAML holds more than one document", at: rangeOf(event), label: "second document",
          help: "keep one YAML document; remove the `---` line inside it")
        return false
      }
    case YAML_SCALAR_EVENT:
      let scalar = event.data.scalar
      let text = string(scalar.value, length: scalar.length)
      let tag = checkedTag(scalar.tag, event)
      let node = YAMLNode(kind: .scalar(text), range: rangeOf(event), style: style(scalar.style), tag: tag)
      return add(node, size: 1, anchor: optionalString(scalar.anchor))
    case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
      let isMapping = event.type == YAML_MAPPING_START_EVENT
      if stack.count >= limits.maxDepth {
        report(
          YAMLMessages.tooDeep, "YAML nesting is deeper than \(limits.maxDepth) levels", at: rangeOf(event),
          label: "too deep", help: "flatten the structure")
        return false
      }
      let anchor = isMapping ? optionalString(event.data.mapping_start.anchor) : optionalString(event.data.sequence_start.anchor)
      let tag = checkedTag(isMapping ? event.data.mapping_start.tag : event.data.sequence_start.tag, event)
      stack.append(Frame(isMapping: isMapping, start: rangeOf(event).start, anchor: anchor, tag: tag))
      sizes.append(1)
      total += 1
      return withinNodeLimit(event)
    case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
      guard let frame = stack.popLast(), let size = sizes.popLast() else { return false }
      let end = rangeOf(event).end
      let kind: YAMLNode.Kind = frame.isMapping ? .mapping(frame.pairs) : .sequence(frame.items)
      let node = YAMLNode(kind: kind, range: SourceRange(start: frame.start, end: Swift.max(frame.start, end)), tag: frame.tag)
      total -= size  // `add` counts the finished node again at its full size
      return add(node, size: size, anchor: frame.anchor)
    case YAML_ALIAS_EVENT:
      let name = optionalString(event.data.alias.anchor) ?? ""
      guard let anchored = anchors[name] else {
        report(
          YAMLMessages.undefinedAlias, "undefined alias `*\(name)`", at: rangeOf(event), label: "no anchor `&\(name)` before this",
          help: "define `&\(name)` on a value before using `*\(name)`")
        return false
      }
      var node = anchored.node
      node.range = rangeOf(event)
      return add(node, size: anchored.size, anchor: nil)
    default:
      break
    }
    return true
  }

  /// Adds a finished node to the container being built (or makes it the root).
  mutating func add(_ node: YAMLNode, size: Int, anchor: String?) -> Bool {
    total += size
    if let anchor = anchor { anchors[anchor] = (node, size) }
    guard withinNodeLimit(node.range) else { return false }
    guard var frame = stack.popLast() else {
      root = node
      return true
    }
    sizes[sizes.count - 1] += size
    if frame.isMapping {
      if let key = frame.pendingKey {
        frame.pairs.append(YAMLPair(key: key, value: node))
        frame.pendingKey = nil
      } else {
        if let text = node.scalar {
          if let first = frame.keys[text] {
            report(
              YAMLMessages.duplicateKey, "duplicate key `\(text)`", at: node.range, label: "defined again here",
              secondary: [Diagnostic.Label(range: first, message: "first defined here")], help: "remove one of the two")
          } else {
            frame.keys[text] = node.range
          }
        } else {
          report(
            YAMLMessages.complexKey, "a key must be a plain value, not \(node.kindDescription)", at: node.range,
            label: "complex key", help: "use a word as the key")
        }
        frame.pendingKey = node
      }
    } else {
      frame.items.append(node)
    }
    stack.append(frame)
    return true
  }

  mutating func withinNodeLimit(_ event: yaml_event_t) -> Bool {
    withinNodeLimit(rangeOf(event))
  }

  mutating func withinNodeLimit(_ at: SourceRange) -> Bool {
    guard total > limits.maxNodes else { return true }
    report(
      YAMLMessages.tooLarge, "the YAML expands to more than \(limits.maxNodes) values", at: at, label: "limit reached here",
      help: "remove the aliases (`*name`) or shorten the document")
    return false
  }

  // MARK: - Conversions

  func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?, length: Int) -> String {
    guard let pointer = pointer else { return "" }
    return String(decoding: UnsafeBufferPointer(start: pointer, count: length), as: UTF8.self)
  }

  func optionalString(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
    guard let pointer = pointer else { return nil }
    return String(cString: pointer)
  }

  func style(_ style: yaml_scalar_style_t) -> YAMLNode.ScalarStyle {
    switch style {
    case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
    case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
    case YAML_LITERAL_SCALAR_STYLE: return .literal
    case YAML_FOLDED_SCALAR_STYLE: return .folded
    default: return .plain
    }
  }

  static let standardTags: Set<String> = [
    "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map",
  ]

  /// The tag if it is a standard one; a custom tag is reported and dropped.
  mutating func checkedTag(_ pointer: UnsafeMutablePointer<yaml_char_t>?, _ event: yaml_event_t) -> String? {
    guard let tag = optionalString(pointer), tag != "!" else { return nil }
    if Self.standardTags.contains(tag) { return tag }
    diagnostics.append(
      Diagnostic(
        code: YAMLMessages.unsupportedTag, severity: .warning, message: "unsupported YAML tag `\(tag)`",
        range: rangeOf(event), label: "tag ignored", help: "remove the tag; the value is read as if untagged"))
    return nil
  }

  mutating func rangeOf(_ event: yaml_event_t) -> SourceRange {
    let start = marks.offset(of: event.start_mark)
    let end = marks.offset(of: event.end_mark)
    return SourceRange(start: start, end: Swift.max(start, end))
  }

  mutating func reportParserError(_ parser: yaml_parser_t) {
    let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
    let at: SourceRange
    if parser.error == YAML_READER_ERROR {
      // Reader errors (bad encoding) give a byte offset rather than a mark.
      let offset = range.start + UInt32(Swift.min(parser.problem_offset, Int(range.length)))
      at = SourceRange(start: offset, end: Swift.min(offset + 1, range.end))
    } else {
      let offset = marks.offset(of: parser.problem_mark)
      at = SourceRange(start: offset, end: offset)
    }
    var notes: [String] = []
    if let context = parser.context.map({ String(cString: $0) }) {
      let location = file.location(of: marks.offset(of: parser.context_mark))
      notes.append("\(context) at line \(location.line), column \(location.column)")
    }
    diagnostics.append(
      Diagnostic(
        code: YAMLMessages.syntax, severity: .error, message: "yaml: \(problem)", range: at, label: problem, notes: notes,
        help: Self.help(for: problem)))
  }

  static func help(for problem: String) -> String? {
    if problem.contains("mapping values are not allowed") { return "quote the value if it contains `: `" }
    if problem.contains("tab") { return "indent YAML with spaces, not tabs" }
    if problem.contains("did not find expected key") { return "check the indentation of the keys" }
    if problem.contains("found undefined tag handle") { return "remove the tag" }
    return nil
  }

  mutating func report(
    _ code: String, _ message: String, at range: SourceRange, label: String?, secondary: [Diagnostic.Label] = [], help: String?
  ) {
    diagnostics.append(Diagnostic(code: code, severity: .error, message: message, range: range, label: label, secondary: secondary, help: help))
  }
}

/// Turns libyaml marks into file-absolute byte offsets.
///
/// libyaml 0.2.5 counts `index` and `column` in characters, not bytes, and `line` from 0 within its input. The
/// converter finds the line in the file's line table and walks `column` scalars from the line's start, remembering
/// the last position so that a long line is walked once rather than once per mark.
struct MarkConverter {
  let file: SourceFile
  let range: SourceRange
  let firstLine: Int
  var cachedLine = -1
  var cachedColumn = 0
  var cachedOffset = 0

  init(file: SourceFile, range: SourceRange) {
    self.file = file
    self.range = range
    self.firstLine = file.line(of: range.start)
  }

  mutating func offset(of mark: yaml_mark_t) -> UInt32 {
    let line = firstLine + Int(mark.line)
    guard line <= file.lineCount else { return range.end }
    var lineStart = Int(file.lineStarts[line - 1])
    if mark.line == 0 {
      lineStart = Int(range.start)
      // libyaml skips a byte order mark without counting it.
      let bytes = file.bytes
      if lineStart + 3 <= bytes.count, bytes[lineStart] == 0xEF, bytes[lineStart + 1] == 0xBB, bytes[lineStart + 2] == 0xBF {
        lineStart += 3
      }
    }
    let column = Int(mark.column)
    var offset = lineStart
    var walked = 0
    if cachedLine == line, cachedColumn <= column {
      offset = cachedOffset
      walked = cachedColumn
    }
    let end = Int(range.end)
    let bytes = file.bytes
    while walked < column, offset < end {
      let byte = bytes[offset]
      if byte == 0x0A { break }
      offset += byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
      walked += 1
    }
    offset = Swift.min(offset, end)
    cachedLine = line
    cachedColumn = walked
    cachedOffset = offset
    return UInt32(offset)
  }
}
