/// Breaks text into lines of at most `width` characters at spaces (a longer word keeps its own line), so that cards
/// have a bounded width: a long title grows a card downwards instead of widening the whole diagram.
public enum TextWrap {
  public static func lines(_ text: String, width: Int) -> [String] {
    var lines: [String] = []
    for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
      var line = ""
      for word in paragraph.split(separator: " ") {
        if line.isEmpty {
          line = String(word)
        } else if line.count + 1 + word.count <= width {
          line += " " + word
        } else {
          lines.append(line)
          line = String(word)
        }
      }
      lines.append(line)
    }
    return lines
  }
}
