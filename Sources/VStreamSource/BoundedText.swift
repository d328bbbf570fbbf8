/// Keeps the text of a diagnostic readable whatever the input: a message quotes what the user wrote, and a hostile
/// file can hold a 5 MB word. Each quoted (`` ` ``) part over ``quotedLimit`` characters keeps its first
/// ``quotedPrefix`` and an ellipsis; text still over ``totalLimit`` is cut the same way.
public enum BoundedText {
  public static let quotedLimit = 60
  public static let quotedPrefix = 40
  public static let totalLimit = 1000

  public static func bounded(_ text: String) -> String {
    guard isOverLong(text) else { return text }
    var result = ""
    for (index, part) in text.split(separator: "`", omittingEmptySubsequences: false).enumerated() {
      if index > 0 { result += "`" }
      // Parts alternate: outside a quote, inside, outside...
      if index % 2 == 1, part.unicodeScalars.count > quotedLimit {
        result += String(String.UnicodeScalarView(part.unicodeScalars.prefix(quotedPrefix))) + "…"
      } else {
        result += part
      }
    }
    guard result.unicodeScalars.count > totalLimit else { return result }
    return String(String.UnicodeScalarView(result.unicodeScalars.prefix(totalLimit))) + "…"
  }

  /// Whether any quote or the whole text is over its limit, found in one pass over the bytes without allocating:
  /// this runs for every diagnostic, and almost every one is within bounds.
  static func isOverLong(_ text: String) -> Bool {
    guard text.utf8.count > quotedLimit else { return false }
    var total = 0
    var quoted = 0
    var isQuoted = false
    for byte in text.utf8 where byte & 0xC0 != 0x80 {  // one count per scalar: continuation bytes are skipped
      total += 1
      if byte == 0x60 {
        isQuoted.toggle()
        quoted = 0
      } else if isQuoted {
        quoted += 1
        if quoted > quotedLimit { return true }
      }
    }
    return total > totalLimit
  }
}
