import VStreamModel

/// Figures as plain decimal numbers for the exports that other tools compute with (CSV cells, ArchiMate properties):
/// no units, no thousands separators, no exponent, always `.` as the decimal point.
public enum PlainNumber {
  /// A share (`ca 92.5%`) as an exact fraction of one: `0.925`, `1`, `0.0005`.
  public static func fraction(_ percentage: Percentage) -> String {
    decimal(units: percentage.hundredths, scale: 10_000)
  }

  /// A ratio rounded to six decimals, trailing zeros left out: `0.309091`, `1`; nil for a value that is not finite.
  public static func fraction(_ value: Double) -> String? {
    guard value.isFinite, abs(value) < 1e12 else { return nil }
    return decimal(units: Int64((value * 1_000_000).rounded()), scale: 1_000_000)
  }

  /// `units / scale` written out exactly (`scale` a power of ten).
  static func decimal(units: Int64, scale: Int64) -> String {
    let sign = units < 0 ? "-" : ""
    let whole = units.magnitude / UInt64(scale)
    var rest = units.magnitude % UInt64(scale)
    guard rest != 0 else { return "\(sign)\(whole)" }
    var digits = ""
    var place = UInt64(scale) / 10
    while rest != 0 {
      digits += String(rest / place)
      rest %= place
      place /= 10
    }
    return "\(sign)\(whole).\(digits)"
  }
}
