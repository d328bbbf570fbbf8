import Foundation

/// Reads percentages (`92.5%`) exactly, as hundredths of a percent, and suggests one for text that is close.
enum PercentText {
  /// `digits[.d[d]]%` -> hundredths of a percent. At most nine integer digits, so the value always fits.
  static func parse(_ bytes: UnsafeBufferPointer<UInt8>, _ start: UInt32, _ end: UInt32) -> Int64? {
    var index = Int(start)
    let stop = Int(end)
    guard stop - index >= 2, bytes[stop - 1] == 0x25 else { return nil }
    var whole: Int64 = 0
    var digits = 0
    while index < stop - 1, bytes[index] >= 0x30, bytes[index] <= 0x39 {
      // Digits past the limit are counted, not added: the value is refused below, and adding them could overflow.
      if digits < 9 { whole = whole * 10 + Int64(bytes[index] - 0x30) }
      digits += 1
      index += 1
    }
    guard digits >= 1, digits <= 9 else { return nil }
    var fraction: Int64 = 0
    if index < stop - 1 {
      guard bytes[index] == 0x2E else { return nil }
      index += 1
      var fractionDigits = 0
      while index < stop - 1, bytes[index] >= 0x30, bytes[index] <= 0x39 {
        if fractionDigits < 2 { fraction = fraction * 10 + Int64(bytes[index] - 0x30) }
        fractionDigits += 1
        index += 1
      }
      guard fractionDigits >= 1, fractionDigits <= 2, index == stop - 1 else { return nil }
      if fractionDigits == 1 { fraction *= 10 }
    }
    return whole * 100 + fraction
  }

  /// `90` -> `90%`, `0.9` -> `90%`, `90 %` -> `90%`, `90 percent` -> `90%`; and whether it is the same number
  /// exactly (`99.999` rounds to `100%`, which says there is no rework: a guess, not a rewriting). Nil when nothing
  /// readable is close, or the number has more integer digits than a percentage may (nine).
  static func suggestion(for written: String) -> (text: String, isExact: Bool)? {
    var text = written.lowercased().replacingOccurrences(of: " percent", with: "%").filter { $0 != " " && $0 != "\t" }
    if text.hasSuffix("%") { text.removeLast() }
    guard let value = Double(text), value >= 0, value < 1e9 else { return nil }
    let percent = text.contains(".") && value <= 1 ? value * 100 : value
    let hundredths = Int64((percent * 100).rounded())
    let isExact = Double(hundredths) == percent * 100
    let fraction = hundredths % 100
    if fraction == 0 { return ("\(hundredths / 100)%", isExact) }
    return fraction % 10 == 0
      ? ("\(hundredths / 100).\(fraction / 10)%", isExact)
      : ("\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)%", isExact)
  }
}
