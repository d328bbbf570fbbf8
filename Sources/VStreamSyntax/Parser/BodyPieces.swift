import VStreamSource

#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// Where a large body can be cut so that its pieces parse on separate cores and, put back together, give exactly
/// the tree and the diagnostics of one parse from the top.
///
/// A piece starts at a declaration line (`step`, `demand`, `value`, `stream` at the start of a line): the parser
/// begins such a line by closing the open flow and the declaration being built, so nothing read before it can change
/// how it and the lines after it are read. Whether a line is really a line, and not inside a `"""` block or a
/// misplaced front matter block that started earlier, only the parse of the piece before can tell: that parse stops
/// at the cut only if it arrives there at the start of a line, and otherwise reads on to the end of the file, and the
/// pieces after it are dropped (see `Parser.parse`).
enum BodyPieces {
  /// Up to `count - 1` cuts in `body`, near equal spacing, ascending; fewer where no declaration line is near.
  static func cuts(in bytes: UnsafeBufferPointer<UInt8>, body: Range<Int>, count: Int) -> [Int] {
    guard count > 1 else { return [] }
    var cuts: [Int] = []
    for piece in 1..<count {
      let target = body.lowerBound + body.count / count * piece
      let limit = body.lowerBound + body.count / count * (piece + 1)
      var lineStart = nextLineStart(bytes, from: max(target, (cuts.last ?? body.lowerBound) + 1), before: limit)
      while let candidate = lineStart {
        if startsDeclaration(bytes, at: candidate) {
          cuts.append(candidate)
          break
        }
        lineStart = nextLineStart(bytes, from: candidate, before: limit)
      }
    }
    return cuts
  }

  /// Line starts near `count - 1` equally spaced points, for work that may cut a body at any line (the encoding
  /// check: no character spans a line break).
  static func lineCuts(in bytes: UnsafeBufferPointer<UInt8>, body: Range<Int>, count: Int) -> [Int] {
    guard count > 1 else { return [] }
    var cuts: [Int] = []
    for piece in 1..<count {
      let target = body.lowerBound + body.count / count * piece
      guard let cut = nextLineStart(bytes, from: max(target, (cuts.last ?? body.lowerBound) + 1), before: body.upperBound)
      else { break }
      cuts.append(cut)
    }
    return cuts
  }

  /// Whether the line at `offset` starts with a declaration keyword, read as the lexer reads it.
  static func startsDeclaration(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
    guard offset > 0, offset < bytes.count, bytes[offset - 1] == 0x0A else { return false }
    var lexer = Lexer(bytes: bytes, start: offset, end: bytes.count)
    let first = lexer.next()
    guard first.kind == .word, Int(first.start) == offset,
      case .declaration? = Keyword.classify(bytes, first.start, first.end)
    else { return false }
    return true
  }

  /// The start of the first line that begins after `offset` and before `limit`.
  private static func nextLineStart(_ bytes: UnsafeBufferPointer<UInt8>, from offset: Int, before limit: Int) -> Int? {
    guard let base = bytes.baseAddress, offset < limit, limit <= bytes.count else { return nil }
    guard let found = memchr(base + offset, 0x0A, limit - offset) else { return nil }
    let start = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found)) + 1
    return start < limit ? start : nil
  }
}

extension FileSyntax {
  /// Appends the lists other than the items and the attributes (see `ParseRun.join`) that the next piece of the
  /// file built on its own.
  mutating func append(lists piece: FileSyntax) {
    if listElements.isEmpty && flowNodeList.isEmpty && flowArrowList.isEmpty && comments.isEmpty && directives.isEmpty {
      // The first piece: its lists become the tree's as they are, room and all.
      (listElements, flowNodeList, flowArrowList, comments, directives) = (
        piece.listElements, piece.flowNodeList, piece.flowArrowList, piece.comments, piece.directives
      )
      return
    }
    listElements += piece.listElements
    flowNodeList += piece.flowNodeList
    flowArrowList += piece.flowArrowList
    comments += piece.comments
    directives += piece.directives
  }
}
