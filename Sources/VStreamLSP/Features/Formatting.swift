import VStream
import VStreamSource

/// `textDocument/formatting`: what `vstream fmt` writes, as one edit from the first changed byte to the last, or no
/// edit when the text is already canonical or does not parse (`fmt` refuses such a file too).
enum FormattingFeature {
  static func edits(in context: FeatureContext) -> [[String: Any]] {
    guard case .formatted(let text) = Compiler.format(context.file) else { return [] }
    let old = Array(context.file.bytes)
    let new = Array(text.utf8)
    guard old != new else { return [] }
    // The common prefix and suffix stay, so that the client keeps the cursor and marks outside the change; both are
    // cut back to a line start so that the edit never splits a character or a line ending.
    var prefix = 0
    while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
    while prefix > 0, old[prefix - 1] != UInt8(ascii: "\n") { prefix -= 1 }
    var suffix = 0
    while suffix < old.count - prefix, suffix < new.count - prefix,
      old[old.count - 1 - suffix] == new[new.count - 1 - suffix]
    {
      suffix += 1
    }
    while suffix > 0, old.count - suffix - 1 >= 0, old[old.count - suffix - 1] != UInt8(ascii: "\n") { suffix -= 1 }
    let range = SourceRange(start: UInt32(prefix), end: UInt32(old.count - suffix))
    return [context.textEdit(range, String(decoding: new[prefix..<(new.count - suffix)], as: UTF8.self))]
  }
}
