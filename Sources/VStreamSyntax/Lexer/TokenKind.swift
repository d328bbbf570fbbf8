/// What a token is. Keywords are not separate kinds: the first word of a line decides what the line is, so the
/// parser classifies words, and a word that is a keyword elsewhere can still be an identifier.
public enum TokenKind: UInt8, Sendable, Hashable {
  /// A run of bytes up to whitespace, `"`, `#`, `,` or `->`: keywords, identifiers, durations, percentages.
  case word
  /// `"..."` on one line.
  case string
  /// `"` with no closing quote before the end of the line.
  case unterminatedString
  /// `"""` ... `"""`, possibly over several lines.
  case blockString
  /// `"""` with no closing `"""` before the end of the file.
  case unterminatedBlockString
  case arrow
  case comma
  /// `#` to the end of the line, without the line break.
  case comment
  /// `\n` (with the `\r` before it, if any).
  case newline
  case endOfFile
}
