import VStreamSyntax

#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

/// Where a large body can be cut so that its pieces parse on separate cores and, joined, give exactly the tree and
/// the diagnostics of one parse from the top.
///
/// A piece starts at a declaration line (see `Parser.startsDeclaration`): nothing read before it can change how it
/// and the lines after it are read. Whether a line is really a line, and not inside a `"""` block or a misplaced
/// front matter block that started earlier, only the parse of the piece before can tell: its last line then runs
/// past the cut, and the file is parsed on one core (see `LargeFile.parse`).
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
        if Parser.startsDeclaration(bytes, at: candidate) {
          cuts.append(candidate)
          break
        }
        lineStart = nextLineStart(bytes, from: candidate, before: limit)
      }
    }
    return cuts
  }

  /// The ranges between consecutive cuts (ascending, inside `body`).
  static func pieces(of body: Range<Int>, cutAt cuts: [Int]) -> [Range<Int>] {
    let bounds = [body.lowerBound] + cuts.sorted() + [body.upperBound]
    return (0..<bounds.count - 1).compactMap { bounds[$0] < bounds[$0 + 1] ? bounds[$0]..<bounds[$0 + 1] : nil }
  }

  /// The start of the first line that begins after `offset` and before `limit`.
  private static func nextLineStart(_ bytes: UnsafeBufferPointer<UInt8>, from offset: Int, before limit: Int) -> Int? {
    guard let base = bytes.baseAddress, offset < limit, limit <= bytes.count else { return nil }
    guard let found = memchr(base + offset, 0x0A, limit - offset) else { return nil }
    let start = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found)) + 1
    return start < limit ? start : nil
  }
}
