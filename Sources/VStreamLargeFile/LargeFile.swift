import VStreamSource
import VStreamSyntax

/// The one door to what only pays on a large file: mapping it into memory rather than reading it (`map`), and
/// parsing its body in pieces on separate cores and joining them (`parse`, `join`).
///
/// Nothing here changes a result: a large file gives the tree and the diagnostics the plain one-core parser gives
/// (`Parser.parse`), which the tests compare at every cut. Real value streams are 1-50 KB and never come here: the
/// CLI maps a file and the facade parses it here by its size (`isLarge`).
public enum LargeFile {
  /// The size from which a file is mapped and parsed in pieces: below it, a mapping or a piece costs more than it
  /// saves.
  public static let size = 4 << 20

  /// Whether a file of `count` bytes is mapped and parsed here.
  public static func isLarge(_ count: Int) -> Bool { count >= size }

  /// Parses `file` with its body cut into up to `pieces` pieces at declaration lines near equal spacing (see
  /// `BodyPieces`), each parsed by the plain parser on its own core; the result is `Parser.parse(file, options:)`.
  public static func parse(
    _ file: SourceFile, options: ParserOptions = ParserOptions(), pieces: Int = min(Parallel.coreCount, 16)
  ) -> (FileSyntax, [Diagnostic]) {
    let head = Parser.parseHead(file, options: options)
    guard let bodyStart = head.bodyStart else { return Parser.parse(file, options: options) }
    let cuts = file.bytes.withUnsafeBufferPointer {
      BodyPieces.cuts(in: $0, body: bodyStart..<$0.count, count: pieces)
    }
    return parse(file, options: options, head: head, cuts: cuts)
  }

  /// Parses with the body cut where `cuts` says (tests); cuts that are not at a declaration line after the head are
  /// left out.
  static func parse(_ file: SourceFile, options: ParserOptions, cuts: [Int]) -> (FileSyntax, [Diagnostic]) {
    let head = Parser.parseHead(file, options: options)
    guard let bodyStart = head.bodyStart else { return Parser.parse(file, options: options) }
    let usable = file.bytes.withUnsafeBufferPointer { buffer in
      cuts.filter { $0 > bodyStart && Parser.startsDeclaration(buffer, at: $0) }
    }
    return parse(file, options: options, head: head, cuts: usable)
  }

  /// The pieces' parses joined, or, when they cannot stand for one parse, the parse on one core.
  static func parse(_ file: SourceFile, options: ParserOptions, head: Parser.Head, cuts: [Int])
    -> (FileSyntax, [Diagnostic])
  {
    joinedParse(file, options: options, head: head, cuts: cuts) ?? Parser.parse(file, options: options)
  }

  /// The pieces' parses joined; nil when there is nothing to cut, or when they cannot stand for one parse: a
  /// piece's last line ran past its end (the cut was inside a `"""` block or a skipped front matter block), or the
  /// pieces found more problems than are kept (which ones are kept depends on the order of the whole file).
  static func joinedParse(_ file: SourceFile, options: ParserOptions, head: Parser.Head, cuts: [Int])
    -> (FileSyntax, [Diagnostic])?
  {
    guard let bodyStart = head.bodyStart, !cuts.isEmpty else { return nil }
    let ranges = BodyPieces.pieces(of: bodyStart..<file.bytes.count, cutAt: cuts)
    var pieces = Parallel.map(ranges.count) { index -> (tree: FileSyntax, lines: Parser.Lines) in
      // The first piece is parsed into the head's tree with room for one element per line of the whole body in
      // each list, so that the join appends the other pieces to it rather than copying it (room never written is
      // never touched). Asking for huge pages for this room saved 3% of the median on a 50 MB stream (0.454 s
      // against 0.469 s, 41 interleaved rounds; 27k page faults against 40k) for 6 MB more peak memory: not kept.
      var tree = FileSyntax()
      if index == 0 {
        tree = head.tree
        let room = file.lineCount
        tree.items.reserveCapacity(room)
        tree.attributeList.reserveCapacity(room)
        tree.listElements.reserveCapacity(room)
        tree.flowNodeList.reserveCapacity(room)
        tree.flowArrowList.reserveCapacity(room)
        tree.flowArrowShares.reserveCapacity(room)
        tree.comments.reserveCapacity(room)
      }
      let lines = Parser.parseLines(file, in: ranges[index], into: &tree, options: options)
      return (tree, lines)
    }
    let problems = pieces.reduce(head.diagnostics.count) { $0 + $1.lines.diagnostics.count }
    guard zip(pieces, ranges).allSatisfy({ $0.lines.end == $1.upperBound && $0.lines.unreportedProblems == 0 }),
      problems <= ProblemLimit.perStage
    else { return nil }
    let diagnostics = head.diagnostics + pieces.flatMap(\.lines.diagnostics)
    // Each tree is taken out of `pieces`, so that it is the only reference to its lists and is appended to in place.
    var trees: [FileSyntax] = []
    for index in pieces.indices {
      trees.append(pieces[index].tree)
      pieces[index].tree = FileSyntax()
    }
    return (join(&trees), Diagnostic.normalized(diagnostics))
  }
}
