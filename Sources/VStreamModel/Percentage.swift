/// A percentage kept exact as hundredths of a percent: 90.5% is 9050, the most precision a file may write.
public struct Percentage: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// Hundredths of a percent: 100% is 10,000.
  public var hundredths: Int64

  public init(hundredths: Int64) { self.hundredths = hundredths }

  /// 100%.
  public static let full = Percentage(hundredths: 10_000)

  /// The share as a fraction: 90.5% is 0.905.
  public var fraction: Double { Double(hundredths) / 10_000 }

  public static func < (lhs: Percentage, rhs: Percentage) -> Bool { lhs.hundredths < rhs.hundredths }

  /// The canonical text, no trailing zeros: `90%`, `92.5%`, `97.25%`, `90.05%`.
  public var formatted: String {
    let sign = hundredths < 0 ? "-" : ""
    let whole = hundredths.magnitude / 100
    let rest = hundredths.magnitude % 100
    if rest == 0 { return "\(sign)\(whole)%" }
    if rest % 10 == 0 { return "\(sign)\(whole).\(rest / 10)%" }
    return "\(sign)\(whole).\(rest < 10 ? "0" : "")\(rest)%"
  }

  public var description: String { formatted }
}

/// A ratio (0...1) as a percentage for people, rounded to one decimal shown only when it is not zero (`30.9%`,
/// `57%`), or "–" for none.
public func percentText(_ fraction: Double?) -> String {
  guard let fraction = fraction, fraction.isFinite else { return "–" }
  let tenths = (fraction * 1000).rounded()
  return tenths.truncatingRemainder(dividingBy: 10) == 0 ? "\(Int(tenths / 10))%" : "\(tenths / 10)%"
}
