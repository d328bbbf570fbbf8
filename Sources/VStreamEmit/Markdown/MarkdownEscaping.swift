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

  /// A relative link target (a file name the build wrote): spaces and the characters that end or break a Markdown
  /// link are percent-encoded.
  public static func link(_ path: String) -> String {
    var out = ""
    for byte in path.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"),
        UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "/"), UInt8(ascii: "~"):
        out.unicodeScalars.append(Unicode.Scalar(byte))
      default:
        out += "%" + String(byte, radix: 16, uppercase: true).leftPadded()
      }
    }
    return out
  }

  /// Text inside a double-quoted Mermaid label: quotes and the characters Mermaid or the HTML it produces would read
  /// become Mermaid's `#...;` entity codes.
  ///
  /// The colon is encoded too. Before it decodes entities, Mermaid drops the last `;` of any line matching
  /// `style.*:\S*#.*;` or `classDef.*:\S*#.*;` (meant for `style a fill:#f9f;`), so a title such as
  /// ``style: `tick` `` lost its semicolons and showed `#96tick#96`. With no literal colon in a label, no label line
  /// can match.
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
      case ":": out += "#58;"
      case "\n", "\r", "\t": out += " "
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F { continue }
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}

extension String {
  fileprivate func leftPadded() -> String { count == 1 ? "0" + self : self }
}
