/// Escaping for the XML exports (ArchiMate, BPMN): user text in element content and in double-quoted attribute
/// values, and identifiers that are valid `xs:ID`s.
public enum XMLEscaping {
  /// The five XML specials become entities; control characters other than tab and line feed, and U+FFFE/U+FFFF,
  /// are dropped, because XML 1.0 forbids them and a parser refuses the whole document for one. These are the rules
  /// the HTML pages and SVG already follow, so the one implementation serves every XML vstream writes.
  public static func text(_ text: String) -> String {
    HTMLEscaping.text(text)
  }

  /// An identifier made of `parts` joined by `.`: a valid `xs:ID` (an XML NCName) for any parts, and the same for the
  /// same parts, so that a tool that imports the export twice recognises its elements. vstream ids are letters,
  /// digits, `-` and `_` (all allowed in an NCName), so they pass unchanged; anything else (a space, a colon) becomes
  /// `_`, and a first character an NCName may not start with gets a `_` before it.
  public static func identifier(_ parts: String...) -> String {
    identifier(parts)
  }

  /// `identifier(_:)` over an array.
  public static func identifier(_ parts: [String]) -> String {
    var out = ""
    for scalar in parts.joined(separator: ".").unicodeScalars {
      // ASCII letters, digits and `-_.`, or any letter beyond ASCII: all name characters of XML 1.0.
      let allowed =
        scalar.isASCII
        ? (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_.".unicodeScalars.contains(scalar))
        : scalar.properties.isAlphabetic
      out.unicodeScalars.append(allowed ? scalar : "_")
    }
    if let first = out.unicodeScalars.first, !(first.properties.isAlphabetic || first == "_") { out = "_" + out }
    return out.isEmpty ? "_" : out
  }
}
