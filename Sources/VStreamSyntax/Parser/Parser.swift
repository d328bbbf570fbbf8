import VStreamSource
import VStreamYAML

/// Options for the front end.
public struct ParserOptions: Sendable {
  public var yamlLimits: YAMLLimits

  public init(yamlLimits: YAMLLimits = YAMLLimits()) {
    self.yamlLimits = yamlLimits
  }
}

/// Turns the bytes of a `.vstream` file into a syntax tree and diagnostics. Parsing never fails: whatever the bytes,
/// the result is a tree (possibly empty) and the list of everything wrong with it.
///
/// The body is line-oriented, and the keyword at the start of a line is the synchronisation point: a bad line costs
/// one diagnostic and parsing resumes on the next line.
public enum Parser {
  public static func parse(_ file: SourceFile, options: ParserOptions = ParserOptions()) -> (FileSyntax, [Diagnostic]) {
    file.bytes.withUnsafeBufferPointer { buffer in
      var run = ParseRun(file: file, buffer: buffer, options: options)
      defer { run.line.release() }
      if let bodyStart = run.parseHead() { run.parseBody(from: bodyStart, to: buffer.count) }
      if let summary = run.overflow.summary(code: SyntaxMessages.tooManyProblems) { run.diagnostics.append(summary) }
      return (run.tree, Diagnostic.normalized(run.diagnostics))
    }
  }

  /// What comes before a file's body: the byte order mark, the encoding check and the front matter.
  public struct Head: Sendable {
    /// The tree with what the head holds (the byte order mark, the front matter) and empty lists.
    public var tree: FileSyntax
    public var diagnostics: [Diagnostic]
    /// Where the body starts, or nil when the file is not parsed further (not text, unterminated front matter).
    public var bodyStart: Int?
  }

  /// Reads a file's head (see `Head`); `parse` is this followed by `parseLines` over the whole body into the head's
  /// tree, with one problem limit for both.
  public static func parseHead(_ file: SourceFile, options: ParserOptions = ParserOptions()) -> Head {
    file.bytes.withUnsafeBufferPointer { buffer in
      var run = ParseRun(file: file, buffer: buffer, options: options)
      defer { run.line.release() }
      let bodyStart = run.parseHead()
      return Head(tree: run.tree, diagnostics: run.diagnostics, bodyStart: bodyStart)
    }
  }

  /// What parsing some of a body's lines found besides their syntax.
  public struct Lines: Sendable {
    /// Their diagnostics, in the order they were found (not normalised), at most `ProblemLimit.perStage`.
    public var diagnostics: [Diagnostic]
    /// How many problems past the limit were found and not kept.
    public var unreportedProblems: Int
    /// Where the last line read ends: the end of the range asked for, unless its last line (a `"""` block, a skipped
    /// front matter block) runs past it.
    public var end: Int
  }

  /// Parses the body lines that start in `range` as the lines of a body with nothing before them, and appends their
  /// items, attributes and other lists to `tree` (a head's tree, or an empty one), with spans into its lists. A line
  /// that starts in the range is read whole. `range` starts at the start of a line, after the file's head.
  public static func parseLines(
    _ file: SourceFile, in range: Range<Int>, into tree: inout FileSyntax, options: ParserOptions = ParserOptions()
  ) -> Lines {
    file.bytes.withUnsafeBufferPointer { buffer in
      var run = ParseRun(file: file, buffer: buffer, options: options)
      defer { run.line.release() }
      // Moved in and out rather than copied, so that the tree's lists are appended to where they are.
      swap(&run.tree, &tree)
      defer { swap(&run.tree, &tree) }
      run.parseBody(from: range.lowerBound, to: range.upperBound)
      return Lines(diagnostics: run.diagnostics, unreportedProblems: run.overflow.unreported, end: run.lexer.offset)
    }
  }

  /// Whether a declaration (`stream`, `demand`, `step`, `value`) starts the line at `offset`, read as the parser
  /// reads it. The parser begins such a line by closing the flow and the declaration before it, so how it and the
  /// lines after it are read does not depend on the lines before it, if it is a line (not inside a `"""` block).
  public static func startsDeclaration(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
    guard offset > 0, offset < bytes.count, bytes[offset - 1] == 0x0A else { return false }
    var lexer = Lexer(bytes: bytes, start: offset, end: bytes.count)
    let first = lexer.next()
    guard first.kind == .word, Int(first.start) == offset,
      case .declaration? = Keyword.classify(bytes, first.start, first.end)
    else { return false }
    return true
  }
}

/// The state of one parse.
struct ParseRun {
  let file: SourceFile
  let bytes: UnsafeBufferPointer<UInt8>
  let options: ParserOptions
  var tree = FileSyntax()
  var diagnostics: [Diagnostic] = []
  /// Counts the errors past the per-file limit, which are not kept.
  var overflow = ProblemLimit()
  var lexer: Lexer
  /// The declaration that attribute lines belong to. It is built here and moved into `tree.items` when the next
  /// item starts, so that adding an attribute never copies the declaration.
  var pending: DeclarationSyntax?
  /// The flow that a `->` line would continue, built in place the same way.
  var pendingFlow: FlowSyntax?
  /// Whether the last item is a flow that blank lines ended: a `->` line after them meant to continue it.
  var flowEndedByBlankLine = false
  /// Whether the open flow's line ended with `->` before a line that starts a chain: that line continues it.
  var chainGoesOn = false
  /// The kinds of the attributes `pending` has (see `AttributeKind.flag`).
  var pendingKinds: UInt16 = 0
  /// The tokens of the line being parsed, comments excluded.
  var line = TokenLine()
  var lineHadComment = false
  /// The `practices` or `roles` attribute on the line just parsed, which an indented next line may go on with.
  var openList: OpenList?

  struct OpenList {
    /// Its index in `tree.attributeList`.
    var attribute: Int
    /// The indentation of its keyword: a line that goes on with it is indented further.
    var indentation: Int
  }

  init(file: SourceFile, buffer: UnsafeBufferPointer<UInt8>, options: ParserOptions) {
    self.file = file
    self.bytes = buffer
    self.options = options
    self.lexer = Lexer(bytes: buffer, start: 0, end: 0)
  }

  // MARK: - File

  /// Reads what comes before the body: the byte order mark, the encoding check and the front matter. Returns where
  /// the body starts, or nil when the file is not parsed further.
  mutating func parseHead() -> Int? {
    var bodyStart = 0
    if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
      tree.hasByteOrderMark = true
      bodyStart = 3
    }
    // A plain text file (the line table's pass saw only printable ASCII and line breaks) has nothing to report.
    // On one core: it is 6.7% of the instructions of checking a 50 MB stream with CRLF line ends and non-ASCII
    // titles, so checking in pieces on two cores saved at most 3% there, and nothing on plain text.
    if !file.isPlainText {
      let encoding = EncodingCheck.run(bytes, from: bodyStart)
      diagnostics += encoding.diagnostics
      // A file that is not text (invalid UTF-8, NUL bytes) is not parsed further: every line would be an error.
      if encoding.isBinary {
        tree.isBodyRead = false
        return nil
      }
    }

    if let frontMatterEnd = parseFrontMatter(at: bodyStart) {
      return frontMatterEnd
    } else if tree.frontMatter == nil,
      diagnostics.contains(where: { $0.code == SyntaxMessages.unterminatedFrontMatter })
    {
      tree.isBodyRead = false
      return nil
    }
    return bodyStart
  }

  /// Parses the body lines that start from `start` up to `end` (a line that starts before `end` is read whole), and
  /// appends them to the tree.
  mutating func parseBody(from start: Int, to end: Int) {
    lexer = Lexer(bytes: bytes, start: start, end: bytes.count)
    // Room for every item and attribute the lines can hold, at once: doubling would touch twice the memory, and
    // hold up to twice the room needed. The other lists get room for one element per line that may hold some
    // (more only grow): room that is never written is never touched.
    let bounds = Self.countBounds(file, from: start, to: end)
    let lines = bounds.items + bounds.attributes
    tree.items.reserveCapacity(tree.items.count + bounds.items)
    tree.attributeList.reserveCapacity(tree.attributeList.count + bounds.attributes)
    tree.listElements.reserveCapacity(tree.listElements.count + bounds.attributes)
    tree.flowNodeList.reserveCapacity(tree.flowNodeList.count + lines)
    tree.flowArrowList.reserveCapacity(tree.flowArrowList.count + lines)
    tree.flowArrowShares.reserveCapacity(tree.flowArrowShares.count + lines)
    tree.comments.reserveCapacity(tree.comments.count + lines)
    while lexer.offset < end, readLine() {
      parseLine()
    }
    closeFlow()
    flushDeclaration()
  }

  /// Reads the front matter if the file starts with a `---` line. Returns where the body starts, or nil when there
  /// is no front matter (or it is unterminated, which is reported).
  mutating func parseFrontMatter(at start: Int) -> Int? {
    guard let openingEnd = fenceLineEnd(at: start, fences: [0x2D]) else { return nil }
    // Find the closing fence: the next line that is exactly `---` or `...`.
    var lineStart = nextLineStart(after: openingEnd)
    while lineStart < bytes.count {
      if let closingEnd = fenceLineEnd(at: lineStart, fences: [0x2D, 0x2E]) {
        let content = SourceRange(
          start: UInt32(Swift.min(nextLineStart(after: openingEnd), lineStart)), end: UInt32(lineStart))
        let (root, yamlDiagnostics) = YAMLReader(limits: options.yamlLimits).read(file, range: content)
        diagnostics += yamlDiagnostics
        tree.frontMatter = FrontMatterSyntax(
          range: SourceRange(start: UInt32(start), end: UInt32(closingEnd)), contentRange: content, root: root)
        return nextLineStart(after: closingEnd)
      }
      lineStart = nextLineStart(after: lineEnd(from: lineStart))
    }
    report(.unterminatedFrontMatter, at: SourceRange(start: UInt32(start), end: UInt32(openingEnd)))
    return nil
  }

  /// If the line at `start` is three fence characters (`---` or `...`) followed only by blanks, the offset where its
  /// text ends (before the line break).
  func fenceLineEnd(at start: Int, fences: [UInt8]) -> Int? {
    guard start + 3 <= bytes.count else { return nil }
    let fence = bytes[start]
    guard fences.contains(fence), bytes[start + 1] == fence, bytes[start + 2] == fence else { return nil }
    var index = start + 3
    while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0D { index += 1 }
    guard index == bytes.count || bytes[index] == 0x0A else { return nil }
    var end = index
    while end > start + 3, bytes[end - 1] == 0x0D || bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
    return end
  }

  /// At most how many items and attributes the body holds: an item starts on a line that begins with a letter, an
  /// attribute on a line whose first letter follows blanks (a line of a `"""` block may look like one too).
  static func countBounds(_ file: SourceFile, from start: Int, to end: Int) -> (items: Int, attributes: Int) {
    var items = 0
    var attributes = 0
    file.bytes.withUnsafeBufferPointer { bytes in
      let lineStarts = file.lineStarts
      var line = file.line(of: UInt32(start)) - 1
      if Int(lineStarts[line]) < start { line += 1 }
      while line < lineStarts.count, Int(lineStarts[line]) < end {
        let lineStart = Int(lineStarts[line])
        var index = lineStart
        line += 1
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        guard index < bytes.count else { continue }
        let letter = bytes[index] | 0x20
        guard letter >= 0x61 && letter <= 0x7A else { continue }
        if index == lineStart { items += 1 } else { attributes += 1 }
      }
    }
    return (items, attributes)
  }

  func lineEnd(from start: Int) -> Int {
    var index = start
    while index < bytes.count, bytes[index] != 0x0A { index += 1 }
    return index
  }

  func nextLineStart(after offset: Int) -> Int {
    let end = lineEnd(from: offset)
    return end < bytes.count ? end + 1 : bytes.count
  }

  // MARK: - Lines

  /// Reads the next line's tokens into `line`, recording its comments. Returns false at the end of the file.
  mutating func readLine() -> Bool {
    line.removeAll()
    lineHadComment = false
    while true {
      let token = lexer.next()
      switch token.kind {
      case .endOfFile:
        return !line.isEmpty || lineHadComment
      case .newline:
        return true
      case .comment:
        lineHadComment = true
        recordComment(token, isTrailing: !line.isEmpty)
      default:
        line.append(token)
      }
    }
  }

  mutating func recordComment(_ token: Token, isTrailing: Bool) {
    tree.comments.append(CommentSyntax(range: token.range, isTrailing: isTrailing))
    if let directive = DirectiveParser.parse(comment: token, bytes: bytes, isTrailing: isTrailing) {
      tree.directives.append(directive)
    }
  }

  mutating func parseLine() {
    let list = openList
    openList = nil
    if let list, continueListWithoutComma(list) { return }
    guard let first = line.first else {
      // A blank line ends a flow's continuation; a comment-only line does not.
      if !lineHadComment, pendingFlow != nil {
        closeOpenFlow()
        flowEndedByBlankLine = true
      }
      return
    }
    if first.kind == .arrow {
      continueFlow()
      return
    }
    if chainGoesOn, var flow = pendingFlow {
      // The rest of a chain wrapped after its arrow (reported at the arrow): read as its continuation.
      chainGoesOn = false
      pendingFlow = nil
      flow.range = flow.range.union(SourceRange(start: first.start, end: line.last!.end))
      parseFlowTokens(&flow, from: 0, expectName: true)
      pendingFlow = flow
      return
    }
    chainGoesOn = false
    flowEndedByBlankLine = false
    closeFlow()
    guard first.kind == .word else {
      report(.keywordExpected(found: describe(first), isString: first.kind == .string), at: first.range)
      markCurrentDeclarationBroken()
      return
    }
    switch Keyword.classify(bytes, first.start, first.end) {
    case .declaration(let kind)?:
      parseDeclaration(kind, keyword: first)
      return
    case .flow(let kind)?:
      parseFlow(kind, keyword: first)
      return
    case .attribute(let kind)?:
      parseAttribute(kind, keyword: first)
      return
    case nil:
      break
    }
    let word = text(first)
    // A keyword written with capitals (`Flow`, `STEP`): one finding with its fix, and the line read as that keyword,
    // so that nothing it declares or draws goes missing.
    if let keyword = Keyword.named(word.lowercased()), word.lowercased() != word {
      report(.capitalisedKeyword(word, lower: word.lowercased(), at: first.range), at: first.range)
      switch keyword {
      case .declaration(let kind): parseDeclaration(kind, keyword: first)
      case .flow(let kind): parseFlow(kind, keyword: first)
      case .attribute(let kind): parseAttribute(kind, keyword: first)
      }
      return
    }
    // `a -> b` (or `a → b`) without `flow`: said once, fixed, and read as the flow it is.
    if line.count >= 3, line[1].kind == .arrow || Self.arrowLookAlikes.contains(text(line[1])) {
      report(
        .flowWithoutKeyword(Self.shorten(file.text(restRange(from: 0))), at: SourceRange.empty(at: first.start)),
        at: first.range)
      var flow = FlowSyntax(
        keywordRange: SourceRange.empty(at: first.start), kind: .flow,
        nodeSpan: SyntaxSpan(at: tree.flowNodeList.count),
        arrowSpan: SyntaxSpan(at: tree.flowArrowList.count), label: nil,
        range: SourceRange(start: first.start, end: line.last!.end), hasErrors: true)
      parseFlowTokens(&flow, from: 0, expectName: true)
      flushDeclaration()
      pendingFlow = flow
      return
    }
    if word == "---" && line.count == 1 {
      report(.misplacedFrontMatter, at: first.range)
      flushDeclaration()
      skipMisplacedFrontMatter()
    } else if word.hasPrefix("//") {
      // A comment as other languages write it: one finding, and the line is read as the comment it is meant to be
      // (the declaration around it goes on).
      report(.slashComment(at: SourceRange(start: first.start, end: first.start + 2)), at: first.range)
    } else {
      let keywords =
        DeclarationKind.allCases.map(\.rawValue) + FlowKind.allCases.map(\.rawValue)
        + AttributeKind.allCases.map(\.rawValue)
      let suggestion = Spelling.closest(to: word, among: keywords)
      report(.unknownKeyword(Self.shorten(word), suggestion: suggestion, at: first.range), at: first.range)
      // A misspelt declaration keyword (`stpe triage "..."`) is read as the declaration it resembles, marked broken:
      // its attribute lines then belong to it, and flows that name it still resolve, so one typo is one diagnostic.
      if let kind = suggestion.flatMap(DeclarationKind.init(rawValue:)), line.count >= 2, line[1].kind == .word {
        let (before, overflowBefore) = (diagnostics.count, overflow)
        parseDeclaration(kind, keyword: first)
        diagnostics.removeLast(diagnostics.count - before)
        overflow = overflowBefore
        markCurrentDeclarationBroken()
      } else {
        markCurrentDeclarationBroken()
      }
    }
  }

  /// Skips the YAML lines of a front matter block that is not at the top, up to its closing fence, so that one
  /// misplaced block is one diagnostic. Without a closing fence nothing is skipped.
  mutating func skipMisplacedFrontMatter() {
    let saved = lexer
    let savedComments = (tree.comments.count, tree.directives.count)
    while readLine() {
      if line.count == 1, line[0].kind == .word, ["---", "..."].contains(text(line[0])) { return }
    }
    lexer = saved
    tree.comments.removeLast(tree.comments.count - savedComments.0)
    tree.directives.removeLast(tree.directives.count - savedComments.1)
  }

  // MARK: - Declarations

  mutating func parseDeclaration(_ kind: DeclarationKind, keyword: Token) {
    var hasErrors = false
    var identifier: IdentifierSyntax?
    var title: StringSyntax?
    var index = 1
    if index < line.count, line[index].kind == .word {
      identifier = checkedIdentifier(line[index], hasErrors: &hasErrors)
      index += 1
    } else {
      let at = index < line.count ? line[index].range : SourceRange.empty(at: keyword.end)
      report(.missingIdentifier(after: kind), at: at)
      hasErrors = true
    }
    if index < line.count {
      let token = line[index]
      switch token.kind {
      case .string, .blockString, .unterminatedString, .unterminatedBlockString:
        title = checkedString(token, hasErrors: &hasErrors)
        index += 1
      case .word:
        let rest = restRange(from: index)
        let written = file.text(rest)
        var titleStart = index
        while titleStart < line.count, line[titleStart].kind == .word { titleStart += 1 }
        if titleStart < line.count, titleStart == line.count - 1, line[titleStart].kind == .string,
          let id = identifier, !hasErrors
        {
          // `step verify identity "Verify"`: the words before the title belong to the id, which has a space.
          let idRange = SourceRange(start: id.range.start, end: line[titleStart - 1].end)
          let joined = file.text(idRange).split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: "-")
          report(
            .identifierWithSpaces(
              Self.shorten(file.text(idRange)), joined: joined, kind: kind, title: text(line[titleStart]), at: idRange),
            at: idRange)
        } else if written.count >= 2, written.hasPrefix("'"), written.hasSuffix("'") {
          // A title in single quotes: the same text in double quotes.
          let quoted = "\"" + String(written.dropFirst().dropLast()).replacingOccurrences(of: "\"", with: "\\\"") + "\""
          report(.singleQuotedTitle(Self.shorten(written), quoted: quoted, at: rest), at: rest)
        } else {
          report(.unquotedTitle(Self.shorten(written), quoted: SyntaxMessage.quoted(written), at: rest), at: rest)
        }
        hasErrors = true
        index = line.count
      default:
        break
      }
    }
    if index < line.count, !hasErrors {
      let rest = restRange(from: index)
      report(.extraAfterDeclaration(kind, found: describe(line[index])), at: rest)
      hasErrors = true
    }
    let range = SourceRange(start: keyword.start, end: line.last!.end)
    flushDeclaration()
    // Its attributes are the ones appended to the tree's list from here on, until the next item starts.
    pendingKinds = 0
    pending = DeclarationSyntax(
      kind: kind, keywordRange: keyword.range, identifier: identifier, title: title,
      attributeSpan: SyntaxSpan(at: tree.attributeList.count), range: range, hasErrors: hasErrors)
  }

  /// The identifier at `token`, or nil (reported) when it is not a valid identifier.
  mutating func checkedIdentifier(_ token: Token, hasErrors: inout Bool) -> IdentifierSyntax? {
    if Self.isIdentifier(bytes, token.start, token.end) { return IdentifierSyntax(range: token.range) }
    let written = text(token)
    let suggestion = Self.identifierSuggestion(written)
    report(.invalidIdentifier(Self.shorten(written), suggestion: suggestion), at: token.range)
    hasErrors = true
    return nil
  }

  mutating func checkedString(_ token: Token, hasErrors: inout Bool) -> StringSyntax {
    let isBlock = token.kind == .blockString || token.kind == .unterminatedBlockString
    if token.kind == .unterminatedString || token.kind == .unterminatedBlockString {
      // A one-line string gets its closing quote after its last character that is not a space.
      var end = token.end
      while !isBlock, end > token.start + 1, [9, 13, 32].contains(bytes[Int(end) - 1]) {
        end -= 1
      }
      // Closing it at the end of the line is what was meant when the quote opens a word (`title "Log the change`);
      // a quote stuck to a word before it (`manager"`, `ask" -> log`) is more likely a stray one or the other half
      // of a pair, and the quote added would make a string of the rest of the line: a guess, asked for.
      let opensAWord = token.start == 0 || [9, 32].contains(bytes[Int(token.start) - 1])
      let hasText = end > token.start + 1
      report(
        .unterminatedString(
          isBlock: isBlock, closingAt: isBlock ? nil : SourceRange.empty(at: end),
          isGuess: file.text(token.range).contains("#") || !opensAWord || !hasText),
        at: isBlock ? SourceRange(start: token.start, end: token.start + 3) : token.range)
      hasErrors = true
    } else if containsBackslash(token.range) {
      // Only a backslash can start a bad escape; most strings have none and need no decoding here.
      let decoded = StringDecoder.decode(file: file, range: token.range, isBlock: isBlock)
      for escape in decoded.badEscapes {
        report(.invalidEscape(file.text(escape)), at: escape)
        hasErrors = true
      }
    }
    return StringSyntax(range: token.range, isBlock: isBlock)
  }

  mutating func markCurrentDeclarationBroken() {
    pending?.hasErrors = true
  }

  /// Moves the declaration being built into the tree.
  mutating func flushDeclaration() {
    if let declaration = pending {
      tree.items.append(.declaration(declaration))
      pending = nil
    }
  }

  // MARK: - Attributes

  mutating func parseAttribute(_ kind: AttributeKind, keyword: Token) {
    guard let declarationKind = pending?.kind, let declarationRange = pending?.range,
      let span = pending?.attributeSpan
    else {
      report(.attributeOutsideDeclaration(kind, afterFlows: openFlowOrLastIsFlow), at: keyword.range)
      return
    }
    guard declarationKind.allows(kind) else {
      let allowed = declarationKind.allowedAttributes.map { "`\($0.rawValue)`" }.joined(separator: ", ")
      report(.attributeNotAllowed(kind, in: declarationKind, allowed: allowed), at: keyword.range)
      pending?.hasErrors = true
      return
    }
    var hasErrors = false
    let value = parseAttributeValue(kind, keyword: keyword, hasErrors: &hasErrors)
    let range = SourceRange(start: keyword.start, end: line.last!.end)
    // Only a kind the declaration already has is looked for among its attributes.
    if pendingKinds & kind.flag != 0, let earlier = span.indices.first(where: { tree.attributeList[$0].kind == kind }) {
      report(.attributeGivenTwice(kind, first: tree.attributeList[earlier].range), at: range)
      pending?.hasErrors = true
    } else {
      var attribute = AttributeSyntax(kind: kind, value: value, range: range, hasErrors: hasErrors)
      if case .duration = value, kind == .wait, isPlannedWait { attribute.isPlanned = true }
      tree.attributeList.append(attribute)
      pending?.attributeSpan.count += 1
      pendingKinds |= kind.flag
      if kind == .practices || kind == .roles {
        openList = OpenList(attribute: tree.attributeList.count - 1, indentation: indentation(of: keyword))
      }
    }
    pending?.range = declarationRange.union(range)
  }

  var openFlowOrLastIsFlow: Bool {
    if pendingFlow != nil { return true }
    if case .flow = tree.items.last { return true }
    return false
  }

  mutating func parseAttributeValue(_ kind: AttributeKind, keyword: Token, hasErrors: inout Bool)
    -> AttributeValueSyntax
  {
    guard line.count > 1 else {
      report(.valueMissing(kind, example: Self.exampleLine(kind)), at: SourceRange.empty(at: keyword.end))
      hasErrors = true
      return .missing
    }
    switch kind {
    case .activity:
      guard line[1].kind == .word else { return wrongValue(kind, hasErrors: &hasErrors) }
      // An activity as ITIL prints it, in several words (`deliver and support`, `design & transition`), is one
      // name: the checker reads it as it reads `deliver-and-support`.
      var last = 1
      while last + 1 < line.count, line[last + 1].kind == .word || text(line[last + 1]) == "&" { last += 1 }
      let name = WordSyntax(range: SourceRange(start: line[1].start, end: line[last].end))
      if line.count > last + 1 { return extraTokens(after: last, kind, hasErrors: &hasErrors, value: .word(name)) }
      return .word(name)
    case .handsOverTo, .fromStream, .runs:
      guard line[1].kind == .word else { return wrongValue(kind, hasErrors: &hasErrors) }
      let name = WordSyntax(range: line[1].range)
      if line.count > 2 { return extraTokens(after: 1, kind, hasErrors: &hasErrors, value: .word(name)) }
      return .word(name)
    case .practices:
      return parseList(kind, element: .word, hasErrors: &hasErrors)
    case .roles:
      return parseList(kind, element: .string, hasErrors: &hasErrors)
    case .time, .wait, .target:
      // `wait 4w planned`: a planned wait (a review booked weeks out) rather than a queue; the word after the
      // duration is read by ``isPlannedWait``. A target is one lead time, not a range.
      let rest = restRange(from: 1)
      let count = kind == .wait && isPlannedWait ? 3 : 2
      if line.count == count, line[1].kind == .word,
        kind == .target
          ? DurationText.isValid(bytes, line[1].start, line[1].end)
          : DurationText.isValidEstimate(bytes, line[1].start, line[1].end)
      {
        return .duration(DurationSyntax(range: line[1].range))
      }
      let written = file.text(rest)
      // `wait 3d planed`, `wait 2d Planned`: a good duration and the word `planned` misspelt.
      if kind == .wait, line.count == 3, line[1].kind == .word, line[2].kind == .word,
        DurationText.isValidEstimate(bytes, line[1].start, line[1].end),
        DurationText.meansPlanned(text(line[2]))
      {
        report(.misspeltPlanned(text(line[2]), at: line[2].range), at: line[2].range)
        hasErrors = true
        return .missing
      }
      // A planned wait written in pieces (`wait 1d 2h planned`) keeps its mark in the suggestion.
      let suggestion =
        kind == .wait && isPlannedWait == false && written.hasSuffix(" planned")
        ? DurationText.suggestion(for: String(written.dropLast(" planned".count))).map { $0 + " planned" }
        : DurationText.suggestion(for: written)
      // `time 30m extra`: a good duration with more after it, which the generic help would not point at (unless the
      // whole is one duration written in pieces, `1h 30m`, which the suggestion joins).
      if suggestion == nil, line.count > 2, line[1].kind == .word,
        kind == .target
          ? DurationText.isValid(bytes, line[1].start, line[1].end)
          : DurationText.isValidEstimate(bytes, line[1].start, line[1].end)
      {
        let extra = restRange(from: 2)
        report(.extraAfterDuration(Self.shorten(file.text(extra)), kind: kind, at: extra), at: extra)
        hasErrors = true
        return .missing
      }
      // `target 1d..2d`: a target is one lead time.
      if kind == .target, line.count == 2, line[1].kind == .word,
        DurationText.isValidEstimate(bytes, line[1].start, line[1].end)
      {
        report(.targetIsARange(Self.shorten(written)), at: rest)
        hasErrors = true
        return .missing
      }
      report(.invalidDuration(Self.shorten(written), kind: kind, suggestion: suggestion, at: rest), at: rest)
      hasErrors = true
      return .missing
    case .ca:
      let rest = restRange(from: 1)
      if line.count == 2, line[1].kind == .word, PercentText.parse(bytes, line[1].start, line[1].end) != nil {
        return .percentage(PercentageSyntax(range: line[1].range))
      }
      let written = file.text(rest)
      let suggestion = PercentText.suggestion(for: written)
      report(.invalidPercentage(Self.shorten(written), suggestion: suggestion, at: rest), at: rest)
      hasErrors = true
      return .missing
    case .note, .from, .for:
      let token = line[1]
      guard [.string, .blockString, .unterminatedString, .unterminatedBlockString].contains(token.kind) else {
        return wrongValue(kind, hasErrors: &hasErrors)
      }
      let value = AttributeValueSyntax.string(checkedString(token, hasErrors: &hasErrors))
      if line.count > 2 { return extraTokens(after: 1, kind, hasErrors: &hasErrors, value: value) }
      return value
    }
  }

  /// Whether the line is `wait DURATION planned`.
  var isPlannedWait: Bool { line.count == 3 && line[2].kind == .word && text(line[2]) == "planned" }

  mutating func wrongValue(_ kind: AttributeKind, hasErrors: inout Bool) -> AttributeValueSyntax {
    let rest = restRange(from: 1)
    let written = Self.shorten(file.text(rest))
    let expectsString = kind == .note || kind == .from || kind == .for || kind == .roles
    report(
      .wrongValue(kind, found: written, expectsString: expectsString, example: Self.exampleLine(kind)), at: rest)
    hasErrors = true
    return .missing
  }

  mutating func extraTokens(after index: Int, _ kind: AttributeKind, hasErrors: inout Bool, value: AttributeValueSyntax)
    -> AttributeValueSyntax
  {
    let rest = restRange(from: index + 1)
    report(.extraAfterValue(kind, found: describe(line[index + 1])), at: rest)
    hasErrors = true
    return value
  }

  enum ListElement { case word, string }

  /// `a, b, c`: items separated by commas, every item the same kind of token, appended to the tree's list elements.
  ///
  /// A list whose line ends with `,` goes on on the next line when that line starts with an item (specs/language.md
  /// §3.4), so a long list can be wrapped. `start` is the index of the first item (1 after the keyword; 0 on a line
  /// that continues a list).
  mutating func parseList(
    _ kind: AttributeKind, element: ListElement, hasErrors: inout Bool, from start: Int = 1
  ) -> AttributeValueSyntax {
    var span = SyntaxSpan(at: tree.listElements.count)
    var expectItem = true
    var reportedMissingComma = false
    var index = start
    // A quote without its partner among unquoted words (`roles "Agent, "Asset manager"`) shifts every string after
    // it: the missing commas, the unquoted words and the open string are that one slip, and any fix is a guess.
    if element == .string, start < line.count {
      let tokens = (start..<line.count).map { line[$0] }
      if let stray = tokens.first(where: { $0.kind == .unterminatedString }),
        tokens.contains(where: { $0.kind == .word })
      {
        report(.unpairedQuotes(kind == .practices ? "practice" : "role"), at: stray.range)
        hasErrors = true
        return .strings(span)
      }
    }
    let noun = kind == .practices ? "practice" : "role"
    while true {
      while index < line.count {
        let token = line[index]
        if expectItem {
          switch (token.kind, element) {
          case (.word, .word):
            // A practice as ITIL prints it, in several words (`information security management`), is one name: the
            // words up to the next comma are one element, which the checker reads as it reads the id (and tells
            // apart from names that lack their commas).
            var last = index
            while last + 1 < line.count, line[last + 1].kind == .word || text(line[last + 1]) == "&" { last += 1 }
            tree.listElements.append(SourceRange(start: token.start, end: line[last].end))
            span.count += 1
            index = last
          case (.string, .string), (.unterminatedString, .string):
            tree.listElements.append(checkedString(token, hasErrors: &hasErrors).range)
            span.count += 1
          case (.comma, _):
            // A run of commas is one mistake: one finding for the run.
            var last = index
            while last + 1 < line.count, line[last + 1].kind == .comma { last += 1 }
            report(
              .itemMissing(noun, commas: last - index + 1), at: SourceRange(start: token.start, end: line[last].end))
            hasErrors = true
            index = last + 1
            continue
          case (.word, .string):
            // A role written without its quotes (`roles Service desk agent`) is usually several words up to the next
            // comma: one finding for them all, whose fix quotes them together.
            var last = index
            while last + 1 < line.count, line[last + 1].kind == .word { last += 1 }
            let range = SourceRange(start: token.start, end: line[last].end)
            let written = file.text(range)
            report(.unquotedRole(Self.shorten(written), fix: written, at: range), at: range)
            hasErrors = true
            index = last
          default:
            report(.itemExpected(noun, found: describe(token), isPractice: element == .word), at: token.range)
            hasErrors = true
          }
          expectItem = false
        } else {
          if token.kind == .comma {
            expectItem = true
          } else {
            // Commas left out once are usually left out throughout the line: the first gap stands for all of them.
            if !reportedMissingComma {
              let previous = line[index - 1]
              report(
                .commaExpected(noun, between: Self.shorten(text(previous)), and: Self.shorten(text(token))),
                at: SourceRange(start: previous.end, end: token.start))
              reportedMissingComma = true
            }
            hasErrors = true
            expectItem = true
            continue
          }
        }
        index += 1
      }
      if expectItem, let last = line.last, last.kind == .comma {
        if nextLineStartsWithItem(element) {
          // Blank and comment-only lines between are read past (their comments are kept).
          while readLine(), line.isEmpty {}
          index = 0
          continue
        }
        report(.trailingComma(noun), at: last.range)
        hasErrors = true
      }
      break
    }
    return element == .word ? .words(span) : .strings(span)
  }

  /// Whether the next line that has a token starts with a list item: a word that is not a keyword (practices), or a
  /// string (roles). Looked at with a copy of the lexer, so nothing is read.
  func nextLineStartsWithItem(_ element: ListElement) -> Bool {
    var peek = lexer
    var token = peek.next()
    while token.kind == .newline || token.kind == .comment { token = peek.next() }
    switch (token.kind, element) {
    case (.word, .word): return Keyword.classify(bytes, token.start, token.end) == nil
    case (.string, .string): return true
    default: return false
    }
  }

  /// A line indented under a `practices` or `roles` line whose list did not end with `,`: the author wrapped the
  /// list and left out the comma. One finding at the end of the line above, with the comma as its fix, and the line
  /// is read as the rest of the list, so its items cause nothing more. False when the line is not such a line.
  mutating func continueListWithoutComma(_ list: OpenList) -> Bool {
    guard let first = line.first else { return false }
    let element: ListElement = tree.attributeList[list.attribute].kind == .practices ? .word : .string
    switch (first.kind, element) {
    case (.word, .word) where Keyword.classify(bytes, first.start, first.end) == nil: break
    case (.string, .string): break
    default: return false
    }
    guard indentation(of: first) > list.indentation else { return false }
    var attribute = tree.attributeList[list.attribute]
    let noun = attribute.kind == .practices ? "practice" : "role"
    report(
      .listWrappedWithoutComma(noun, at: SourceRange.empty(at: attribute.range.end)),
      at: SourceRange.empty(at: attribute.range.end))
    var hasErrors = true
    let more = parseList(attribute.kind, element: element, hasErrors: &hasErrors, from: 0)
    switch (attribute.value, more) {
    case (.words(var span), .words(let added)), (.strings(var span), .strings(let added)):
      // The items of the line above are the last ones appended, so the two runs are one.
      guard span.start + span.count == added.start else { break }
      span.count += added.count
      attribute.value = element == .word ? .words(span) : .strings(span)
    default: break
    }
    attribute.range = attribute.range.union(SourceRange(start: first.start, end: line.last!.end))
    attribute.hasErrors = true
    tree.attributeList[list.attribute] = attribute
    if var declaration = pending {
      declaration.range = declaration.range.union(attribute.range)
      declaration.hasErrors = true
      pending = declaration
    }
    openList = OpenList(attribute: list.attribute, indentation: list.indentation)
    return true
  }

  /// Columns of spaces and tabs before a token on its line.
  func indentation(of token: Token) -> Int {
    var start = Int(token.start)
    while start > 0, bytes[start - 1] == 0x20 || bytes[start - 1] == 0x09 { start -= 1 }
    return Int(token.start) - start
  }

  // MARK: - Flows

  mutating func parseFlow(_ kind: FlowKind, keyword: Token) {
    // Its nodes and arrows are the ones appended to the tree's lists until the flow is closed: flows do not nest.
    var flow = FlowSyntax(
      keywordRange: keyword.range, kind: kind, nodeSpan: SyntaxSpan(at: tree.flowNodeList.count),
      arrowSpan: SyntaxSpan(at: tree.flowArrowList.count), label: nil,
      range: SourceRange(start: keyword.start, end: line.last!.end), hasErrors: false)
    parseFlowTokens(&flow, from: 1, expectName: true)
    flushDeclaration()
    pendingFlow = flow
  }

  mutating func continueFlow() {
    if pendingFlow == nil, flowEndedByBlankLine, case .flow(let ended) = tree.items.last {
      // The blank lines between are the one mistake: said once (the fix removes them), and the line is read as the
      // continuation it was meant to be.
      tree.items.removeLast()
      let lastLineEnd = file.lineRange(file.line(of: ended.range.end)).end
      let blank = SourceRange(start: lastLineEnd, end: file.lineRange(file.line(of: line[0].start)).start)
      report(.blankLineInFlow(removing: blank), at: line[0].range)
      var reopened = ended
      reopened.hasErrors = true
      pendingFlow = reopened
    }
    flowEndedByBlankLine = false
    guard var flow = pendingFlow else {
      report(.nothingToContinue, at: line[0].range)
      markCurrentDeclarationBroken()
      return
    }
    if let label = flow.label, !flow.hasErrors {
      report(.labelBeforeTheEnd, at: label.range)
      flow.hasErrors = true
    }
    pendingFlow = nil
    flow.range = flow.range.union(SourceRange(start: line[0].start, end: line.last!.end))
    parseFlowTokens(&flow, from: 0, expectName: false)
    pendingFlow = flow
  }

  mutating func parseFlowTokens(_ flow: inout FlowSyntax, from start: Int, expectName startExpectingName: Bool) {
    var expectName = startExpectingName
    var index = start
    while index < line.count {
      let token = line[index]
      if expectName {
        // A share right after an arrow (`-> 30% b`): an identifier never starts with a digit.
        if token.kind == .word, index > 0, line[index - 1].kind == .arrow,
          PercentText.parse(bytes, token.start, token.end) != nil
        {
          tree.flowArrowShares[tree.flowArrowShares.count - 1] = token.range
          index += 1
          continue
        }
        switch token.kind {
        case .word:
          var hasErrors = false
          if let identifier = checkedIdentifier(token, hasErrors: &hasErrors) {
            tree.flowNodeList.append(identifier.range)
            flow.nodeSpan.count += 1
          }
          if hasErrors { flow.hasErrors = true }
        default:
          report(.nameExpected(found: describe(token)), at: token.range)
          flow.hasErrors = true
          return
        }
        expectName = false
      } else {
        // `-->` and `->>` reach here as `-` then `->`, or `->` then `>`: the arrow written another way that they are.
        if let joined = joinedLookAlike(at: index) {
          report(.arrowWrittenAnotherWay(file.text(joined), at: joined), at: joined)
          flow.hasErrors = true
          tree.flowArrowList.append(joined)
          tree.flowArrowShares.append(SourceRange.empty(at: joined.end))
          flow.arrowSpan.count += 1
          expectName = true
          index += 2
          continue
        }
        switch token.kind {
        case .arrow:
          tree.flowArrowList.append(token.range)
          tree.flowArrowShares.append(SourceRange.empty(at: token.end))
          flow.arrowSpan.count += 1
          expectName = true
        case .string, .unterminatedString:
          var hasErrors = false
          flow.label = checkedString(token, hasErrors: &hasErrors)
          if hasErrors { flow.hasErrors = true }
          if index + 1 < line.count {
            report(.extraAfterLabel(found: describe(line[index + 1])), at: restRange(from: index + 1))
            flow.hasErrors = true
          }
          return
        case .word where Self.arrowLookAlikes.contains(text(token)):
          // `=>`, `→`, `—>`: an arrow written another way. Said once, fixed, and read as the arrow it means, so the
          // rest of the line is still a flow.
          report(.arrowWrittenAnotherWay(text(token), at: token.range), at: token.range)
          flow.hasErrors = true
          tree.flowArrowList.append(token.range)
          tree.flowArrowShares.append(SourceRange.empty(at: token.end))
          flow.arrowSpan.count += 1
          expectName = true
        case .word:
          let previous = line[index - 1]
          report(
            .arrowExpected(between: text(previous), and: Self.shorten(text(token))),
            at: SourceRange(start: previous.end, end: token.start))
          flow.hasErrors = true
          return
        default:
          report(.arrowOrLabelExpected(found: describe(token)), at: token.range)
          flow.hasErrors = true
          return
        }
      }
      index += 1
    }
    let endsWithShare =
      line.count >= 2 && line[line.count - 2].kind == .arrow
      && tree.flowArrowShares.last == line[line.count - 1].range
    if expectName, let last = line.last, last.kind == .arrow || endsWithShare {
      // `flow a -> b ->` then `c -> d`: the chain was wrapped after the arrow. One finding whose fix moves the arrow
      // to the next line, which is then read as the continuation it is.
      if last.kind == .arrow, let next = nextLineStartsAChain() {
        var start = Int(last.start)
        while start > 0, [9, 32].contains(bytes[start - 1]) { start -= 1 }
        let lineStart = file.lineRange(file.line(of: next)).start
        report(
          .arrowAtTheEndOfTheLine(
            removing: SourceRange(start: UInt32(start), end: last.end),
            indenting: SourceRange(start: lineStart, end: next)),
          at: last.range)
        flow.hasErrors = true
        chainGoesOn = true
        return
      }
      report(.nameExpectedAfterArrow, at: SourceRange.empty(at: last.end))
      flow.hasErrors = true
    }
  }

  /// Where the next line that has a token starts, when it starts a chain (a name that is not a keyword, then `->`).
  func nextLineStartsAChain() -> UInt32? {
    var peek = lexer
    var token = peek.next()
    while token.kind == .newline || token.kind == .comment { token = peek.next() }
    guard token.kind == .word, Keyword.classify(bytes, token.start, token.end) == nil else { return nil }
    let name = token
    token = peek.next()
    return token.kind == .arrow ? name.start : nil
  }

  /// Ends the open flow, reporting one that never got an arrow.
  // The check is inlined into every line's parse (most lines have no open flow); closing one is not.
  @inline(__always)
  mutating func closeFlow() {
    if pendingFlow != nil { closeOpenFlow() }
  }

  mutating func closeOpenFlow() {
    guard var flow = pendingFlow else { return }
    pendingFlow = nil
    if flow.arrowSpan.isEmpty && !flow.hasErrors {
      report(.flowWithoutArrow, at: flow.range)
      flow.hasErrors = true
    }
    tree.items.append(.flow(flow))
  }

  // MARK: - Helpers

  /// Reports a finding whose wording is in the stage's catalogue (``SyntaxMessage``).
  mutating func report(_ message: SyntaxMessage, at range: SourceRange) {
    report(
      message.code, message.text, at: range, label: message.label, secondary: message.secondary, help: message.help,
      fixes: message.fixes)
  }

  mutating func report(
    _ code: DiagnosticCode, _ message: String, at range: SourceRange, label: String?,
    secondary: [Diagnostic.Label] = [],
    help: String?, fixes: [Diagnostic.Fix] = []
  ) {
    guard overflow.admits(kept: diagnostics.count, range: range, severity: .error) else { return }
    diagnostics.append(
      Diagnostic(
        code: code, severity: .error, message: message, range: range, label: label, secondary: secondary, help: help,
        fixes: fixes))
  }

  func text(_ token: Token) -> String { file.text(token.range) }

  func containsBackslash(_ range: SourceRange) -> Bool {
    for index in Int(range.start)..<Int(range.end) where bytes[index] == 0x5C { return true }
    return false
  }

  /// From token `index` to the end of the line's last token.
  func restRange(from index: Int) -> SourceRange {
    SourceRange(start: line[Swift.min(index, line.count - 1)].start, end: line.last!.end)
  }

  func describe(_ token: Token) -> String {
    switch token.kind {
    case .word: return "`\(Self.shorten(text(token)))`"
    case .string, .unterminatedString: return "a string"
    case .blockString, .unterminatedBlockString: return "a `\"\"\"` block"
    case .arrow: return "`->`"
    case .comma: return "`,`"
    case .comment: return "a comment"
    case .newline: return "the end of the line"
    case .endOfFile: return "the end of the file"
    }
  }

  /// The range of `-->` or `->>` when the tokens at `index` and after it spell one, touching; or of `- >`, an arrow
  /// with a blank in it.
  func joinedLookAlike(at index: Int) -> SourceRange? {
    guard index + 1 < line.count else { return nil }
    let (first, second) = (line[index], line[index + 1])
    let range = SourceRange(start: first.start, end: second.end)
    if text(first) == "-", text(second) == ">" { return range }
    guard first.end == second.start, first.kind == .arrow || second.kind == .arrow,
      Self.arrowLookAlikes.contains(text(first) + text(second))
    else { return nil }
    return range
  }

  /// Arrows written another way, each read as `->` with one finding that says so.
  static let arrowLookAlikes: Set<String> = ["=>", "→", "—>", "–>", "-->", "⇒", "⟶", "➔", "➜", "->>", "-)"]

  /// Keeps messages readable when the offending text is huge (a 5 MB line).
  static func shorten(_ text: String) -> String {
    guard text.utf8.count > 60 else { return text }
    return String(text.prefix(40)) + "…"
  }

  static func isIdentifier(_ bytes: UnsafeBufferPointer<UInt8>, _ start: UInt32, _ end: UInt32) -> Bool {
    guard start < end else { return false }
    let first = bytes[Int(start)]
    guard (first >= 0x41 && first <= 0x5A) || (first >= 0x61 && first <= 0x7A) else { return false }
    for index in Int(start + 1)..<Int(end) {
      let byte = bytes[index]
      let ok =
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
        || byte == 0x2D || byte == 0x5F
      if !ok { return false }
    }
    return true
  }

  /// A valid identifier close to what was written: spaces and punctuation become `-`, a leading digit gets a prefix.
  static func identifierSuggestion(_ written: String) -> String? {
    var out = ""
    for scalar in written.unicodeScalars {
      if scalar.isASCII,
        scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_"
      {
        out.unicodeScalars.append(scalar)
      } else if !out.isEmpty, out.last != "-" {
        out += "-"
      }
      if out.count > 60 { break }
    }
    while out.hasSuffix("-") { out.removeLast() }
    guard let first = out.unicodeScalars.first else { return nil }
    if !first.properties.isAlphabetic { out = "step-" + out }
    return out
  }

  static func exampleLine(_ kind: AttributeKind) -> String? {
    switch kind {
    case .activity: return "activity engage"
    case .practices: return "practices service-desk, incident-management"
    case .roles: return "roles \"Service desk agent\""
    case .time: return "time 5m"
    case .wait: return "wait 1h"
    case .target: return "target 4h"
    case .ca: return "ca 90%"
    case .note: return "note \"...\""
    case .from: return "from \"Retail customer\""
    case .for: return "for \"Retail customer\""
    case .handsOverTo: return "hands-over-to problem-management"
    case .fromStream: return "from-stream handle-major-incident"
    case .runs: return "runs make-standard-change"
    }
  }
}

extension String {
  func replacingQuotes() -> String {
    var out = ""
    for character in self { out += character == "\"" ? "\\\"" : String(character) }
    return out
  }
}

extension AttributeKind {
  /// A bit of its own for each kind, for a set of kinds in one word.
  var flag: UInt16 {
    switch self {
    case .activity: return 1 << 0
    case .practices: return 1 << 1
    case .roles: return 1 << 2
    case .time: return 1 << 3
    case .wait: return 1 << 4
    case .ca: return 1 << 5
    case .note: return 1 << 6
    case .from: return 1 << 7
    case .for: return 1 << 8
    case .handsOverTo: return 1 << 9
    case .fromStream: return 1 << 10
    case .target: return 1 << 11
    case .runs: return 1 << 12
    }
  }
}
