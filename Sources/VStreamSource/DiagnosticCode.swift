/// A stable diagnostic code such as `VS104`: typed, so that a code is compared as a code and its stage is asked for
/// rather than read off a string's prefix.
///
/// Each stage declares its codes as static members (`DiagnosticCode.missingActivity`) in its own catalogue.
public struct DiagnosticCode: Hashable, Comparable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
  /// The stage that reports a code: its hundreds digit.
  public enum Stage: Int, Sendable {
    /// VS0xx: the file as bytes (encoding, size, limits).
    case source = 0
    /// VS1xx: the lexer and parser.
    case syntax = 1
    /// VS2xx: the YAML front matter as YAML.
    case frontMatter = 2
    /// VS3xx: errors of meaning; a stream with one has no checked model.
    case meaning = 3
    /// VS4xx: lints a team can re-level or silence.
    case lint = 4
    /// VS5xx: `vstream.yml`.
    case configuration = 5
  }

  /// The code as written: `VS` and three digits.
  public let rawValue: String

  public init(_ rawValue: String) {
    self.rawValue = rawValue
  }

  public init(stringLiteral value: String) {
    self.init(value)
  }

  /// The stage, from the code's first digit; nil for a code not of the form `VSnnn`.
  public var stage: Stage? {
    let digits = rawValue.utf8.dropFirst(2)
    guard rawValue.hasPrefix("VS"), digits.count == 3, digits.allSatisfy({ (48...57).contains($0) }) else { return nil }
    return Stage(rawValue: Int(digits.first! - 48))
  }

  public var description: String { rawValue }

  public static func < (left: DiagnosticCode, right: DiagnosticCode) -> Bool { left.rawValue < right.rawValue }
}
