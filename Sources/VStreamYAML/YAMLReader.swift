import CLibYAML
import VStreamSource

/// Reads one YAML document from a range of a source file with libyaml's event parser.
///
/// This is the only place that touches libyaml. A read never throws and never crashes: it returns the document (or
/// nil) and diagnostics, every position a file-absolute byte range. Size, nesting depth and alias expansion are
/// bounded by ``YAMLLimits``, and the tree is built without recursion, so hostile input costs milliseconds.
public struct YAMLReader: Sendable {
  public var limits: YAMLLimits

  public init(limits: YAMLLimits = YAMLLimits()) {
    self.limits = limits
  }

  /// One descriptor per code this module emits (VS201...), sorted by code.
  public static let rules: [RuleDescriptor] = YAMLMessages.rules

  /// Parses the single YAML document in `range` of `file`.
  ///
  /// Returns the root, or nil for an empty document (nothing, only comments, or an explicit empty document) and
  /// after a fatal error (a syntax error, a limit, an undefined alias). A second document is an error that keeps the
  /// first one, unread itself. Duplicate, complex and merge keys are errors that keep the tree; an unsupported tag is
  /// a warning.
  public func read(_ file: SourceFile, range: SourceRange) -> (root: YAMLNode?, diagnostics: [Diagnostic]) {
    let bytes = file.bytes
    let end = Int(Swift.min(range.end, UInt32(bytes.count)))
    var start = Swift.min(Int(range.start), end)
    if end - start > limits.maxBytes {
      return (
        nil,
        [YAMLMessages.tooLargeDiagnostic(bytes: end - start, limit: limits.maxBytes, at: .empty(at: UInt32(start)))]
      )
    }
    // With the encoding set explicitly, libyaml does not skip a byte order mark: it reads it as a character of the
    // first line, whose keys then look indented one column more than the next line's ("did not find expected
    // <document start>" for `\u{FEFF}a: 1\nb: 2`). So the input starts after it.
    if end - start >= 3, bytes[start] == 0xEF, bytes[start + 1] == 0xBB, bytes[start + 2] == 0xBF { start += 3 }
    guard start < end else { return (nil, []) }
    var session = Session(bytes: bytes, start: start, end: end, limits: limits)
    session.run()
    return (session.builder.result, session.builder.diagnostics)
  }
}

extension YAMLReader {
  /// One pass of libyaml over the input, feeding converted events to the tree builder.
  fileprivate struct Session {
    let bytes: SourceBytes
    var marks: YAMLMarkConverter
    var builder: YAMLTreeBuilder

    init(bytes: SourceBytes, start: Int, end: Int, limits: YAMLLimits) {
      self.bytes = bytes
      self.marks = YAMLMarkConverter(bytes: bytes, start: start, end: end)
      self.builder = YAMLTreeBuilder(limits: limits)
    }

    mutating func run() {
      var parser = yaml_parser_t()
      guard yaml_parser_initialize(&parser) == 1 else {
        let range = SourceRange.empty(at: UInt32(marks.start))
        builder.stop(
          with: YAMLMessages.syntaxError(
            problem: YAMLMessages.outOfMemory, at: range, label: nil, context: nil, contextRange: nil, help: nil))
        return
      }
      defer { yaml_parser_delete(&parser) }
      let start = marks.start
      let length = marks.end - start
      bytes.withUnsafeBufferPointer { buffer in
        // libyaml reads the input in place; the pointer is used only inside this closure, before `defer` runs.
        guard let base = buffer.baseAddress else { return }
        yaml_parser_set_input_string(&parser, base + start, length)
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        var event = yaml_event_t()
        while true {
          // libyaml 0.2.5 parses with explicit stacks, never recursion, so deep input cannot overflow the C stack.
          // Its time can be quadratic in the nesting depth, though (measured: 1,000,000 `[` take over ten minutes, as
          // each token checks every open level), which is why the builder's depth limit stops the loop early.
          guard yaml_parser_parse(&parser, &event) == 1 else {
            builder.stop(with: parserError(parser))
            return
          }
          let converted = convert(event)
          let isEnd = event.type == YAML_STREAM_END_EVENT
          yaml_event_delete(&event)
          if isEnd { return }
          if let converted = converted, !builder.handle(converted) { return }
        }
      }
    }

    // MARK: - Events

    mutating func convert(_ event: yaml_event_t) -> YAMLEvent? {
      switch event.type {
      case YAML_DOCUMENT_START_EVENT:
        return .documentStart(range: range(event))
      case YAML_SCALAR_EVENT:
        let scalar = event.data.scalar
        let style = Self.style(scalar.style)
        var range = range(event)
        if style == .literal || style == .folded {
          // A block scalar's end mark is after its trailing line breaks, on the next line.
          var end = Int(range.end)
          while end > Int(range.start), [0x20, 0x09, 0x0D, 0x0A].contains(bytes[end - 1]) { end -= 1 }
          range.end = UInt32(end)
        }
        let text =
          scalar.value.map { String(decoding: UnsafeBufferPointer(start: $0, count: scalar.length), as: UTF8.self) }
          ?? ""
        let (anchor, tag) = properties(of: range, anchor: scalar.anchor, tag: scalar.tag)
        return .scalar(text: text, style: style, range: range, anchor: anchor, tag: tag)
      case YAML_SEQUENCE_START_EVENT:
        let start = event.data.sequence_start
        let range = range(event)
        let (anchor, tag) = properties(of: range, anchor: start.anchor, tag: start.tag)
        return .collectionStart(
          isMapping: false, isFlow: start.style == YAML_FLOW_SEQUENCE_STYLE, range: range, anchor: anchor, tag: tag)
      case YAML_MAPPING_START_EVENT:
        let start = event.data.mapping_start
        let range = range(event)
        let (anchor, tag) = properties(of: range, anchor: start.anchor, tag: start.tag)
        return .collectionStart(
          isMapping: true, isFlow: start.style == YAML_FLOW_MAPPING_STYLE, range: range, anchor: anchor, tag: tag)
      case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
        return .collectionEnd(range: range(event))
      case YAML_ALIAS_EVENT:
        return .alias(name: Self.string(event.data.alias.anchor) ?? "", range: range(event))
      default:
        return nil
      }
    }

    mutating func range(_ event: yaml_event_t) -> SourceRange {
      let start = offset(event.start_mark)
      return SourceRange(start: start, end: Swift.max(start, offset(event.end_mark)))
    }

    mutating func offset(_ mark: yaml_mark_t) -> UInt32 {
      marks.offset(line: Int(mark.line), column: Int(mark.column))
    }

    static func style(_ style: yaml_scalar_style_t) -> YAMLNode.ScalarStyle {
      switch style {
      case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
      case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
      case YAML_LITERAL_SCALAR_STYLE: return .literal
      case YAML_FOLDED_SCALAR_STYLE: return .folded
      default: return .plain
      }
    }

    static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
      pointer.map { String(cString: $0) }
    }

    /// The anchor and tag of a node with the ranges where they are written. libyaml gives their values and only
    /// the node's start, which is its first property; the properties are found by reading on from there.
    func properties(
      of node: SourceRange, anchor: UnsafeMutablePointer<yaml_char_t>?, tag: UnsafeMutablePointer<yaml_char_t>?
    ) -> (YAMLEvent.Anchor?, YAMLEvent.Tag?) {
      let anchorName = Self.string(anchor)
      let resolvedTag = Self.string(tag)
      guard anchorName != nil || resolvedTag != nil else { return (nil, nil) }
      var anchorRange: SourceRange?
      var tagRange: SourceRange?
      var index = Int(node.start)
      let end = marks.end
      // Two properties at most, in either order, separated by blanks, line breaks or comments.
      for _ in 0..<2 {
        while index < end {
          if [0x20, 0x09, 0x0D, 0x0A].contains(bytes[index]) {
            index += 1
          } else if bytes[index] == 0x23 {  // `#` starts a comment to the end of the line
            while index < end, bytes[index] != 0x0A { index += 1 }
          } else {
            break
          }
        }
        guard index < end, bytes[index] == 0x26 || bytes[index] == 0x21 else { break }
        let first = index
        if bytes[index] == 0x21, index + 1 < end, bytes[index + 1] == 0x3C {  // `!<verbatim>`
          while index < end, bytes[index] != 0x3E, bytes[index] != 0x0A { index += 1 }
          if index < end, bytes[index] == 0x3E { index += 1 }
        } else {
          index += 1
          while index < end, !Self.endsProperty(bytes[index]) { index += 1 }
        }
        let range = SourceRange(start: UInt32(first), end: UInt32(index))
        if bytes[first] == 0x26 { anchorRange = range } else { tagRange = range }
      }
      let fallback = SourceRange.empty(at: node.start)
      let foundAnchor = anchorName.map { YAMLEvent.Anchor(name: $0, range: anchorRange ?? fallback) }
      let foundTag = resolvedTag.map { resolved -> YAMLEvent.Tag in
        let range = tagRange ?? fallback
        let written = tagRange.map { String(decoding: bytes[Int($0.start)..<Int($0.end)], as: UTF8.self) }
        return YAMLEvent.Tag(resolved: resolved, written: written ?? resolved, range: range)
      }
      return (foundAnchor, foundTag)
    }

    /// Whether a byte ends an anchor or a shorthand tag: a blank, a line break, or a flow indicator.
    static func endsProperty(_ byte: UInt8) -> Bool {
      switch byte {
      case 0x20, 0x09, 0x0D, 0x0A, 0x2C, 0x5B, 0x5D, 0x7B, 0x7D: return true
      default: return false
      }
    }

    // MARK: - Errors

    /// One diagnostic for libyaml's error, at the byte where it found the problem.
    mutating func parserError(_ parser: yaml_parser_t) -> Diagnostic {
      let problem = parser.problem.map { String(cString: $0) } ?? YAMLMessages.outOfMemory
      guard parser.error == YAML_READER_ERROR else {
        let offset = Int(offset(parser.problem_mark))
        let range = SourceRange(start: UInt32(offset), end: UInt32(offset + marks.characterWidth(at: offset)))
        let context = parser.context.map { String(cString: $0) }
        let contextRange = context.map { _ in SourceRange.empty(at: self.offset(parser.context_mark)) }
        let character = offset < marks.end ? bytes[offset] : nil
        return YAMLMessages.syntaxError(
          problem: problem, at: range, label: nil, context: context, contextRange: contextRange,
          help: YAMLMessages.syntaxHelp(problem: problem, character: character))
      }
      // Reader errors (bad UTF-8, control characters) come with a byte offset into the input instead of a mark.
      let offset = Swift.min(marks.start + parser.problem_offset, marks.end)
      let range: SourceRange
      let label: String
      switch problem {
      case "invalid trailing UTF-8 octet":
        // libyaml points at the byte that does not continue the sequence; the sequence starts at the lead byte
        // before it, at most three bytes back.
        var lead = offset - 1
        while lead > Swift.max(marks.start, offset - 4), bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
        let start = lead >= marks.start && bytes[lead] >= 0xC0 ? lead : offset
        range = SourceRange(start: UInt32(start), end: UInt32(Swift.max(offset, Swift.min(start + 1, marks.end))))
        label = YAMLMessages.notUTF8
      case "control characters are not allowed":
        range = SourceRange(start: UInt32(offset), end: UInt32(offset + Swift.max(1, marks.characterWidth(at: offset))))
        label = YAMLMessages.controlCharacter(parser.problem_value)
      default:
        // A bad lead byte, an overlong or cut-off sequence, a code point that is not a character: the bytes from
        // the lead byte on, as far as the lead byte says the sequence reaches.
        let width = problem == "invalid leading UTF-8 octet" ? 1 : Swift.max(1, marks.characterWidth(at: offset))
        range = SourceRange(start: UInt32(offset), end: UInt32(Swift.min(offset + width, marks.end)))
        label = YAMLMessages.notUTF8
      }
      return YAMLMessages.syntaxError(
        problem: problem, at: range, label: label, context: nil, contextRange: nil,
        help: YAMLMessages.syntaxHelp(problem: problem, character: nil))
    }
  }
}
