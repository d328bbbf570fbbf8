import VStreamSource

/// The attribute keywords.
public enum AttributeKind: String, Sendable, CaseIterable {
  case activity
  case practices
  case roles
  case time
  case wait
  case ca
  case note
  case from
  case `for`

  /// What the attribute's value looks like, for messages: "`time` needs a duration".
  public var valueDescription: String {
    switch self {
    case .activity: return "a value chain activity such as `engage`"
    case .practices: return "a comma-separated list of practices such as `service-desk, incident-management`"
    case .roles: return "a comma-separated list of quoted roles such as `\"Service desk agent\"`"
    case .time, .wait: return "a duration such as `5m` or `1h30m`"
    case .ca: return "a percentage such as `90%`"
    case .note: return "a quoted text or a `\"\"\"` block"
    case .from, .for: return "a quoted text such as `\"Retail customer\"`"
    }
  }
}

/// One attribute line, such as `time 5m`.
public struct AttributeSyntax: Sendable {
  public var kind: AttributeKind
  public var keywordRange: SourceRange
  public var value: AttributeValueSyntax
  /// From the keyword to the end of the value.
  public var range: SourceRange
  public var hasErrors: Bool

  public init(kind: AttributeKind, keywordRange: SourceRange, value: AttributeValueSyntax, range: SourceRange, hasErrors: Bool) {
    self.kind = kind
    self.keywordRange = keywordRange
    self.value = value
    self.range = range
    self.hasErrors = hasErrors
  }
}

/// The value of an attribute, shaped by the attribute's kind.
public enum AttributeValueSyntax: Sendable {
  /// `activity engage`
  case word(WordSyntax)
  /// `practices a, b`
  case words([WordSyntax])
  /// `roles "a", "b"`
  case strings([StringSyntax])
  /// `note "..."`, `from "..."`
  case string(StringSyntax)
  case duration(DurationSyntax)
  case percentage(PercentageSyntax)
  /// The value was missing or malformed (reported).
  case missing
}

/// A quoted string: `"..."` or a `"""` block. The value is decoded from the source on demand.
public struct StringSyntax: Hashable, Sendable {
  public var range: SourceRange
  public var isBlock: Bool

  public init(range: SourceRange, isBlock: Bool) {
    self.range = range
    self.isBlock = isBlock
  }

  /// The string's value, escapes decoded (and, for a block, indentation removed). The parser has already reported
  /// any bad escape; here it is kept as written.
  public func value(in file: SourceFile) -> String {
    StringDecoder.decode(file: file, range: range, isBlock: isBlock).value
  }
}

/// `1h30m`: parts in the order written.
public struct DurationSyntax: Hashable, Sendable {
  public enum Unit: String, Sendable, CaseIterable {
    case w, d, h, m, s
  }

  public struct Part: Hashable, Sendable {
    public var amount: Int64
    public var unit: Unit

    public init(amount: Int64, unit: Unit) {
      self.amount = amount
      self.unit = unit
    }
  }

  public var parts: [Part]
  public var range: SourceRange

  public init(parts: [Part], range: SourceRange) {
    self.parts = parts
    self.range = range
  }
}

/// `92.5%`, kept exact as hundredths of a percent (9250).
public struct PercentageSyntax: Hashable, Sendable {
  public var hundredths: Int64
  public var range: SourceRange

  public init(hundredths: Int64, range: SourceRange) {
    self.hundredths = hundredths
    self.range = range
  }
}
