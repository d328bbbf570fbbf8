import VStream
import VStreamFormat
import VStreamSource
import VStreamSyntax
import XCTest

/// One test per rule of `specs/formatting.md`, on small inputs with their exact output.
final class FormatterRuleTests: XCTestCase {
  func format(
    _ text: String, flowWidth: Int = 100, daysAsWorkingDays: Bool = false, file: StaticString = #filePath,
    line: UInt = #line
  ) -> String {
    let source = SourceFile(path: "test.vstream", text: text)
    let (syntax, diagnostics) = Parser.parse(source)
    XCTAssertEqual(diagnostics.filter { $0.severity == .error }.map(\.message), [], file: file, line: line)
    return VStreamFormat.Formatter.format(
      source, syntax: syntax, options: FormatOptions(flowWidth: flowWidth, daysAsWorkingDays: daysAsWorkingDays))
  }

  /// An older file's loops of `flow` arrows: each arrow that closed a loop in a depth-first walk from the demand in
  /// written order moves onto a `rework` line, a chain cut around it, the label on every piece; `rework` and `main`
  /// lines are written as they are, so a second run changes nothing.
  func testLoopsOfFlowArrowsBecomeReworkLines() {
    let declarations = "demand d\nstep a\nstep b\nstep c\nvalue v\n"
    XCTAssertEqual(
      format(declarations + "flow d -> a -> b -> a -> c -> v \"x\"\nflow c -> c\n"),
      declarations + "flow d -> a -> b \"x\"\nrework b -> a \"x\"\nflow a -> c -> v \"x\"\nrework c -> c\n")
    XCTAssertEqual(
      format(declarations + "flow d -> a -> b -> v\nflow b -> a\n"),
      declarations + "flow d -> a -> b -> v\nrework b -> a\n")
    let upgraded = declarations + "main d -> a -> b -> v\nrework b -> a\nflow a -> c -> v\n"
    XCTAssertEqual(format(upgraded), upgraded)
    // Written order decides, as it did: here the walk reaches b first from a, so c -> b is not the one that closes.
    XCTAssertEqual(
      format(declarations + "flow d -> a -> c -> b -> v\nflow b -> c\n"),
      declarations + "flow d -> a -> c -> b -> v\nrework b -> c\n")
  }

  /// A share after an arrow is written canonically, one space on each side, on continuation lines too.
  func testSharesFollowTheirArrow() {
    XCTAssertEqual(
      format("flow d ->  30.50%   a -> v\nrework a ->25% d\n"), "flow d -> 30.5% a -> v\nrework a -> 25% d\n")
    XCTAssertEqual(format("flow d -> 30% a -> 40% bb", flowWidth: 16), "flow d -> 30% a\n  -> 40% bb\n")
  }

  func testDeclarationsAndAttributesAreIndentedAndSpaced() {
    XCTAssertEqual(
      format("  step\t  triage    \"Log it\"\n\tactivity    engage\n        time 5m\n"),
      "step triage \"Log it\"\n  activity engage\n  time 5m\n")
  }

  func testAttributesTakeTheCanonicalOrder() {
    XCTAssertEqual(
      format(
        "step a\n  note \"n\"\n  ca 90%\n  wait 1m\n  time 2m\n  roles \"r\"\n  practices service-desk\n  activity engage\n"
      ),
      "step a\n  activity engage\n  practices service-desk\n  roles \"r\"\n  time 2m\n  wait 1m\n  ca 90%\n  note \"n\"\n"
    )
    XCTAssertEqual(format("demand d\n  note \"n\"\n  from \"f\"\n"), "demand d\n  from \"f\"\n  note \"n\"\n")
    XCTAssertEqual(format("value v\n  note \"n\"\n  for \"f\"\n"), "value v\n  for \"f\"\n  note \"n\"\n")
  }

  func testDurationsCarryHoursMinutesAndSecondsOnly() {
    let cases = [
      ("90m", "1h30m"), ("1h90m", "2h30m"), ("3600s", "1h"), ("0m", "0s"), ("0s", "0s"), ("61s", "1m1s"),
      ("25h", "25h"), ("2d0h", "2d"), ("0w0d0h", "0w0d"), ("1w2d3h4m5s", "1w2d3h4m5s"), ("1d1h61m", "1d2h1m"),
      ("1000000000s", "277777h46m40s"), ("120m", "2h"),
    ]
    for (written, canonical) in cases {
      XCTAssertEqual(format("step a\n  time \(written)\n"), "step a\n  time \(canonical)\n", written)
    }
  }

  func testWorkingUnitsAreKeptAndLegacyDaysBecomeWorkingDays() {
    for (written, canonical) in [
      ("1ww2wd90m", "1ww2wd1h30m"), ("3wd", "3wd"), ("1w1d", "1w1d"), ("90m..2h", "1h30m..2h"),
      ("60m..90m..3h", "1h..1h30m..3h"),
    ] {
      XCTAssertEqual(format("step a\n  wait \(written)\n"), "step a\n  wait \(canonical)\n", written)
    }
    // Under the legacy `hours-per-day` setting `d` and `w` are the working day and week: the same figures.
    for (written, canonical) in [("1w2d3h", "1ww2wd3h"), ("2d", "2wd"), ("1ww", "1ww"), ("90m", "1h30m")] {
      XCTAssertEqual(
        format("step a\n  time \(written)\n", daysAsWorkingDays: true), "step a\n  time \(canonical)\n", written)
    }
  }

  func testPercentagesLoseSuperfluousZeros() {
    for (written, canonical) in [
      ("090%", "90%"), ("90.50%", "90.5%"), ("100.00%", "100%"), ("00.05%", "0.05%"), ("7%", "7%"),
    ] {
      XCTAssertEqual(format("step a\n  ca \(written)\n"), "step a\n  ca \(canonical)\n", written)
    }
  }

  func testActivityAndPracticeNamesBecomeCanonicalIds() {
    XCTAssertEqual(
      format("step a\n  activity Obtain/Build\n  practices Change_Control,service-desk ,  mystery-practice\n"),
      "step a\n  activity obtain-build\n  practices change-enablement, service-desk, mystery-practice\n")
    for (written, canonical) in [
      ("design-transition", "design-and-transition"), ("BUILD", "obtain-build"), ("odd-word", "odd-word"),
    ] {
      XCTAssertEqual(format("step a\n  activity \(written)\n"), "step a\n  activity \(canonical)\n", written)
    }
  }

  func testStringsAreReEscaped() {
    // `\\` then `"`: the title ends with an escaped backslash, and stays so.
    XCTAssertEqual(format("stream s \"a\\\\\"\n"), "stream s \"a\\\\\"\n")
    XCTAssertEqual(
      format("demand d\n  from \"tab\there \\\"q\\\" \\n\"\n"), "demand d\n  from \"tab\\there \\\"q\\\" \\n\"\n")
    XCTAssertEqual(format("step a\n  roles \"x\",\"y\" ,\t\"z\"\n"), "step a\n  roles \"x\", \"y\", \"z\"\n")
  }

  func testBlocksAreReIndentedToFourSpaces() {
    let input =
      "step a\n  note \"\"\"\n        first\n          indented\n\n        \\\\ and \\\"\"\" and \t\n        \"\"\"\n"
    XCTAssertEqual(
      format(input),
      "step a\n  note \"\"\"\n    first\n      indented\n\n    \\\\ and \\\"\\\"\\\" and \\t\n    \"\"\"\n")
    XCTAssertEqual(format("step a\n  note \"\"\"inline\"\"\"\n"), "step a\n  note \"\"\"\n    inline\n    \"\"\"\n")
    XCTAssertEqual(format("step a\n  note \"\"\"\n  \"\"\"\n"), "step a\n  note \"\"\"\n    \"\"\"\n")
    XCTAssertEqual(
      format("stream s \"\"\"\n  Two\n  lines\n  \"\"\"  # c\n"),
      "stream s \"\"\"\n    Two\n    lines\n    \"\"\"  # c\n")
  }

  func testABlockLineEndingInACarriageReturnBecomesAOneLineString() {
    // A raw CR before the line break would be read back as part of a CRLF break, so no block can hold it.
    XCTAssertEqual(format("step a\n  note \"\"\"\n  x\r\r\n  \"\"\"\n"), "step a\n  note \"x\r\"\n")
  }

  func testOwnLineCommentsMoveWithTheAttributeBelowThem() {
    XCTAssertEqual(
      format(
        "step a  # on the step\n  # about time\n  time 5m  # five\n\n  # about the activity\n\n  activity engage\n# after\nstep b\n"
      ),
      "step a  # on the step\n  # about the activity\n  activity engage\n  # about time\n  time 5m  # five\n\n# after\nstep b\n"
    )
  }

  func testTrailingCommentsFollowTheirLineAfterTwoSpaces() {
    XCTAssertEqual(format("stream s\t#a   \nflow a->b   # b\t\n"), "stream s  #a\nflow a -> b  # b\n")
  }

  func testBlankLines() {
    // Kept (as one) between items where the source has any; none added, except after a declaration with
    // attributes and before the next declaration (and its comments); none inside a declaration or at the ends.
    XCTAssertEqual(
      format(
        "\n\n# top\n\n\n\nstream s\ndemand d\n  from \"x\"\n# on step\nstep a\n\n\n  time 1m\nflow d -> a\nflow a -> d\n\n\n"
      ),
      "# top\n\nstream s\ndemand d\n  from \"x\"\n\n# on step\nstep a\n  time 1m\nflow d -> a\nflow a -> d\n")
  }

  func testACommentStaysDirectlyAboveItsDeclarationWhereABlankLineIsAdded() {
    XCTAssertEqual(
      format("stream s\ndemand d\nstep a\n  activity engage\n# about b\nstep b\n  activity engage\nvalue v\n"),
      "stream s\ndemand d\nstep a\n  activity engage\n\n# about b\nstep b\n  activity engage\n\nvalue v\n")
  }

  func testFrontMatterIsKeptByteForByte() {
    let frontMatter = "---  \ntitle:   Odd    spacing   # yaml comment\r\ntags: [ a,b ]\n---"
    XCTAssertEqual(format(frontMatter + "\n\n\nstream   s\n"), frontMatter + "\n\nstream s\n")
    XCTAssertEqual(format(frontMatter + "\t\nstream s\n"), frontMatter + "\nstream s\n")
    XCTAssertEqual(format(frontMatter + "\n"), frontMatter + "\n")
  }

  func testLineEndingsFollowTheFirstLineBreak() {
    XCTAssertEqual(format("stream s\r\ndemand d\n  from \"x\"\r\n"), "stream s\r\ndemand d\r\n  from \"x\"\r\n")
    XCTAssertEqual(format("stream s\ndemand d\r\n"), "stream s\ndemand d\n")
    XCTAssertEqual(format("stream s"), "stream s\n")
  }

  func testByteOrderMarkIsKept() {
    XCTAssertEqual(format("\u{FEFF}\n\nstream s\n"), "\u{FEFF}stream s\n")
    XCTAssertEqual(format("\u{FEFF}"), "\u{FEFF}")
  }

  func testEmptyAndCommentOnlyFiles() {
    XCTAssertEqual(format(""), "")
    XCTAssertEqual(format("\n \n\t\n"), "")
    XCTAssertEqual(format("\n# one  \n\n\n# two\n\n"), "# one\n\n# two\n")
  }

  func testFlowsAreSpacedAndWrappedGreedily() {
    XCTAssertEqual(format("flow a->b  ->c\t\"label\""), "flow a -> b -> c \"label\"\n")
    // Width 16: `flow a -> bb` is 12 columns, adding ` -> ccc` would make 19.
    XCTAssertEqual(
      format("flow a -> bb -> ccc -> d -> eeeeeeeeeeeeeeeeeeee -> f \"l\"  # t\n", flowWidth: 16),
      "flow a -> bb\n  -> ccc -> d\n  -> eeeeeeeeeeeeeeeeeeee\n  -> f \"l\"  # t\n")
    // A continued flow that fits is joined onto one line.
    XCTAssertEqual(format("flow a\n  -> b\n->c \"l\"\n"), "flow a -> b -> c \"l\"\n")
  }

  func testFlowsWithCommentsInsideKeepTheirLines() {
    XCTAssertEqual(
      format("flow a ->b  # first\n# between\n    -> c->d \"l\"\n"),
      "flow a -> b  # first\n  # between\n  -> c -> d \"l\"\n")
  }

  func testDirectiveCommentsAreOrdinaryComments() {
    XCTAssertEqual(
      format("# vstream: allow-file no-practices -- legacy\nstep a   # vstream: allow no-roles -- x\n"),
      "# vstream: allow-file no-practices -- legacy\nstep a  # vstream: allow no-roles -- x\n")
  }

  /// A list longer than the width wraps after a comma, the rest indented four spaces; a wrapped list that fits is
  /// joined; a second run changes nothing.
  func testListsWrapAtTheWidth() {
    let step = "step a\n  practices service-desk, incident-management, problem-management\n  roles \"A\", \"B\"\n"
    let wrapped =
      "step a\n  practices service-desk, incident-management,\n    problem-management\n  roles \"A\", \"B\"\n"
    XCTAssertEqual(format(step, flowWidth: 50), wrapped)
    XCTAssertEqual(format(wrapped, flowWidth: 50), wrapped)
    XCTAssertEqual(format(wrapped), step)
    let commented = "step a\n  practices service-desk,   # first\n       incident-management\n"
    XCTAssertEqual(format(commented), "step a\n  practices service-desk,  # first\n    incident-management\n")
  }

}
