/// Keeps the text of a diagnostic readable whatever the input: a message quotes what the user wrote, and a hostile
/// file can hold a 5 MB word. Each quoted (`` ` ``) part over ``quotedLimit`` characters keeps its first
/// ``quotedPrefix`` and an ellipsis; text still over ``totalLimit`` is cut the same way.
public enum BoundedText {
  public static let quotedLimit = 60
  public static let quotedPrefix = 40
  public static let totalLimit = 1000

  public static func bounded(_ text: String) -> String {
    // Our own messages are short: only text long enough to hold an over-long quote needs the walk.
    guard text.utf8.count > quotedLimit else { return text }
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
}
