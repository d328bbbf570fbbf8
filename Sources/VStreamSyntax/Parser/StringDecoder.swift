import VStreamSource

/// Decodes the value of a quoted string from its source bytes.
enum StringDecoder {
  struct Result {
    var value: String
    /// Backslash sequences that are not `\"`, `\\`, `\n` or `\t`.
    var badEscapes: [SourceRange]
  }

  static func decode(file: SourceFile, range: SourceRange, isBlock: Bool) -> Result {
    let bytes = file.bytes
    let quote = isBlock ? 3 : 1
    let start = Int(range.start) + quote
    var end = Int(range.end)
    // A terminated string ends with its closing quotes; an unterminated one (already reported) runs to its end.
    if end - Int(range.start) >= 2 * quote {
      let closing = bytes[(end - quote)..<end].allSatisfy { $0 == 0x22 }
      // The quotes are escaped only after an odd run of backslashes: `"a\\"` ends with an escaped backslash, not
      // an escaped quote.
      var backslashes = 0
      while end - quote - 1 - backslashes >= start, bytes[end - quote - 1 - backslashes] == 0x5C { backslashes += 1 }
      let escaped = backslashes % 2 == 1
      if closing && !escaped { end -= quote }
    }
    guard start <= end else { return Result(value: "", badEscapes: []) }
    if !isBlock { return unescape(bytes: bytes, start: start, end: end) }

    // A block: drop the line break after the opening quotes and the indentation of the closing quotes from each line,
    // like Swift's multi-line strings.
    var lines = splitLines(bytes: bytes, start: start, end: end)
    var indentation: ArraySlice<UInt8> = []
    if lines.count > 1 {
      if lines[0].allSatisfy({ $0.byte(bytes) == 0x20 || $0.byte(bytes) == 0x09 }) || lines[0].isEmpty {
        lines.removeFirst()
      }
      if let last = lines.last, last.allSatisfy({ $0.byte(bytes) == 0x20 || $0.byte(bytes) == 0x09 }) {
        indentation = ArraySlice(bytes[last.lowerBound..<last.upperBound])
        lines.removeLast()
      }
    }
    var value = ""
    var badEscapes: [SourceRange] = []
    for (index, line) in lines.enumerated() {
      var lineStart = line.lowerBound
      var matched = 0
      while lineStart < line.upperBound, matched < indentation.count,
        bytes[lineStart] == indentation[indentation.startIndex + matched]
      {
        lineStart += 1
        matched += 1
      }
      let decoded = unescape(bytes: bytes, start: lineStart, end: line.upperBound)
      if index > 0 { value += "\n" }
      value += decoded.value
      badEscapes += decoded.badEscapes
    }
    return Result(value: value, badEscapes: badEscapes)
  }

  /// Lines of `bytes[start..<end]` without their `\n` or `\r\n`.
  private static func splitLines(bytes: SourceBytes, start: Int, end: Int) -> [Range<Int>] {
    var lines: [Range<Int>] = []
    var lineStart = start
    var index = start
    while index < end {
      if bytes[index] == 0x0A {
        var lineEnd = index
        if lineEnd > lineStart, bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
        lines.append(lineStart..<lineEnd)
        lineStart = index + 1
      }
      index += 1
    }
    lines.append(lineStart..<end)
    return lines
  }

  private static func unescape(bytes: SourceBytes, start: Int, end: Int) -> Result {
    var out: [UInt8] = []
    out.reserveCapacity(end - start)
    var badEscapes: [SourceRange] = []
    var index = start
    while index < end {
      let byte = bytes[index]
      if byte == 0x5C, index + 1 < end {
        switch bytes[index + 1] {
        case 0x22: out.append(0x22)
        case 0x5C: out.append(0x5C)
        case 0x6E: out.append(0x0A)
        case 0x74: out.append(0x09)
        default:
          badEscapes.append(SourceRange(start: UInt32(index), end: UInt32(index + 2)))
          out.append(0x5C)
          out.append(bytes[index + 1])
        }
        index += 2
        continue
      }
      out.append(byte)
      index += 1
    }
    return Result(value: String(decoding: out, as: UTF8.self), badEscapes: badEscapes)
  }
}

extension Int {
  fileprivate func byte(_ bytes: SourceBytes) -> UInt8 { bytes[self] }
}
