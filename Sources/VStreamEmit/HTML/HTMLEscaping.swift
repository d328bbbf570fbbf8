/// Escaping for HTML and for the SVG this package writes itself: every piece of user text goes through `text`, in
/// element content and in double- or single-quoted attribute values alike.
public enum HTMLEscaping {
  /// The five XML specials become entities and control characters other than tab and line feed are dropped (XML 1.0
  /// forbids them, so an SVG holding one would not load).
  public static func text(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      case "\t", "\n": out.unicodeScalars.append(scalar)
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F || (0xFFFE...0xFFFF).contains(scalar.value) { continue }
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// A relative URL to a page or file the build wrote, safe inside a quoted `href`: percent-encoded but for
  /// unreserved characters and `/`.
  public static func href(_ path: String) -> String {
    MarkdownEscaping.link(path)
  }
}
