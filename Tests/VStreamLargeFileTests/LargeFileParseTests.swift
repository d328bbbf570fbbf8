import Foundation
import TestSupport
import VStreamSource
import VStreamSyntax
import XCTest

@testable import VStreamLargeFile

/// A large body is parsed in pieces on separate cores (`LargeFile`). These cut every file of the repository, and
/// files made to trip the cut, at every declaration line, and compare the tree and the diagnostics with the plain
/// parser's one parse from the top: they must be the same, byte for byte.
final class LargeFileParseTests: XCTestCase {
  /// Files whose declaration-looking lines are not all declaration lines.
  static let trickyFiles: [SourceFile] = [
    // A `"""` block holding lines that start with `step`: a cut there must not be used.
    """
    stream s "S"
    demand d "D"
    step a "A"
      activity engage
      note \"\"\"
    step inside "not a step"
    value inside "nor a value"
      \"\"\"
      practices service-desk
    step b "B"
      activity plan
    flow d -> a -> b
      -> v "label"
    value v "V"
    """,
    // A misplaced front matter block with a `step` line in it, then one without a closing fence.
    """
    stream s "S"
    step a "A"
    ---
    step yaml "inside the block"
    ---
    step b "B"
      activity engage
    ---
    step c "C"
      time 5m
    """,
    // An open flow continued after a comment line, a flow with no arrow, attributes after flows.
    """
    flow a -> b
    # a comment keeps the flow open
      -> c
    step a "A"
      activity engage
    flow lonely
    step b "B"
      wait 1h
    flow b -> c
      activity plan
    step c
    stpe d "misspelt"
      time 1h
    value v "V"
    """,
    // Declarations that the count of a piece's room does not expect: indented, and misspelt from a digit.
    """
    stream s "S"
    step a "A"
      activity engage
      step b "indented"
      time 5m
    5tep c "misspelt"
      wait 1h
    step d "D"
      step e "indented"
    value v "V"
    """,
    // CRLF line ends, an unterminated string and a trailing comment on a declaration line.
    "stream s \"S\"\r\nstep a \"A  # c\r\n  activity engage\r\nstep b \"B\" # c\r\n  ca 120%\r\nvalue v\r\n",
  ].map { SourceFile(path: "tricky.vstream", text: $0) }

  static func render(_ result: (FileSyntax, [Diagnostic])) -> String {
    var out = ""
    dump(result.0, to: &out)
    dump(result.1, to: &out)
    return out
  }

  /// The door's parse with the body cut at `cuts`.
  static func parse(_ file: SourceFile, cuts: [Int]) -> String {
    render(LargeFile.parse(file, options: ParserOptions(), cuts: cuts))
  }

  /// The plain parser's.
  static func parse(_ file: SourceFile) -> String { render(Parser.parse(file)) }

  /// The declaration lines of a file: the places a cut may be made.
  static func declarationLines(_ file: SourceFile) -> [Int] {
    file.bytes.withUnsafeBufferPointer { buffer in
      file.lineStarts.map(Int.init).filter { Parser.startsDeclaration(buffer, at: $0) }
    }
  }

  /// Whether the pieces' parses were joined, rather than the file parsed again on one core.
  static func joinsPieces(_ file: SourceFile, cuts: [Int]) -> Bool {
    let head = Parser.parseHead(file)
    return LargeFile.joinedParse(file, options: ParserOptions(), head: head, cuts: cuts) != nil
  }

  func testEveryCutGivesTheParseFromTheTop() {
    var cutsTried = 0
    for file in Repository.streams() + Self.trickyFiles {
      let whole = Self.parse(file)
      let lines = Self.declarationLines(file)
      for line in lines {
        XCTAssertEqual(Self.parse(file, cuts: [line]), whole, "\(file.path) cut at \(line)")
        cutsTried += 1
      }
      // Three pieces, from the first and last declaration lines, and every line at once.
      if lines.count >= 2 {
        XCTAssertEqual(Self.parse(file, cuts: [lines[0], lines[lines.count - 1]]), whole, file.path)
        XCTAssertEqual(Self.parse(file, cuts: lines), whole, "\(file.path) cut at every declaration")
      }
    }
    XCTAssertGreaterThan(cutsTried, 300, "the files must offer many places to cut")
  }

  func testPiecesAreJoinedWhenEachEndsAtItsCut() {
    // A plain stream cut at every declaration line: every piece ends at its cut, and the join is used.
    let plain = Repository.streams().first { $0.path == "restore-live-service.vstream" }!
    let lines = Self.declarationLines(plain)
    XCTAssertGreaterThan(lines.count, 3)
    XCTAssertTrue(Self.joinsPieces(plain, cuts: lines), plain.path)
    for line in lines { XCTAssertTrue(Self.joinsPieces(plain, cuts: [line]), "\(plain.path) cut at \(line)") }
    // A body with no attribute lines at all is joined all the same.
    let bare = SourceFile(
      path: "bare.vstream", text: "stream s\ndemand d\nstep a\nstep b\nvalue v\nflow d -> a -> b -> v\n")
    let bareLines = Self.declarationLines(bare)
    XCTAssertTrue(Self.joinsPieces(bare, cuts: bareLines))
    XCTAssertEqual(Self.parse(bare, cuts: bareLines), Self.parse(bare))
    // Indented and misspelt declarations are items like any other.
    let odd = Self.trickyFiles[3]
    XCTAssertTrue(Self.joinsPieces(odd, cuts: Self.declarationLines(odd)))
  }

  func testCutsInsideABlockOrASkippedFrontMatterAreNotUsed() throws {
    // The lines in the block and in the skipped block look like declarations; the parse of the piece before reads
    // past them, and the file is parsed on one core.
    for file in Self.trickyFiles.prefix(2) {
      let inside = Self.declarationLines(file).filter { line in
        let text = file.text(SourceRange(start: UInt32(line), end: UInt32(line + 11)))
        return text.hasPrefix("step inside") || text.hasPrefix("value inside") || text.hasPrefix("step yaml")
      }
      XCTAssertFalse(inside.isEmpty, "the file must have declaration lines inside a block")
      for line in inside {
        XCTAssertFalse(Self.joinsPieces(file, cuts: [line]), "\(file.path) cut at \(line)")
        XCTAssertEqual(Self.parse(file, cuts: [line]), Self.parse(file))
      }
    }
  }

  func testPastTheProblemLimitTheFileIsParsedFromTheTop() {
    // 12,000 bad lines, then declarations: the pieces together have more problems than are kept.
    var text = String(repeating: "\"not a keyword\"\n", count: 12_000)
    for index in 0..<50 { text += "step s\(index) \"S\"\n  time 1x\n" }
    let file = SourceFile(path: "many.vstream", text: text)
    let lines = Self.declarationLines(file)
    XCTAssertEqual(lines.count, 50)
    let whole = Self.parse(file)
    XCTAssertTrue(whole.contains("too many problems"))
    XCTAssertFalse(Self.joinsPieces(file, cuts: [lines[25]]))
    XCTAssertEqual(Self.parse(file, cuts: [lines[25]]), whole)
  }

  func testALargeBodyIsCutAtDeclarationLines() {
    var text = "stream s \"S\"\ndemand d \"D\"\n"
    for index in 0..<2_000 { text += "step s\(index) \"Step\"\n  activity engage\n  note \"\"\"\n    x\n    \"\"\"\n" }
    let file = SourceFile(path: "large.vstream", text: text)
    let cuts = file.bytes.withUnsafeBufferPointer { BodyPieces.cuts(in: $0, body: 0..<$0.count, count: 4) }
    XCTAssertEqual(cuts.count, 3)
    XCTAssertEqual(cuts, cuts.sorted())
    for cut in cuts { XCTAssertTrue(file.text(SourceRange(start: UInt32(cut), end: UInt32(cut + 6))) == "step s") }
    XCTAssertEqual(Self.parse(file, cuts: cuts), Self.parse(file))
    XCTAssertTrue(Self.joinsPieces(file, cuts: cuts))
    XCTAssertEqual(Self.render(LargeFile.parse(file, pieces: 4)), Self.parse(file))
    XCTAssertEqual(Self.render(LargeFile.parse(file, pieces: 1)), Self.parse(file))
  }
}
