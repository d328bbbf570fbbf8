import VStreamSource
import VStreamSyntax
import XCTest

@testable import VStreamLargeFile

/// `LargeFile.join` is the one place spans are shifted: each list is the parts' lists in order, and each span moves
/// by the length of the lists before its part.
final class JoinTests: XCTestCase {
  static func range(_ start: UInt32) -> SourceRange { SourceRange(start: start, end: start + 1) }

  /// A part with one declaration of two attributes (practices in the list elements, and a time), a comment and a
  /// flow of two nodes and one arrow; every span starts at 0 of the part's own lists.
  static func part(at base: UInt32) -> FileSyntax {
    var tree = FileSyntax()
    tree.attributeList = [
      AttributeSyntax(
        kind: .practices, value: .words(SyntaxSpan(start: 0, count: 2)), range: range(base), hasErrors: false),
      AttributeSyntax(
        kind: .roles, value: .strings(SyntaxSpan(start: 2, count: 1)), range: range(base + 1), hasErrors: false),
      AttributeSyntax(kind: .time, value: .missing, range: range(base + 2), hasErrors: true),
    ]
    tree.listElements = [range(base + 3), range(base + 4), range(base + 5)]
    tree.items = [
      .declaration(
        DeclarationSyntax(
          kind: .step, keywordRange: range(base), identifier: nil, title: nil,
          attributeSpan: SyntaxSpan(start: 0, count: 3), range: range(base), hasErrors: false)),
      .flow(
        FlowSyntax(
          keywordRange: range(base + 6), nodeSpan: SyntaxSpan(start: 0, count: 2),
          arrowSpan: SyntaxSpan(start: 0, count: 1), label: nil, range: range(base + 6), hasErrors: false)),
    ]
    tree.flowNodeList = [range(base + 7), range(base + 8)]
    tree.flowArrowList = [range(base + 9)]
    tree.comments = [CommentSyntax(range: range(base + 10), isTrailing: false)]
    return tree
  }

  func testSpansMoveByTheListsBeforeTheirPart() {
    var first = Self.part(at: 100)
    first.hasByteOrderMark = true
    var parts = [first, FileSyntax(), Self.part(at: 200)]
    let joined = LargeFile.join(&parts)
    XCTAssertTrue(parts.isEmpty, "the parts are taken")
    XCTAssertTrue(joined.hasByteOrderMark)
    XCTAssertEqual(joined.items.count, 4)
    XCTAssertEqual(joined.attributeList.count, 6)
    XCTAssertEqual(joined.listElements.map(\.start), [103, 104, 105, 203, 204, 205])
    XCTAssertEqual(joined.flowNodeList.map(\.start), [107, 108, 207, 208])
    XCTAssertEqual(joined.flowArrowList.map(\.start), [109, 209])
    XCTAssertEqual(joined.comments.map(\.range.start), [110, 210])
    let declarations = joined.declarations
    XCTAssertEqual(declarations.map(\.attributeSpan), [SyntaxSpan(start: 0, count: 3), SyntaxSpan(start: 3, count: 3)])
    XCTAssertEqual(joined.attributes(of: declarations[1]).map(\.range.start), [200, 201, 202])
    let flows = joined.flows
    XCTAssertEqual(flows.map(\.nodeSpan), [SyntaxSpan(start: 0, count: 2), SyntaxSpan(start: 2, count: 2)])
    XCTAssertEqual(flows.map(\.arrowSpan), [SyntaxSpan(start: 0, count: 1), SyntaxSpan(start: 1, count: 1)])
    XCTAssertEqual(joined.nodes(of: flows[1]).map(\.range.start), [207, 208])
    XCTAssertEqual(joined.arrows(of: flows[1]).map(\.start), [209])
    // The list attributes' spans, and what they name.
    guard case .words(let words) = joined.attributeList[3].value,
      case .strings(let strings) = joined.attributeList[4].value
    else { return XCTFail("the second part's list attributes changed kind") }
    XCTAssertEqual(words, SyntaxSpan(start: 3, count: 2))
    XCTAssertEqual(strings, SyntaxSpan(start: 5, count: 1))
    XCTAssertEqual(joined.words(words).map(\.range.start), [203, 204])
    guard case .missing = joined.attributeList[5].value else { return XCTFail("a value without a span changed") }
  }

  func testOnePartIsItself() {
    let part = Self.part(at: 0)
    var out = ("", "")
    var parts = [part]
    dump(LargeFile.join(&parts), to: &out.0)
    dump(part, to: &out.1)
    XCTAssertEqual(out.0, out.1)
    parts = []
    XCTAssertEqual(LargeFile.join(&parts).items.count, 0)
  }

  /// The parts the plain parser makes of a file's head and consecutive ranges of its body, joined, are its one
  /// parse (`LargeFileParseTests` does this at every cut of every file in the repository).
  func testTheJoinOfParsedLinesIsTheParseOfTheFile() {
    let text = """
      ---
      title: T
      ---
      stream s "S" # a comment
      demand d "D"
        from "Someone"
      step a "A"
        practices service-desk, incident-management
        roles "Agent", "Lead"
      flow d -> a
        -> b "label"
      step b "B"
        roles "Agent"
        practices service-desk
      value v "V"
      flow a -> b -> v
      # vstream: allow VS999
      """
    let file = SourceFile(path: "join.vstream", text: text)
    let head = Parser.parseHead(file)
    let bodyStart = head.bodyStart!
    let cuts = file.bytes.withUnsafeBufferPointer { buffer in
      file.lineStarts.map(Int.init).filter { $0 > bodyStart && Parser.startsDeclaration(buffer, at: $0) }
    }
    XCTAssertEqual(cuts.count, 4)
    let bounds = [bodyStart] + cuts + [file.bytes.count]
    var parts = (0..<bounds.count - 1).map { index -> FileSyntax in
      var tree = index == 0 ? head.tree : FileSyntax()
      _ = Parser.parseLines(file, in: bounds[index]..<bounds[index + 1], into: &tree)
      return tree
    }
    var out = ("", "")
    dump(LargeFile.join(&parts), to: &out.0)
    dump(Parser.parse(file).0, to: &out.1)
    XCTAssertEqual(out.0, out.1)
  }
}
