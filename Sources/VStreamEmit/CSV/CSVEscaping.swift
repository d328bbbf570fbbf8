/// RFC 4180 fields for the CSV export.
public enum CSVEscaping {
  /// A field: quoted when it holds a comma, a double quote, a line break or leading or trailing space, with each
  /// double quote doubled. A field a spreadsheet would read as a formula (it starts with `=`, `+`, `-`, `@`, a tab or
  /// a carriage return) gets a `'` before it, as spreadsheets themselves mark text, so that opening the file never
  /// runs what a stream's title says; numbers are written by `PlainNumber` and never pass through here.
  public static func field(_ text: String) -> String {
    var value = text
    if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { value = "'" + value }
    let needsQuotes =
      value.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
      || value.first == " " || value.last == " "
    guard needsQuotes else { return value }
    var quoted = "\""
    for character in value { quoted += character == "\"" ? "\"\"" : String(character) }
    return quoted + "\""
  }
}
