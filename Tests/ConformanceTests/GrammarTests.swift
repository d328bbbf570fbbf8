import Foundation
import TestSupport
import XCTest

/// Loads `grammar/vstream.tmLanguage.json` and tokenizes sample files with a small TextMate engine (match rules,
/// begin/end rules, captures, includes), checking that the tokens editors and GitHub colour get the right scopes.
final class GrammarTests: XCTestCase {
  struct Rule {
    var match: NSRegularExpression?
    var begin: NSRegularExpression?
    var end: String?
    var name: String?
    var contentName: String?
    var captures: [Int: String] = [:]
    var beginCaptures: [Int: String] = [:]
    var endCaptures: [Int: String] = [:]
    var patterns: [Any] = []
  }

  var repository: [String: Any] = [:]

  func loadGrammar(_ name: String) throws -> [String: Any] {
    let url = Repository.root.appendingPathComponent("grammar/\(name)")
    return try XCTUnwrap(
      try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any], "\(name) is not a JSON object")
  }

  func regex(_ pattern: String, line: Int) throws -> NSRegularExpression {
    // `\A` matches only at the start of the file, i.e. of the first line.
    let adjusted = pattern.replacingOccurrences(of: "\\A", with: line == 0 ? "^" : "(?!)")
    return try NSRegularExpression(pattern: adjusted)
  }

  func captures(_ object: Any?) -> [Int: String] {
    var result: [Int: String] = [:]
    for (key, value) in (object as? [String: Any]) ?? [:] {
      if let index = Int(key), let name = (value as? [String: Any])?["name"] as? String { result[index] = name }
    }
    return result
  }

  /// Flattens `include`s into concrete rules (external grammars such as source.yaml are left out).
  func rules(_ patterns: [Any], line: Int) throws -> [Rule] {
    var result: [Rule] = []
    for case let pattern as [String: Any] in patterns {
      if let include = pattern["include"] as? String {
        guard include.hasPrefix("#"), let target = repository[String(include.dropFirst())] as? [String: Any] else {
          continue
        }
        result += try rules([target], line: line)
        continue
      }
      if pattern["match"] == nil && pattern["begin"] == nil, let nested = pattern["patterns"] as? [Any] {
        result += try rules(nested, line: line)
        continue
      }
      var rule = Rule()
      rule.name = pattern["name"] as? String
      rule.contentName = pattern["contentName"] as? String
      if let match = pattern["match"] as? String { rule.match = try regex(match, line: line) }
      if let begin = pattern["begin"] as? String { rule.begin = try regex(begin, line: line) }
      rule.end = pattern["end"] as? String
      rule.captures = captures(pattern["captures"])
      rule.beginCaptures = captures(pattern["beginCaptures"] ?? pattern["captures"])
      rule.endCaptures = captures(pattern["endCaptures"] ?? pattern["captures"])
      rule.patterns = pattern["patterns"] as? [Any] ?? []
      result.append(rule)
    }
    return result
  }

  /// The scopes of every UTF-16 unit of every line.
  func tokenize(_ text: String, grammar: [String: Any]) throws -> [(line: String, scopes: [[String]])] {
    repository = grammar["repository"] as? [String: Any] ?? [:]
    let top = grammar["patterns"] as? [Any] ?? []
    var stack: [Rule] = []
    var output: [(String, [[String]])] = []
    for (index, line) in text.components(separatedBy: "\n").enumerated() {
      let string = line as NSString
      var scopes = [[String]](repeating: [], count: string.length)
      var position = 0
      var lastEmpty = -1
      func baseScopes() -> [String] { stack.flatMap { [$0.name, $0.contentName].compactMap { $0 } } }
      func paint(_ range: NSRange, _ extra: [String]) {
        for offset in range.location..<(range.location + range.length) where offset < scopes.count {
          scopes[offset] = baseScopes() + extra
        }
      }
      func paintCaptures(_ match: NSTextCheckingResult, _ names: [Int: String], base: [String]) {
        for (group, name) in names where group < match.numberOfRanges {
          let range = match.range(at: group)
          guard range.location != NSNotFound else { continue }
          for offset in range.location..<(range.location + range.length) where offset < scopes.count {
            scopes[offset] = base + [name]
          }
        }
      }
      while position <= string.length {
        let candidates = try rules(stack.last?.patterns ?? top, line: index)
        var best: (match: NSTextCheckingResult, rule: Rule?, isEnd: Bool)?
        if let end = stack.last?.end,
          let match = try regex(end, line: index).firstMatch(
            in: line, range: NSRange(location: position, length: string.length - position))
        {
          best = (match, nil, true)
        }
        for rule in candidates {
          guard let expression = rule.match ?? rule.begin,
            let match = expression.firstMatch(
              in: line, range: NSRange(location: position, length: string.length - position))
          else { continue }
          if match.range.length == 0 && match.range.location == lastEmpty { continue }
          if best == nil || match.range.location < best!.match.range.location { best = (match, rule, false) }
        }
        guard let found = best else {
          paint(NSRange(location: position, length: string.length - position), [])
          break
        }
        let range = found.match.range
        paint(NSRange(location: position, length: range.location - position), [])
        if found.isEnd {
          let rule = stack.removeLast()
          let base = baseScopes() + [rule.name].compactMap { $0 }
          paint(range, [rule.name].compactMap { $0 })
          paintCaptures(found.match, rule.endCaptures, base: base)
        } else if let rule = found.rule, rule.match != nil {
          paint(range, [rule.name].compactMap { $0 })
          paintCaptures(found.match, rule.captures, base: baseScopes() + [rule.name].compactMap { $0 })
        } else if let rule = found.rule {
          paint(range, [rule.name].compactMap { $0 })
          paintCaptures(found.match, rule.beginCaptures, base: baseScopes() + [rule.name].compactMap { $0 })
          stack.append(rule)
        }
        if range.length == 0 {
          lastEmpty = range.location
          if found.isEnd || found.rule?.begin != nil {
            position = range.location
          } else {
            position = range.location + 1
          }
        } else {
          position = range.location + range.length
          lastEmpty = -1
        }
        if position >= string.length && (stack.last?.end.map { $0 != "$" && !$0.hasSuffix("|$") } ?? true) { break }
      }
      output.append((line, scopes))
    }
    return output
  }

  func scopes(
    of token: String, onLineContaining marker: String, in lines: [(line: String, scopes: [[String]])],
    file: StaticString = #filePath, line: UInt = #line
  ) -> [String] {
    guard let entry = lines.first(where: { $0.line.contains(marker) }) else {
      XCTFail("no line contains \(marker)", file: file, line: line)
      return []
    }
    let text = entry.line as NSString
    let start = text.range(of: marker).location
    let range = text.range(of: token, options: [], range: NSRange(location: start, length: text.length - start))
    guard range.location != NSNotFound else {
      XCTFail("\(token) is not in \(marker)", file: file, line: line)
      return []
    }
    return entry.scopes[range.location]
  }

  func testScopesOfTheExamples() throws {
    let grammar = try loadGrammar("vstream.tmLanguage.json")
    XCTAssertEqual(grammar["scopeName"] as? String, "source.vstream")
    let restore = try String(
      contentsOf: Repository.root.appendingPathComponent("examples/restore-live-service.vstream"), encoding: .utf8)
    let lines = try tokenize(restore, grammar: grammar)
    let expectations: [(String, String, String)] = [
      ("owner", "owner: Incident manager", "meta.embedded.block.yaml"),
      ("stream", "stream restore-live-service", "keyword.other.declaration.vstream"),
      ("restore-live-service", "stream restore-live-service", "entity.name.type.vstream"),
      ("Restore a live service", "stream restore-live-service", "string.quoted.double.vstream"),
      ("step", "step triage", "keyword.other.declaration.vstream"),
      ("triage", "step triage", "entity.name.type.vstream"),
      ("activity", "activity engage", "keyword.other.attribute.vstream"),
      ("engage", "activity engage", "support.constant.activity.vstream"),
      ("practices", "practices service-desk, incident-management", "keyword.other.attribute.vstream"),
      ("incident-management", "practices service-desk, incident-management", "support.constant.practice.vstream"),
      (",", "practices service-desk, incident-management", "punctuation.separator.comma.vstream"),
      ("5m", "time 5m", "constant.numeric.duration.vstream"),
      ("2m", "wait 2m", "constant.numeric.duration.vstream"),
      ("90%", "ca 90%", "constant.numeric.percent.vstream"),
      ("Check the monitoring", "Check the monitoring", "string.quoted.triple.vstream"),
      ("main", "main outage -> triage", "keyword.other.declaration.flow.vstream"),
      ("->", "main outage -> triage", "keyword.operator.arrow.vstream"),
      ("triage", "main outage -> triage", "variable.other.node.vstream"),
      ("known error", "flow diagnose -> 20% confirm", "string.quoted.double.vstream"),
      ("flow", "flow diagnose -> 20% confirm", "keyword.other.declaration.flow.vstream"),
      ("20%", "flow diagnose -> 20% confirm", "constant.numeric.percent.vstream"),
      ("confirm", "flow diagnose -> 20% confirm", "variable.other.node.vstream"),
      ("# rework", "fix fails its tests", "comment.line.number-sign.vstream"),
      ("rework", "rework fix -> diagnose", "keyword.other.declaration.flow.vstream"),
      ("diagnose", "rework fix -> diagnose", "variable.other.node.vstream"),
      ("# ITIL 4", "# ITIL 4's incident value stream", "comment.line.number-sign.vstream"),
    ]
    for (token, marker, scope) in expectations {
      XCTAssertTrue(
        scopes(of: token, onLineContaining: marker, in: lines).contains(scope),
        "\(token) in `\(marker)` is not \(scope): \(scopes(of: token, onLineContaining: marker, in: lines))")
    }
    // The line after the front matter is not YAML any more.
    XCTAssertFalse(
      scopes(of: "stream", onLineContaining: "stream restore-live-service", in: lines).contains(
        "meta.embedded.block.yaml"))
  }

  func testDirectivesUnknownWordsAndEscapes() throws {
    let grammar = try loadGrammar("vstream.tmLanguage.json")
    let text = """
      # vstream: allow-file low-flow-efficiency -- waits are set by suppliers
      step a "Quote \\" and \\q"
        practices incident-managment, Change_Control
        activity obtain/build
        time 1h30m   # trailing
      """
    let lines = try tokenize(text, grammar: grammar)
    XCTAssertTrue(
      scopes(of: "allow-file", onLineContaining: "vstream:", in: lines).contains(
        "keyword.control.directive.allow.vstream"))
    XCTAssertTrue(
      scopes(of: "waits", onLineContaining: "vstream:", in: lines).contains("string.unquoted.reason.vstream"))
    XCTAssertTrue(
      scopes(of: "\\\"", onLineContaining: "step a", in: lines).contains("constant.character.escape.vstream"))
    XCTAssertTrue(scopes(of: "\\q", onLineContaining: "step a", in: lines).contains("invalid.illegal.escape.vstream"))
    XCTAssertTrue(
      scopes(of: "incident-managment", onLineContaining: "practices", in: lines).contains(
        "variable.other.practice.vstream"))
    XCTAssertTrue(
      scopes(of: "Change_Control", onLineContaining: "practices", in: lines).contains(
        "support.constant.practice.vstream"))
    XCTAssertTrue(
      scopes(of: "obtain/build", onLineContaining: "activity", in: lines).contains("support.constant.activity.vstream"))
    XCTAssertTrue(
      scopes(of: "1h30m", onLineContaining: "time", in: lines).contains("constant.numeric.duration.vstream"))
    XCTAssertTrue(
      scopes(of: "# trailing", onLineContaining: "time", in: lines).contains("comment.line.number-sign.vstream"))
  }

  func testMarkdownInjectionGrammarIsWellFormed() throws {
    let injection = try loadGrammar("markdown-vstream.injection.tmLanguage.json")
    XCTAssertEqual(injection["injectionSelector"] as? String, "L:text.html.markdown")
    let repository = try XCTUnwrap(injection["repository"] as? [String: Any])
    let block = try XCTUnwrap(repository["vstream-code-block"] as? [String: Any])
    let begin = try NSRegularExpression(
      pattern: (block["begin"] as? String ?? "").replacingOccurrences(of: "\\G", with: ""))
    for fence in ["```vstream", "~~~ vstream", "```VStream title=x"] {
      XCTAssertNotNil(
        begin.firstMatch(in: fence, range: NSRange(location: 0, length: (fence as NSString).length)), fence)
    }
    XCTAssertNil(begin.firstMatch(in: "```yaml", range: NSRange(location: 0, length: 7)))
    XCTAssertTrue(String(describing: block).contains("source.vstream"))
  }
}
