/// Escaping for Markdown text and Mermaid labels: user text can never open a table cell, a link, emphasis, HTML, or
/// end a Mermaid label early.
public enum MarkdownEscaping {
  /// Inline Markdown text, safe in a paragraph or a table cell: the punctuation that starts emphasis, code, links,
  /// strikethrough or a cell is backslash-escaped, HTML specials become entities, and line breaks become spaces (a
  /// table row is one line). A leading `#`, `-`, `+` or `>` cannot start a block because the text is always
  /// written after other text or inside a cell.
  public static func text(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\", "`", "*", "_", "[", "]", "|", "~":
        out += "\\" + String(scalar)
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "&": out += "&amp;"
      case "\n", "\r", "\t": out += " "
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F { continue }
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// Text inside a double-quoted Mermaid label: quotes and the characters Mermaid or the HTML it produces would read
  /// become Mermaid's `#...;` entity codes.
  public static func mermaid(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "#quot;"
      case "<": out += "#lt;"
      case ">": out += "#gt;"
      case "&": out += "#amp;"
      case "#": out += "#35;"
      case "|": out += "#124;"
      case "`": out += "#96;"
      case "\n", "\r", "\t": out += " "
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F { continue }
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
