import Foundation
import TestSupport
import VStream
import VStreamModel
import VStreamSource
import VStreamSyntax
import XCTest

@testable import VStreamFormat

/// The properties of `specs/formatting.md` over every `.vstream` file in the repository and generated untidy streams.
final class FormatterPropertyTests: XCTestCase {
  /// Conformance cases, examples and the golden inputs.
  static func corpus() throws -> [SourceFile] {
    var files: [SourceFile] = []
    for folder in ["specs/cases", "examples", "Tests/VStreamFormatTests/Fixtures"] {
      let base = Repository.root.appendingPathComponent(folder)
      let enumerator = FileManager.default.enumerator(atPath: base.path)
      while let path = enumerator?.nextObject() as? String {
        guard path.hasSuffix(".vstream"), !path.hasSuffix(".formatted.vstream") else { continue }
        let bytes = [UInt8](try Data(contentsOf: base.appendingPathComponent(path)))
        files.append(SourceFile(path: folder + "/" + path, bytes: bytes))
      }
    }
    return files.sorted { $0.path < $1.path }
  }

  func testPropertiesOverEveryFileInTheRepository() throws {
    let corpus = try Self.corpus()
    XCTAssertGreaterThan(corpus.count, 60, "the corpus should hold the conformance cases and the examples")
    var formattedCount = 0
    for file in corpus where FormatProperties.formatted(file) != nil {
      formattedCount += 1
      FormatProperties.assertAll(file)
      FormatProperties.assertAll(file, options: FormatOptions(flowWidth: 24))
    }
    XCTAssertGreaterThan(formattedCount, 40, "most files parse and are formatted")
  }

  func testPropertiesOverGeneratedMessyStreams() throws {
    var streams = MessyStreams(seed: 2026)
    for index in 0..<400 {
      let file = SourceFile(path: "generated-\(index).vstream", text: streams.make())
      let errors = Compiler.parse(file).diagnostics.filter { $0.severity == .error }
      XCTAssertEqual(
        errors.map(\.message), [], "generated stream \(index) should parse:\n\(file.text(file.wholeRange))")
      guard errors.isEmpty else { continue }
      FormatProperties.assertAll(file)
      FormatProperties.assertAll(file, options: FormatOptions(flowWidth: 10 + index % 60))
    }
  }

  func testFilesWithSyntaxErrorsAreRefused() {
    let file = SourceFile(path: "x", text: "stream s\nstep a\n  time 5 minutes\n")
    guard case .syntaxErrors(let errors) = Compiler.format(file) else {
      return XCTFail("a file with errors must not be formatted")
    }
    XCTAssertEqual(errors.map(\.code), ["VS104"])
    XCTAssertTrue(errors.allSatisfy { $0.severity == .error })
  }

  func testWarningsDoNotStopFormatting() {
    // A file that parses cleanly but fails the checker is still formatted: fmt is about layout only.
    let file = SourceFile(path: "x", text: "step   a\n  activity   nonsense\n")
    guard case .formatted(let text) = Compiler.format(file) else { return XCTFail("should be formatted") }
    XCTAssertEqual(text, "step a\n  activity nonsense\n")
  }
}

/// The checks, shared by the corpus and the generated streams.
enum FormatProperties {
  static func formatted(_ file: SourceFile, options: FormatOptions = FormatOptions()) -> String? {
    if case .formatted(let text) = Compiler.format(file, options: options) { return text }
    return nil
  }

  static func assertAll(_ file: SourceFile, options: FormatOptions = FormatOptions(), line: UInt = #line) {
    guard let once = formatted(file, options: options) else {
      return XCTFail("\(file.path) should be formatted", line: line)
    }
    let result = SourceFile(path: file.path, text: once)
    let context =
      "\(file.path) (flow width \(options.flowWidth)):\n--- input\n\(file.text(file.wholeRange))\n--- output\n\(once)"
    XCTAssertEqual(
      Compiler.parse(result).diagnostics.filter { $0.severity == .error }.map(\.message), [],
      "the output does not parse: \(context)", line: line)
    XCTAssertEqual(formatted(result, options: options), once, "not idempotent: \(context)", line: line)
    // An older file whose loops of `flow` arrows `fmt` moves onto `rework` lines changes its arrows' kinds on purpose
    // (FormatterRuleTests checks how): what must hold is that no forward loop is left.
    let upgrades = !LoopUpgrade.backEdges(Compiler.parse(file).syntax, file: file).isEmpty
    if upgrades {
      XCTAssertEqual(
        findings(result).filter { $0.hasPrefix("VS322") }, [], "a forward loop is left: \(context)", line: line)
    } else {
      XCTAssertEqual(meaning(result), meaning(file), "the syntax tree changed: \(context)", line: line)
    }
    XCTAssertEqual(comments(result), comments(file), "a comment was lost or changed: \(context)", line: line)
    XCTAssertEqual(frontMatter(result), frontMatter(file), "the front matter changed: \(context)", line: line)
    // Alias notes are what the formatter fixes; every other finding stays.
    let aliasNotes: Set<String> = ["VS408", "VS409"]
    XCTAssertEqual(
      findings(result).filter { aliasNotes.contains(String($0.prefix(5))) }, [], "an alias is left: \(context)",
      line: line)
    if !upgrades {
      XCTAssertEqual(
        findings(result), findings(file).filter { !aliasNotes.contains(String($0.prefix(5))) },
        "the checker's findings changed: \(context)", line: line)
    }
    for problem in layoutProblems(result, newline: newline(of: file)) {
      XCTFail("\(problem): \(context)", line: line)
    }
  }

  /// The file's tree as JSON without positions, comments (compared on their own) or attribute order, with values
  /// compared the way the formatter normalises them.
  static func meaning(_ file: SourceFile) -> JSONValue {
    let syntax = Compiler.parse(file).syntax
    // Activities are normalised in the file's framework: `build` is an ITIL 4 alias and a Version 5 id.
    let framework = syntax.frontMatter?.root?["framework"]?.scalar.flatMap(Framework.named) ?? .itil4
    return normalize(syntax.json(in: file), framework: framework)
  }

  static func normalize(_ value: JSONValue, framework: Framework = .itil4) -> JSONValue {
    switch value {
    case .array(let items): return .array(items.map { normalize($0, framework: framework) })
    case .object(let members):
      var result: [(String, JSONValue)] = []
      let name: String? = members.first { $0.0 == "name" }.flatMap {
        if case .string(let text) = $0.1 { return text } else { return nil }
      }
      for (key, member) in members where key != "range" && key != "comments" {
        switch (key, member) {
        case ("value", _) where name != nil:
          result.append((key, normalizedAttributeValue(member, name: name!, framework: framework)))
        case ("attributes", .array(let attributes)), ("directives", .array(let attributes)):
          // Attribute order is the formatter's to choose (the directives above attributes move with them).
          result.append(
            (
              key,
              .array(
                attributes.map { normalize($0, framework: framework) }.sorted {
                  $0.rendered(pretty: false) < $1.rendered(pretty: false)
                })
            ))
        default: result.append((key, normalize(member, framework: framework)))
        }
      }
      return .object(result)
    default: return value
    }
  }

  static func normalizedAttributeValue(_ value: JSONValue, name: String, framework: Framework = .itil4) -> JSONValue {
    switch (name, value) {
    case ("time", .array(let parts)), ("wait", .array(let parts)):
      // Weeks and days as written; hours, minutes and seconds as one number of seconds.
      var weeksAndDays = ""
      var seconds: Int64 = 0
      for case .object(let members) in parts {
        let amount: Int64 =
          members.first { $0.0 == "amount" }.flatMap {
            if case .int(let number) = $0.1 { return number } else { return nil }
          } ?? -1
        let unit =
          members.first { $0.0 == "unit" }.flatMap {
            if case .string(let text) = $0.1 { return text } else { return nil }
          } ?? "?"
        switch unit {
        case "h": seconds += amount * 3_600
        case "m": seconds += amount * 60
        case "s": seconds += amount
        default: weeksAndDays += "\(amount)\(unit)"
        }
      }
      return .string("\(weeksAndDays)+\(seconds)s")
    case ("activity", .string(let word)): return .string(framework.resolve(word).entry?.id ?? word)
    case ("practices", .array(let words)):
      return .array(
        words.map {
          if case .string(let word) = $0 {
            return .string(PracticeCatalogue.itil.resolve(word).entry?.id ?? word)
          } else {
            return $0
          }
        })
    default: return normalize(value)
    }
  }

  /// Comment texts with trailing blanks trimmed, and whether each trails code: a multiset, as a sorted list.
  static func comments(_ file: SourceFile) -> [String] {
    Compiler.parse(file).syntax.comments.map { comment in
      var text = Substring(file.text(comment.range))
      while let last = text.unicodeScalars.last, [" ", "\t", "\r"].contains(last) { text.unicodeScalars.removeLast() }
      return (comment.isTrailing ? "trailing " : "own line ") + text
    }.sorted()
  }

  static func frontMatter(_ file: SourceFile) -> [UInt8]? {
    Compiler.parse(file).syntax.frontMatter.map { Array(file.bytes[Int($0.range.start)..<Int($0.range.end)]) }
  }

  /// What `vstream check` says, positions aside: formatting must not change a finding or a suppression.
  static func findings(_ file: SourceFile) -> [String] {
    Compiler.check(file).diagnostics.map { "\($0.code) \($0.severity) \($0.isSuppressed ? "suppressed" : "")" }.sorted()
  }

  static func newline(of file: SourceFile) -> String {
    guard let index = file.bytes.firstIndex(of: 0x0A) else { return "\n" }
    return index > 0 && file.bytes[index - 1] == 0x0D ? "\r\n" : "\n"
  }

  /// The layout rules that can be read off the output alone.
  static func layoutProblems(_ output: SourceFile, newline: String) -> [String] {
    var problems: [String] = []
    let syntax = Compiler.parse(output).syntax
    let text = output.text(output.wholeRange)
    if text.isEmpty || text == "\u{FEFF}" { return [] }
    if !text.hasSuffix(newline) || text.hasSuffix(newline + newline) {
      problems.append("the file must end with one line break")
    }
    // Lines inside the front matter and the content lines of blocks are kept as they are.
    var kept = Set<Int>()
    if let frontMatter = syntax.frontMatter {
      kept.formUnion(output.line(of: frontMatter.range.start)...output.line(of: frontMatter.range.end))
    }
    let blocks = syntax.declarations.flatMap { declaration -> [StringSyntax] in
      let values = syntax.attributes(of: declaration).compactMap { attribute -> StringSyntax? in
        if case .string(let string) = attribute.value { return string } else { return nil }
      }
      return (declaration.title.map { [$0] } ?? []) + values
    }.filter(\.isBlock)
    for block in blocks {
      let first = output.line(of: block.range.start)
      let last = output.line(of: block.range.end)
      if first + 1 < last { kept.formUnion((first + 1)..<last) }
    }
    var previousBlank = false
    for number in 1...output.lineCount {
      let range = output.lineRange(number)
      let line = number == 1 && syntax.hasByteOrderMark ? String(output.text(range).dropFirst()) : output.text(range)
      let end = Int(range.end)
      if end < output.bytes.count {
        let isCRLF = end + 1 < output.bytes.count && output.bytes[end] == 0x0D
        if isCRLF != (newline == "\r\n") && !kept.contains(number) {
          problems.append("line \(number) has the wrong line break")
        }
      }
      guard !kept.contains(number) else {
        previousBlank = false
        continue
      }
      if line.hasSuffix(" ") || line.hasSuffix("\t") { problems.append("line \(number) has trailing blanks") }
      if line.isEmpty {
        if previousBlank { problems.append("line \(number) is a second blank line") }
        if number == 1 && syntax.frontMatter == nil { problems.append("a blank line starts the file") }
      }
      previousBlank = line.isEmpty
      let indentation = line.prefix { $0 == " " || $0 == "\t" }
      if !["", "  ", "    "].contains(indentation) {
        problems.append("line \(number) has indentation `\(indentation)`")
      }
    }
    return problems
  }
}

extension SourceFile {
  var wholeRange: SourceRange { SourceRange(start: 0, end: UInt32(bytes.count)) }
}
