import VStreamSource

/// Reads `# vstream: allow RULE[, RULE] -- reason` comments. Only comments that start with `vstream:` are
/// directives; what follows is parsed leniently here and judged by the checker (unknown rules, missing reasons).
enum DirectiveParser {
  /// Made once: every comment is asked, and an array made for each was most of the cost of a stream's comments.
  static let prefix = Array("vstream:".utf8)

  static func parse(comment token: Token, bytes: UnsafeBufferPointer<UInt8>, isTrailing: Bool) -> DirectiveSyntax? {
    var index = Int(token.start) + 1
    let end = Int(token.end)
    func skipBlanks() { while index < end, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 } }
    skipBlanks()
    let prefix = Self.prefix
    guard end - index >= prefix.count, prefix.indices.allSatisfy({ bytes[index + $0] == prefix[$0] }) else {
      return nil
    }
    index += prefix.count
    skipBlanks()
    let verbStart = index
    while index < end, bytes[index] != 0x20, bytes[index] != 0x09 { index += 1 }
    let verbRange = SourceRange(start: UInt32(verbStart), end: UInt32(index))
    let verb = String(decoding: bytes[verbStart..<index], as: UTF8.self)

    // Rules up to `--`.
    var rules: [WordSyntax] = []
    var reasonRange: SourceRange?
    while index < end {
      skipBlanks()
      guard index < end else { break }
      if bytes[index] == 0x2D, index + 1 < end, bytes[index + 1] == 0x2D,
        index + 2 == end || bytes[index + 2] == 0x20 || bytes[index + 2] == 0x09
      {
        index += 2
        skipBlanks()
        var reasonEnd = end
        while reasonEnd > index, bytes[reasonEnd - 1] == 0x20 || bytes[reasonEnd - 1] == 0x09 { reasonEnd -= 1 }
        if reasonEnd > index { reasonRange = SourceRange(start: UInt32(index), end: UInt32(reasonEnd)) }
        break
      }
      if bytes[index] == 0x2C {
        index += 1
        continue
      }
      let wordStart = index
      while index < end, bytes[index] != 0x20, bytes[index] != 0x09, bytes[index] != 0x2C { index += 1 }
      rules.append(WordSyntax(range: SourceRange(start: UInt32(wordStart), end: UInt32(index))))
    }
    return DirectiveSyntax(
      kind: DirectiveSyntax.Kind(rawValue: verb), verbRange: verbRange, rules: rules, reasonRange: reasonRange,
      range: token.range, isTrailing: isTrailing)
  }
}
