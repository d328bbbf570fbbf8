import VStreamSource
import VStreamSyntax
import XCTest

final class ParserTests: XCTestCase {
  func parse(_ text: String) -> (FileSyntax, [Diagnostic], SourceFile) {
    let file = SourceFile(path: "t.vstream", text: text)
    let (tree, diagnostics) = Parser.parse(file)
    return (tree, diagnostics, file)
  }

  func testDeclarationsAttributesAndFlows() throws {
    let (tree, diagnostics, file) = parse(
      """
      stream s "S"
      demand d "D"
        from "customer"
      step a "A"   # trailing
        activity obtain/build
        practices service-desk, change-control
        roles "Agent", "Lead"
        time 1h30m
        wait 2d
        ca 92.5%
      value v
      flow d -> a
        -> v "ok"
      """)
    XCTAssertEqual(diagnostics, [])
    XCTAssertEqual(tree.declarations.map(\.kind), [.stream, .demand, .step, .value])
    let step = tree.declarations[2]
    XCTAssertEqual(step.identifier?.text(in: file), "a")
    XCTAssertEqual(step.title?.value(in: file), "A")
    XCTAssertEqual(tree.attributes(of: step).map(\.kind), [.activity, .practices, .roles, .time, .wait, .ca])
    guard case .duration(let time) = try XCTUnwrap(tree.attribute(.time, of: step)).value else {
      return XCTFail("time")
    }
    XCTAssertEqual(time.parts(in: file), [.init(amount: 1, unit: .h), .init(amount: 30, unit: .m)])
    guard case .percentage(let ca) = try XCTUnwrap(tree.attribute(.ca, of: step)).value else { return XCTFail("ca") }
    XCTAssertEqual(ca.hundredths(in: file), 9250)
    guard case .words(let practices) = try XCTUnwrap(tree.attribute(.practices, of: step)).value else {
      return XCTFail("practices")
    }
    XCTAssertEqual(tree.words(practices).map { $0.text(in: file) }, ["service-desk", "change-control"])
    guard case .strings(let roles) = try XCTUnwrap(tree.attribute(.roles, of: step)).value else {
      return XCTFail("roles")
    }
    XCTAssertEqual(tree.strings(roles).map { $0.value(in: file) }, ["Agent", "Lead"])
    let flow = try XCTUnwrap(tree.flows.first)
    XCTAssertEqual(tree.nodes(of: flow).map { $0.text(in: file) }, ["d", "a", "v"])
    XCTAssertEqual(tree.arrows(of: flow).map { file.text($0) }, ["->", "->"])
    XCTAssertEqual(flow.label?.value(in: file), "ok")
    XCTAssertEqual(tree.comments.map(\.isTrailing), [true])
  }

  func testRunsNamesAStreamOnAStepOnly() throws {
    let (tree, diagnostics, file) = parse(
      """
      stream s "S"
      demand d "D"
        runs other
      step a "A"
        activity engage
        runs make-standard-change
        wait 1d
      step b "B"
        runs one two
      step c "C"
        runs
      value v
        runs other
      """)
    XCTAssertEqual(diagnostics.map(\.code), ["VS110", "VS108", "VS112", "VS110"])
    XCTAssertEqual(diagnostics.map { file.location(of: $0.range.start).line }, [3, 9, 11, 13])
    let step = tree.declarations[2]
    XCTAssertEqual(tree.attributes(of: step).map(\.kind), [.activity, .runs, .wait])
    guard case .word(let called) = try XCTUnwrap(tree.attribute(.runs, of: step)).value else {
      return XCTFail("runs")
    }
    XCTAssertEqual(called.text(in: file), "make-standard-change")
    XCTAssertEqual(file.text(try XCTUnwrap(tree.attribute(.runs, of: step)).keywordRange), "runs")
  }

  func testWorkingAndCalendarUnitsAreRead() throws {
    let valid: [(String, [DurationSyntax.Part])] = [
      ("1ww2wd3h", [.init(amount: 1, unit: .ww), .init(amount: 2, unit: .wd), .init(amount: 3, unit: .h)]),
      ("3wd", [.init(amount: 3, unit: .wd)]), ("1w2d", [.init(amount: 1, unit: .w), .init(amount: 2, unit: .d)]),
      // A mix parses (the checker reports it, VS335, with a fix in hours).
      ("1w2wd", [.init(amount: 1, unit: .w), .init(amount: 2, unit: .wd)]),
    ]
    for (written, parts) in valid {
      let (tree, diagnostics, file) = parse("step a\n  time \(written)\n")
      XCTAssertEqual(diagnostics, [], written)
      guard case .duration(let time) = try XCTUnwrap(tree.attribute(.time, of: tree.declarations[0])).value else {
        return XCTFail(written)
      }
      XCTAssertEqual(time.parts(in: file), parts, written)
    }
    for written in ["1wd1d", "1ww1w", "1dw", "1wx", "2wdd", "wd", "1www"] {
      XCTAssertEqual(parse("step a\n  time \(written)\n").1.map(\.code.rawValue), ["VS104"], written)
    }
    for written in ["1h..4h", "1h..2h..4h", "1wd..1ww", "4h..1h"] {
      let (tree, diagnostics, file) = parse("step a\n  wait \(written)\n")
      XCTAssertEqual(diagnostics, [], "a range parses (its order is the checker's): \(written)")
      guard case .duration(let wait) = try XCTUnwrap(tree.attribute(.wait, of: tree.declarations[0])).value else {
        return XCTFail(written)
      }
      XCTAssertEqual(wait.estimates(in: file).map { file.text($0.range) }, written.components(separatedBy: ".."))
      XCTAssertTrue(wait.isRange(in: file))
    }
    for written in ["1h..", "..1h", "1h...2h", "1h..2h..3h..4h", "1h.2h", "1h..x"] {
      XCTAssertEqual(parse("step a\n  wait \(written)\n").1.map(\.code.rawValue), ["VS104"], written)
    }
    let suggested = parse("step a\n  time 3 working-days\n").1.first?.fixes.first?.edits.first?.replacement
    XCTAssertEqual(suggested, "3wd")
  }

  func testBlockStringsAreDedentedByTheClosingDelimiter() {
    let (tree, diagnostics, file) = parse("stream s\n  note \"\"\"\n    one \\\"two\\\"\n      indented\n    \"\"\"\n")
    XCTAssertEqual(diagnostics, [])
    guard case .string(let note) = tree.attribute(.note, of: tree.declarations[0])!.value else { return XCTFail() }
    XCTAssertEqual(note.value(in: file), "one \"two\"\n  indented")
  }

  func testABackslashBeforeTheClosingQuoteIsAnEscapedBackslash() {
    let (tree, diagnostics, file) = parse("stream s \"a\\\\\"\ndemand d \"b\\\\\\\"c\"\n")
    XCTAssertEqual(diagnostics, [])
    XCTAssertEqual(tree.declarations[0].title?.value(in: file), "a\\", "`\"a\\\\\"` ends with one backslash")
    XCTAssertEqual(tree.declarations[1].title?.value(in: file), "b\\\"c")
  }

  func testOneDiagnosticPerBrokenLineAndParsingResumes() {
    let (tree, diagnostics, _) = parse("stpe a\nstep b\n  tiem 5m\n  activity engage\nvalue c\n")
    XCTAssertEqual(diagnostics.map(\.code), ["VS101", "VS101"])
    XCTAssertEqual(
      tree.declarations.map(\.kind), [.step, .step, .value], "`stpe a` is recovered as the step it resembles")
    XCTAssertTrue(tree.declarations[0].hasErrors, "the recovered declaration is marked broken")
    XCTAssertTrue(tree.declarations[1].hasErrors, "a broken line inside a step marks the step")
    XCTAssertEqual(tree.attributes(of: tree.declarations[1]).map(\.kind), [.activity])
  }

  func testDirectivesAreParsed() {
    let (tree, _, file) = parse(
      "# vstream: allow-file no-practices, VS402 -- legacy stream\nstep a  # vstream: allow no-metrics\n")
    XCTAssertEqual(tree.directives.count, 2)
    XCTAssertEqual(tree.directives[0].kind, .allowFile)
    XCTAssertEqual(tree.directives[0].rules.map { $0.text(in: file) }, ["no-practices", "VS402"])
    XCTAssertEqual(tree.directives[0].reasonRange.map { file.text($0) }, "legacy stream")
    XCTAssertEqual(tree.directives[1].kind, .allow)
    XCTAssertNil(tree.directives[1].reasonRange)
    XCTAssertTrue(tree.directives[1].isTrailing)
  }

  func testDiagnosticPositionsAreExact() {
    let (_, diagnostics, file) = parse("stream s\nstep a\n  time 5 minutes\n")
    let location = file.location(of: diagnostics[0].range.start)
    XCTAssertEqual([location.line, location.column], [3, 8])
    XCTAssertEqual(file.text(diagnostics[0].range), "5 minutes")
    XCTAssertEqual(diagnostics[0].help, "write `time 5m`")
  }

  func testHugeLineWithManyTokensCostsOneDiagnostic() {
    let line = "step a " + String(repeating: "x ", count: 200_000)
    let (tree, diagnostics, _) = parse(line)
    XCTAssertEqual(diagnostics.map(\.code), ["VS116"])
    XCTAssertEqual(tree.declarations.count, 1)
  }

  func testFiveMegabyteLineInAStringParses() {
    let (_, diagnostics, file) = parse("stream s \"" + String(repeating: "é", count: 2_500_000) + "\"\n")
    XCTAssertEqual(diagnostics, [])
    XCTAssertGreaterThan(file.bytes.count, 5_000_000)
  }

  func testAnyBytesGiveATreeAndNoCrash() {
    var generator = SystemRandomNumberGenerator()
    for length in [0, 1, 2, 3, 17, 256, 4096] {
      for _ in 0..<20 {
        let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let (_, diagnostics) = Parser.parse(SourceFile(path: "r", bytes: bytes))
        XCTAssertTrue(diagnostics.allSatisfy { $0.range.end <= UInt32(bytes.count) }, "ranges stay inside the file")
      }
    }
    // Text made of the language's own pieces in random order exercises recovery rather than the encoding check.
    let pieces = [
      "step", "flow", "->", "\"", "\"\"\"", ",", "#", "\n", " ", "a", "5m", "90%", "activity", "---", "\\", "\r\n",
      "\t",
    ]
    for _ in 0..<500 {
      let text = (0..<40).map { _ in pieces.randomElement(using: &generator)! }.joined()
      let (_, diagnostics) = Parser.parse(SourceFile(path: "r", text: text))
      XCTAssertTrue(diagnostics.allSatisfy { $0.range.end <= UInt32(text.utf8.count) }, text)
    }
  }

  /// A list that ends a line with `,` goes on on the next line that has a token, when that line starts with an item;
  /// an indented line of items under a list without the `,` is one finding whose fix is the comma.
  func testWrappedLists() throws {
    let (tree, diagnostics, file) = parse(
      "step a\n  practices service-desk,\n    incident-management,  # why\n\n    problem-management\n"
        + "  roles \"Agent\",\n        \"Lead\"\n  time 1h\n")
    XCTAssertEqual(diagnostics, [])
    let step = tree.declarations[0]
    XCTAssertEqual(tree.attributes(of: step).map(\.kind), [.practices, .roles, .time])
    guard case .words(let practices) = try XCTUnwrap(tree.attribute(.practices, of: step)).value else {
      return XCTFail("practices")
    }
    XCTAssertEqual(
      tree.words(practices).map { $0.text(in: file) }, ["service-desk", "incident-management", "problem-management"])
    XCTAssertEqual(file.line(of: try XCTUnwrap(tree.attribute(.practices, of: step)).range.end), 5)
    guard case .strings(let roles) = try XCTUnwrap(tree.attribute(.roles, of: step)).value else {
      return XCTFail("roles")
    }
    XCTAssertEqual(tree.strings(roles).map { $0.value(in: file) }, ["Agent", "Lead"])
    XCTAssertEqual(tree.comments.count, 1)

    let (_, missing, missingFile) = parse(
      "step a\n  practices service-desk\n    incident-management, problem-management\n  time 1h\n")
    XCTAssertEqual(missing.map(\.code), ["VS115"])
    XCTAssertEqual(missing.first.map { missingFile.location(of: $0.range.start) }?.line, 2)
    XCTAssertEqual(missing.first?.fixes.first?.edits.map(\.replacement), [","])
    XCTAssertEqual(missing.first?.fixes.first?.safety, .safe)

    // Not a continuation: a keyword after the comma, or a line at the keyword's own indentation.
    XCTAssertEqual(
      parse("step a\n  practices service-desk,\n  time 1h\n").1.map(\.message),
      ["a trailing `,` after the last practice"])
    XCTAssertEqual(parse("step a\n  practices service-desk\n  incident-management\n").1.map(\.code), ["VS101"])
  }

}

final class DeclarationKindTests: XCTestCase {
  /// `allows` (used on every attribute line) and `allowedAttributes` (the formatter's order) say the same thing.
  func testAllowsAgreesWithAllowedAttributes() {
    for kind in DeclarationKind.allCases {
      for attribute in AttributeKind.allCases {
        XCTAssertEqual(kind.allows(attribute), kind.allowedAttributes.contains(attribute), "\(kind) \(attribute)")
      }
    }
  }
}
