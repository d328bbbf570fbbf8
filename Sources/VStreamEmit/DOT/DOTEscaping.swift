/// Escaping for Graphviz DOT: every piece of user text goes through one of these, so no title can break the file.
public enum DOTEscaping {
  /// Text inside an HTML-like label (`<...>`): the XML specials become entities, line breaks `<BR/>`, and control
  /// characters are dropped (Graphviz rejects them).
  public static func html(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      case "\n": out += "<BR/>"
      case "]": out += "&#93;"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F { continue }
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// User text in bold inside an HTML-like label. Graphviz rejects an empty `<B></B>` (and an empty label), so an
  /// empty title (`step a ""`) becomes a bold space.
  public static func bold(_ text: String) -> String {
    let escaped = html(text)
    return "<B>\(escaped.isEmpty ? " " : escaped)</B>"
  }

  /// A double-quoted DOT string: backslashes and quotes escaped (so `\n`, `\l` written by a user stay literal), line
  /// breaks as `\n`, control characters dropped.
  public static func quoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\": out += "\\\\"
      case "\"": out += "\\\""
      case "\n": out += "\\n"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F { continue }
        out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }
}
