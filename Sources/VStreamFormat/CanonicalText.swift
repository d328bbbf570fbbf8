import VStreamModel
import VStreamSyntax

/// The canonical spelling of each kind of value, shared by the layout and its tests.
enum CanonicalText {
  /// A one-line string with the escapes `\"`, `\\`, `\n` and `\t`; everything else is written as it is.
  static func quoted(_ value: String) -> String {
    var out = "\""
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\\": out += "\\\\"
      case "\"": out += "\\\""
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }

  /// The content lines of a `"""` block holding `value`, without their indentation, or nil when no block can hold
  /// it exactly.
  ///
  /// Inside a block a backslash is written `\\`, a tab `\t` (so that it is not mistaken for indentation), and every
  /// quote of a run of three or more is escaped so that no run closes the block early. A line that ends in a raw
  /// carriage return cannot be written: the reader would take it for a CRLF line break.
  static func blockLines(_ value: String) -> [String]? {
    if value.isEmpty { return [] }
    var lines: [String] = []
    for line in value.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.last == "\r" { return nil }
      var out = ""
      var index = line.startIndex
      while index < line.endIndex {
        let scalar = line[index]
        switch scalar {
        case "\\": out += "\\\\"
        case "\t": out += "\\t"
        case "\"":
          var runEnd = index
          while runEnd < line.endIndex, line[runEnd] == "\"" { runEnd = line.index(after: runEnd) }
          let count = line.distance(from: index, to: runEnd)
          out += String(repeating: count >= 3 ? "\\\"" : "\"", count: count)
          index = runEnd
          continue
        default: out.unicodeScalars.append(scalar)
        }
        index = line.index(after: index)
      }
      lines.append(out)
    }
    return lines
  }

  /// Day and week parts as written (how long they are is a setting); the `h`, `m` and `s` parts summed and carried:
  /// `90m` -> `1h30m`, `1h90m` -> `2h30m`, `3600s` -> `1h`, `0m` -> `0s`, `2d0h` -> `2d`. With `daysAsWorkingDays`
  /// (a legacy setting, where they mean the same), `d` and `w` are written `wd` and `ww`.
  static func duration(_ parts: [DurationSyntax.Part], daysAsWorkingDays: Bool = false) -> String {
    var text = ""
    // The parser caps each amount at 10^9, so the sum of hours, minutes and seconds cannot overflow.
    var seconds: Int64 = 0
    for part in parts {
      switch part.unit {
      case .ww, .wd: text += "\(part.amount)\(part.unit.rawValue)"
      case .w: text += "\(part.amount)" + (daysAsWorkingDays ? "ww" : "w")
      case .d: text += "\(part.amount)" + (daysAsWorkingDays ? "wd" : "d")
      case .h: seconds += part.amount * 3_600
      case .m: seconds += part.amount * 60
      case .s: seconds += part.amount
      }
    }
    for (unit, size) in [("h", Int64(3_600)), ("m", 60), ("s", 1)] where seconds >= size {
      text += "\(seconds / size)\(unit)"
      seconds %= size
    }
    return text.isEmpty ? "0s" : text
  }

  /// `90.5%`: no leading zeros, no trailing zeros in the fraction.
  static func percentage(hundredths: Int64) -> String {
    Percentage(hundredths: hundredths).formatted
  }

  /// The canonical id of an activity in `framework`, or the word as written when its catalogue does not know it
  /// (another framework's activity is the checker's to report, not the formatter's to change).
  static func activity(_ written: String, in framework: Framework = .itil4) -> String {
    framework.resolve(written).entry?.id ?? written
  }

  /// The canonical id of a practice, or the word as written when the catalogue does not know it.
  static func practice(_ written: String) -> String {
    PracticeCatalogue.itil.resolve(written).entry?.id ?? written
  }
}
