import VStreamSource

/// The attribute keywords.
public enum AttributeKind: String, Sendable, CaseIterable {
  case activity
  case practices
  case roles
  case time
  case wait
  case target
  case ca
  case note
  case from
  case `for`
  /// `hands-over-to STREAM` on a step or value: the work goes on in another stream.
  case handsOverTo = "hands-over-to"
  /// `from-stream STREAM` on the demand: the stream whose hand-over raises it.
  case fromStream = "from-stream"
  /// `runs STREAM` on a step: the step is another stream run as a whole, and takes its figures from it.
  case runs

  /// What the attribute's value looks like, for messages: "`time` needs a duration".
  public var valueDescription: String {
    switch self {
    case .activity: return "a value chain activity such as `engage`"
    case .practices: return "a comma-separated list of practices such as `service-desk, incident-management`"
    case .roles: return "a comma-separated list of quoted roles such as `\"Service desk agent\"`"
    case .time, .wait: return "a duration such as `5m` or `1h30m`"
    case .target: return "a lead time such as `4h` or `2d`"
    case .ca: return "a percentage such as `90%`"
    case .note: return "a quoted text or a `\"\"\"` block"
    case .from, .for: return "a quoted text such as `\"Retail customer\"`"
    case .handsOverTo, .fromStream: return "the id of another stream such as `problem-management`"
    case .runs: return "the id of another stream such as `make-standard-change`"
    }
  }
}

/// One attribute line, such as `time 5m`.
///
/// Kept small and free of references (a large stream has a million of them, all in one array of the tree): the
/// keyword's range is not stored, because an attribute's keyword is always written exactly as its kind's name at the
/// start of `range`, and a list value is a span of the tree's ``FileSyntax/listElements``.
public struct AttributeSyntax: Sendable {
  public var kind: AttributeKind
  public var hasErrors: Bool
  /// `wait 4w planned`: the wait is planned (booked), not queueing. Beside the other one-byte fields, so that the
  /// attribute stays 24 bytes.
  public var isPlanned = false
  /// From the keyword to the end of the value.
  public var range: SourceRange
  public var value: AttributeValueSyntax

  public init(kind: AttributeKind, value: AttributeValueSyntax, range: SourceRange, hasErrors: Bool) {
    self.kind = kind
    self.value = value
    self.range = range
    self.hasErrors = hasErrors
  }

  /// The keyword, such as `time`.
  public var keywordRange: SourceRange {
    SourceRange(start: range.start, end: range.start + UInt32(kind.rawValue.utf8.count))
  }
}

/// The value of an attribute, shaped by the attribute's kind.
public enum AttributeValueSyntax: Sendable {
  /// `activity engage`
  case word(WordSyntax)
  /// `practices a, b`: the words, read with ``FileSyntax/words(_:)``.
  case words(SyntaxSpan)
  /// `roles "a", "b"`: the one-line strings, read with ``FileSyntax/strings(_:)``.
  case strings(SyntaxSpan)
  /// `note "..."`, `from "..."`
  case string(StringSyntax)
  case duration(DurationSyntax)
  case percentage(PercentageSyntax)
  /// The value was missing or malformed (reported).
  case missing
}

/// A quoted string: `"..."` or a `"""` block. The value is decoded from the source on demand.
public struct StringSyntax: Hashable, Sendable, RangeOnlySyntax {
  public var range: SourceRange
  public var isBlock: Bool

  public init(range: SourceRange, isBlock: Bool) {
    self.range = range
    self.isBlock = isBlock
  }

  /// A one-line string.
  public init(range: SourceRange) {
    self.init(range: range, isBlock: false)
  }

  /// The string's value, escapes decoded (and, for a block, indentation removed). The parser has already reported
  /// any bad escape; here it is kept as written.
  public func value(in file: SourceFile) -> String {
    StringDecoder.decode(file: file, range: range, isBlock: isBlock).value
  }
}

/// `1h30m`: parts in the order written. Only the range is stored (a large stream has hundreds of thousands of
/// durations); the parts are read from the source, which the parser has checked is a well-formed duration.
public struct DurationSyntax: Hashable, Sendable {
  /// Calendar units (`w`, `d`: 7 and 24 hours), working units (`ww`, `wd`: a working week and day, as long as
  /// `vstream.yml` says) and exact ones (`h`, `m`, `s`).
  public enum Unit: String, Sendable, CaseIterable {
    case ww, w, wd, d, h, m, s

    /// The unit's place in the order (w|ww) (d|wd) h m s: a week of either kind comes before a day of either kind.
    public var rank: Int {
      switch self {
      case .ww, .w: return 0
      case .wd, .d: return 1
      case .h: return 2
      case .m: return 3
      case .s: return 4
      }
    }

    /// The unit's place in `allCases`, for tables indexed by unit.
    public var position: Int {
      switch self {
      case .ww: return 0
      case .w: return 1
      case .wd: return 2
      case .d: return 3
      case .h: return 4
      case .m: return 5
      case .s: return 6
      }
    }

    /// A working day or week: effort's units.
    public var isWorking: Bool { self == .ww || self == .wd }

    /// A calendar day or week.
    public var isCalendar: Bool { self == .w || self == .d }
  }

  public struct Part: Hashable, Sendable {
    public var amount: Int64
    public var unit: Unit

    public init(amount: Int64, unit: Unit) {
      self.amount = amount
      self.unit = unit
    }
  }

  public var range: SourceRange

  /// A duration whose text, at `range`, is well formed (the parser makes no other).
  public init(range: SourceRange) {
    self.range = range
  }

  /// The estimates written: one for a point (`2h`), two for a range (`1h..4h`: least, most), three for a
  /// three-point estimate (`1h..2h..4h`: least, most likely, most). Each is a duration of its own.
  public func estimates(in file: SourceFile) -> [DurationSyntax] {
    file.bytes.withUnsafeBufferPointer { bytes in
      guard Int(range.end) <= bytes.count else { return [self] }
      return DurationText.pieces(bytes, range.start, range.end).map {
        DurationSyntax(range: SourceRange(start: $0.0, end: $0.1))
      }
    }
  }

  /// Whether the text is a range (`1h..4h`) or a three-point estimate rather than one duration.
  public func isRange(in file: SourceFile) -> Bool {
    file.bytes.withUnsafeBufferPointer { bytes in
      guard Int(range.end) <= bytes.count else { return false }
      return DurationText.pieces(bytes, range.start, range.end).count > 1
    }
  }

  /// The parts in the order written (of every estimate, for a range).
  public func parts(in file: SourceFile) -> [Part] {
    var parts: [Part] = []
    forEachPart(in: file) { parts.append($0) }
    return parts
  }

  /// Visits the parts in the order written without building an array.
  public func forEachPart(in file: SourceFile, _ body: (Part) -> Void) {
    file.bytes.withUnsafeBufferPointer { bytes in
      guard Int(range.end) <= bytes.count else { return }
      for piece in DurationText.pieces(bytes, range.start, range.end) {
        _ = DurationText.visit(bytes, piece.0, piece.1, body)
      }
    }
  }
}

/// `92.5%`, read exactly as hundredths of a percent (9250). Only the range is stored, like ``DurationSyntax``.
public struct PercentageSyntax: Hashable, Sendable {
  public var range: SourceRange

  /// A percentage whose text, at `range`, is well formed (the parser makes no other).
  public init(range: SourceRange) {
    self.range = range
  }

  /// The value in hundredths of a percent.
  public func hundredths(in file: SourceFile) -> Int64 {
    file.bytes.withUnsafeBufferPointer { bytes in
      guard Int(range.end) <= bytes.count else { return 0 }
      return PercentText.parse(bytes, range.start, range.end) ?? 0
    }
  }
}
