import VStream
import VStreamDiff
import VStreamModel
import VStreamSource
import XCTest

/// The comparison on small streams whose figures are worked out by hand.
final class StreamDiffTests: XCTestCase {
  /// demand -> a (wait 1h, time 1h, 90%) -> b (wait 2h, time 1h, 80%) -> value: lead 5h, process 2h, 40%, 72%.
  static let current = """
    stream s "Small"

    demand d "Need"
    step a "First"
      activity engage
      practices service-desk
      time 1h
      wait 1h
      ca 90%
    step b "Second"
      activity deliver-and-support
      practices incident-management
      time 1h
      wait 2h
      ca 80%
    value v "Done"

    flow d -> a -> b -> v

    """

  func snapshot(_ text: String, path: String = "s.vstream") throws -> StreamSnapshot {
    let result = Compiler.check(SourceFile(path: path, text: text))
    let stream = try XCTUnwrap(result.stream, "\(result.diagnostics)")
    return StreamSnapshot(path: path, id: stream.id, stream: stream)
  }

  func figure(_ diff: StreamDiff, _ figure: FigureChange.Figure, _ path: FigureChange.Path = .main) -> FigureChange {
    diff.figures.first { $0.figure == figure && $0.path == path }!
  }

  /// A stream held to its P85 gets a P85 row (simulated as `check` does); a changed target is reported as such;
  /// a stream with no P85 target gets no P85 row at all.
  func testTheP85AndTheTargetAreComparedWhereTheStreamStatesThem() throws {
    func held(_ text: String, target hours: Int64) throws -> StreamSnapshot {
      var side = try snapshot(text)
      side.stream?.metadata.target = LeadTimeTarget(duration: Duration(seconds: hours * 3_600), measure: .p85)
      return side
    }
    let future = Self.current.replacingOccurrences(of: "wait 2h", with: "wait 4h")
    let report = DiffReport.compare(
      base: [try held(Self.current, target: 6)], head: [try held(future, target: 8)], baseName: "a", headName: "b")
    let stream = try XCTUnwrap(report.streams.first)
    // One route and no ranges: every item takes the main path's lead time, 5h before and 7h after.
    XCTAssertEqual(figure(stream, .leadTime, .p85).before, 18_000)
    XCTAssertEqual(figure(stream, .leadTime, .p85).after, 25_200)
    XCTAssertEqual(figure(stream, .leadTime, .p85).direction, .worse)
    XCTAssertEqual(stream.targetChange, FieldChange(name: "target lead time", before: "6 h", after: "8 h"))
    XCTAssertTrue(DiffRenderer.human(report).contains("  target lead time: 6 h → 8 h\n"), DiffRenderer.human(report))
    XCTAssertEqual(try DiffThreshold.parse("p85-lead-time=+10%").get().path, .p85)
    XCTAssertEqual(report.gateFailures([try DiffThreshold.parse("p85-lead-time=+10%").get()]).count, 1)
    let plain = DiffReport.compare(
      base: [try snapshot(Self.current)], head: [try snapshot(future)], baseName: "a", headName: "b")
    XCTAssertFalse(try XCTUnwrap(plain.streams.first).figures.contains { $0.path == .p85 })
    XCTAssertNil(try XCTUnwrap(plain.streams.first).targetChange)
  }

  func testAShorterWaitIsBetterAndNamesTheStep() throws {
    // b waits 30m instead of 2h: lead 5h -> 3h30m, efficiency 40% -> 2/3.5 = 57.14%.
    let future = Self.current.replacingOccurrences(of: "wait 2h", with: "wait 30m")
    let diff = StreamDiff.compare(base: try snapshot(Self.current), head: try snapshot(future))
    XCTAssertEqual(diff.status, .changed)
    let lead = figure(diff, .leadTime)
    XCTAssertEqual(lead.before, 18_000)
    XCTAssertEqual(lead.after, 12_600)
    XCTAssertEqual(lead.delta, -5_400)
    XCTAssertEqual(lead.relative!, -0.3, accuracy: 1e-12)
    XCTAssertEqual(lead.direction, .better)
    let efficiency = figure(diff, .flowEfficiency)
    XCTAssertEqual(efficiency.before!, 0.4, accuracy: 1e-12)
    XCTAssertEqual(efficiency.after!, 7200.0 / 12600.0, accuracy: 1e-12)
    XCTAssertEqual(efficiency.direction, .better)
    XCTAssertEqual(figure(diff, .processTime).direction, .same)
    XCTAssertEqual(figure(diff, .rolledCompleteAccurate).direction, .same)
    XCTAssertEqual(
      diff.nodes,
      [
        NodeChange(
          kind: .step, id: "b", change: .changed, title: "Second",
          fields: [
            FieldChange(name: "wait", before: "2h", after: "30m")
          ])
      ])
    XCTAssertEqual(diff.contributors, [Contribution(stepID: "b", title: "Second", before: 10_800, after: 5_400)])
    XCTAssertTrue(diff.arrowsAdded.isEmpty && diff.arrowsRemoved.isEmpty)
  }

  func testAnAddedStepMovesItsNeighboursAndLowersTheRolledShare() throws {
    // c (wait 1h, time 30m, 50%) between a and b: lead 5h -> 6h30m (+30%), %C/A 72% -> 36% (-36 pt).
    let future = Self.current.replacingOccurrences(
      of: "value v",
      with: """
        step c "Check"
          activity engage
          practices service-desk
          time 30m
          wait 1h
          ca 50%
        value v
        """
    ).replacingOccurrences(of: "a -> b", with: "a -> c -> b")
    let diff = StreamDiff.compare(base: try snapshot(Self.current), head: try snapshot(future))
    XCTAssertEqual(figure(diff, .leadTime).delta, 5_400)
    XCTAssertEqual(figure(diff, .leadTime).relative!, 0.3, accuracy: 1e-12)
    XCTAssertEqual(figure(diff, .leadTime).direction, .worse)
    XCTAssertEqual(figure(diff, .rolledCompleteAccurate).delta!, -0.36, accuracy: 1e-12)
    XCTAssertEqual(figure(diff, .rolledCompleteAccurate).direction, .worse)
    XCTAssertEqual(
      diff.nodes.map { "\($0.change) \($0.id) \($0.moved)" }, ["changed a true", "changed b true", "added c false"])
    let a = diff.nodes[0]
    XCTAssertEqual(a.successors?.before, ["b"])
    XCTAssertEqual(a.successors?.after, ["c"])
    XCTAssertEqual(diff.arrowsAdded, [ArrowChange(from: "a", to: "c"), ArrowChange(from: "c", to: "b")])
    XCTAssertEqual(diff.arrowsRemoved, [ArrowChange(from: "a", to: "b")])
    XCTAssertEqual(diff.contributors.map(\.stepID), ["c"])
    XCTAssertEqual(diff.contributors.first?.delta, 5_400)
  }

  func testFormattingCommentsAndOrderMeanNoChange() throws {
    let future = """
      # the same stream, written differently
      stream   s  "Small"
      demand d "Need"
      value v "Done"
      step b "Second"
        ca 80%
        wait 120m
        time 1h
        practices incident-management
        activity deliver-and-support
      step a "First"
        activity engage
        practices service-desk
        time 60m
        wait 1h
        ca 90%
      flow d -> a -> b -> v
      """
    let diff = StreamDiff.compare(base: try snapshot(Self.current), head: try snapshot(future, path: "moved/s.vstream"))
    XCTAssertEqual(diff.status, .unchanged)
    XCTAssertTrue(diff.moved)
    XCTAssertTrue(diff.nodes.isEmpty)
    XCTAssertTrue(diff.contributors.isEmpty)
  }

  func testRetitledAndChangedFields() throws {
    let future = Self.current.replacingOccurrences(of: "step a \"First\"", with: "step a \"Log it\"")
      .replacingOccurrences(of: "practices service-desk", with: "practices service-desk, incident-management")
    let diff = StreamDiff.compare(base: try snapshot(Self.current), head: try snapshot(future))
    XCTAssertEqual(diff.status, .changed)
    XCTAssertEqual(diff.nodes.count, 1)
    XCTAssertTrue(diff.nodes[0].retitled)
    XCTAssertEqual(diff.nodes[0].fields.map(\.name), ["title", "practices"])
    XCTAssertFalse(diff.nodes[0].moved)
    XCTAssertEqual(figure(diff, .leadTime).direction, .same)
  }

  /// A range whose mean stays is still a change (its spread moves the percentiles), and so is a wait that becomes
  /// planned; the range is shown as written, never as its mean.
  func testARangeWithTheSameMeanAndAPlannedWaitAreChanges() throws {
    let ranged = Self.current.replacingOccurrences(of: "  time 1h\n  wait 1h\n", with: "  time 30m..90m\n  wait 1h\n")
    let wider = ranged.replacingOccurrences(of: "30m..90m", with: "0s..2h")
    let diff = StreamDiff.compare(base: try snapshot(ranged), head: try snapshot(wider))
    XCTAssertEqual(diff.status, .changed)
    XCTAssertEqual(diff.nodes.map(\.id), ["a"])
    XCTAssertEqual(diff.nodes.first?.fields.map(\.name), ["time"])
    XCTAssertEqual(diff.nodes.first?.fields.first?.before, "30m..1h30m")
    XCTAssertEqual(diff.nodes.first?.fields.first?.after, "0s..2h")
    XCTAssertEqual(figure(diff, .leadTime).direction, .same, "the same mean")
    let planned = Self.current.replacingOccurrences(of: "  wait 2h\n", with: "  wait 2h planned\n")
    let plannedDiff = StreamDiff.compare(base: try snapshot(Self.current), head: try snapshot(planned))
    XCTAssertEqual(
      plannedDiff.nodes.first?.fields.map { "\($0.name): \($0.before ?? "-") -> \($0.after ?? "-")" },
      [
        "wait: 2h -> 2h planned"
      ])
  }

  /// Making b run beside a (a fork from the demand, joined at the value) leaves the process time at the critical
  /// branch and compares the total effort, which only parallel work has; hand-overs and `from`/`for` are fields.
  func testTotalEffortIsComparedForParallelWorkAndHandOversAreFields() throws {
    let plain = StreamDiff.compare(base: try snapshot(Self.current), head: try snapshot(Self.current))
    XCTAssertFalse(plain.figures.contains { $0.figure == .totalEffort }, "no parallel work, no total effort row")
    let forked = Self.current.replacingOccurrences(
      of: "flow d -> a -> b -> v", with: "parallel d -> a\nparallel d -> b\nflow a -> v\nflow b -> v")
    let diff = StreamDiff.compare(base: try snapshot(Self.current), head: try snapshot(forked))
    // Before: one line, 2h of work. After: the branches run together, b's (2h wait + 1h) is the critical one, and
    // both hours of work are still done.
    XCTAssertEqual(figure(diff, .totalEffort).before, 7_200)
    XCTAssertEqual(figure(diff, .totalEffort).after, 7_200)
    XCTAssertEqual(figure(diff, .processTime).after, 3_600)
    XCTAssertEqual(figure(diff, .leadTime).after, 10_800)
    XCTAssertEqual(try DiffThreshold.parse("total-effort=+1h").get().figure, .totalEffort)
    let linked = Self.current.replacingOccurrences(
      of: "demand d \"Need\"\n", with: "demand d \"Need\"\n  from \"User\"\n"
    )
    .replacingOccurrences(of: "  ca 80%\n", with: "  ca 80%\n  hands-over-to problem-management\n")
    .replacingOccurrences(of: "value v \"Done\"\n", with: "value v \"Done\"\n  for \"User\"\n")
    let fields = StreamDiff.compare(base: try snapshot(Self.current), head: try snapshot(linked)).nodes.map {
      "\($0.id): " + $0.fields.map { "\($0.name) \($0.before ?? "–") → \($0.after ?? "–")" }.joined(separator: "; ")
    }
    XCTAssertEqual(fields, ["d: from – → User", "b: hands-over-to – → problem-management", "v: for – → User"])
  }

  func testReportMatchesByIDThenPathAndSortsByID() throws {
    let one = try snapshot(Self.current, path: "a.vstream")
    let renamed = try snapshot(Self.current, path: "b.vstream")
    let other = try snapshot(Self.current.replacingOccurrences(of: "stream s", with: "stream t"), path: "t.vstream")
    let newID = try snapshot(Self.current.replacingOccurrences(of: "stream s", with: "stream u"), path: "t.vstream")
    let added = try snapshot(Self.current.replacingOccurrences(of: "stream s", with: "stream a"), path: "z.vstream")
    let report = DiffReport.compare(
      base: [other, one], head: [added, newID, renamed], baseName: "old", headName: "new")
    XCTAssertEqual(report.streams.map(\.id), ["a", "s", "u"])
    XCTAssertEqual(report.streams.map(\.status), [.added, .unchanged, .unchanged])
    XCTAssertTrue(report.streams[1].moved)
    XCTAssertTrue(report.streams[2].idChanged)
    XCTAssertEqual(report.noteworthy.map(\.id), ["a", "s", "u"])
  }

  func testThresholds() throws {
    let future = Self.current.replacingOccurrences(of: "wait 1h", with: "wait 2h")  // lead 5h -> 6h: +20%
    let report = DiffReport.compare(
      base: [try snapshot(Self.current)], head: [try snapshot(future)], baseName: "a", headName: "b")
    let parse = { (text: String) in try DiffThreshold.parse(text).get() }
    XCTAssertEqual(report.gateFailures([try parse("lead-time=+10%")]).count, 1)
    XCTAssertEqual(report.gateFailures([try parse("lead-time=25%")]).count, 0)
    XCTAssertEqual(report.gateFailures([try parse("lead-time=+59m")]).count, 1)
    XCTAssertEqual(report.gateFailures([try parse("lead-time=+1h")]).count, 0)
    // 40% -> 33.3%: 6.7 points lower.
    XCTAssertEqual(report.gateFailures([try parse("flow-efficiency=-5pt")]).count, 1)
    XCTAssertEqual(report.gateFailures([try parse("flow-efficiency=-7pt")]).count, 0)
    XCTAssertEqual(report.gateFailures([try parse("worst-lead-time=+10%")]).count, 1)
    XCTAssertEqual(try parse("expected-lead-time=+10%").path, .expected)
    XCTAssertThrowsError(try parse("expected-speed=+10%"))
    XCTAssertThrowsError(try parse("lead-time=-10%"))
    XCTAssertThrowsError(try parse("speed=+10%"))
    XCTAssertThrowsError(try parse("flow-efficiency=+2d"))
    XCTAssertThrowsError(try parse("lead-time"))
  }

  func testRenderersAreDeterministicAndMarkTheDirection() throws {
    let future = Self.current.replacingOccurrences(of: "wait 2h", with: "wait 30m")
    let report = DiffReport.compare(
      base: [try snapshot(Self.current)], head: [try snapshot(future)], baseName: "main", headName: "HEAD")
    let human = DiffRenderer.human(report)
    XCTAssertTrue(human.contains("  figure                       main  HEAD   change\n"), human)
    XCTAssertTrue(human.contains("  lead time (main path)        5 h   3.5 h  -1.5 h (-30%)  better\n"), human)
    XCTAssertTrue(human.contains("  process time (main path)     2 h   2 h    ±0\n"), human)
    XCTAssertTrue(human.contains("~ b: wait 2h → 30m"), human)
    XCTAssertTrue(human.contains("most of the change: b -1.5 h"), human)
    XCTAssertTrue(human.hasSuffix("1 stream compared: 1 changed, 0 added, 0 removed, 0 with no change in meaning\n"))
    let markdown = DiffRenderer.markdown(report)
    XCTAssertTrue(markdown.hasPrefix(DiffRenderer.marker + "\n"))
    XCTAssertTrue(markdown.contains("| lead time (main path) | 5 h | 3.5 h | -1.5 h (-30%) better |"), markdown)
    XCTAssertTrue(markdown.contains("<details><summary>"))
    XCTAssertEqual(DiffRenderer.json(report).rendered(), DiffRenderer.json(report).rendered())
    XCTAssertEqual(human, DiffRenderer.human(report))
  }

  func testMarkdownEscapesTitles() throws {
    let future = Self.current.replacingOccurrences(of: "stream s \"Small\"", with: "stream s \"A <b>|x</b>\"")
    let report = DiffReport.compare(
      base: [try snapshot(Self.current)], head: [try snapshot(future)], baseName: "a", headName: "b")
    let markdown = DiffRenderer.markdown(report)
    XCTAssertTrue(markdown.contains("A &lt;b&gt;\\|x&lt;/b&gt;"), markdown)
    XCTAssertFalse(markdown.contains("<b>"))
  }

  func testFullCommitIDsAreShortenedForPeopleButNotForTools() throws {
    let future = Self.current.replacingOccurrences(of: "wait 2h", with: "wait 30m")
    let base = String(repeating: "a1", count: 20)
    let report = DiffReport.compare(
      base: [try snapshot(Self.current)], head: [try snapshot(future)], baseName: base, headName: "HEAD")
    XCTAssertTrue(DiffRenderer.markdown(report).contains("## Value streams: `a1a1a1a1a1a1` → `HEAD`"))
    XCTAssertTrue(DiffRenderer.human(report).contains("  figure                       a1a1a1a1a1a1  HEAD"))
    XCTAssertTrue(DiffRenderer.json(report).rendered().contains("\"base\": \"\(base)\""))
  }

  /// The facade checks a file unchanged on both sides once, for its errors only; apart from the figures it then
  /// leaves out, the report must equal the one from checking every file on both sides in full (the plain oracle),
  /// duplicate stream ids included.
  func testCheckingUnchangedFilesOnceGivesTheSameReport() throws {
    let base = [
      SourceFile(path: "a.vstream", text: Self.current),
      SourceFile(path: "b.vstream", text: Self.current.replacingOccurrences(of: "stream s", with: "stream t")),
      SourceFile(path: "c.vstream", text: Self.current.replacingOccurrences(of: "stream s", with: "stream u")),
      SourceFile(path: "e.vstream", text: Self.current.replacingOccurrences(of: "stream s", with: "stream e")),
    ]
    let head = [
      base[0], SourceFile(path: "b.vstream", text: Self.current.replacingOccurrences(of: "wait 2h", with: "wait 3h")),
      base[2], SourceFile(path: "d.vstream", text: Self.current.replacingOccurrences(of: "stream s", with: "stream u")),
      base[3],
    ]
    let once = Compiler.diff(base: base, head: head, baseName: "a", headName: "b", sameConfiguration: { _ in true })
    let twice = Compiler.diff(base: base, head: head, baseName: "a", headName: "b", sameConfiguration: { _ in false })
    XCTAssertEqual(once.streams.count, twice.streams.count)
    for (fast, full) in zip(once.streams, twice.streams) {
      XCTAssertEqual(fast.id, full.id)
      XCTAssertEqual(fast.status, full.status, fast.id)
      XCTAssertEqual(fast.base, full.base, fast.id)
      XCTAssertEqual(fast.head, full.head, fast.id)
      XCTAssertEqual(fast.nodes, full.nodes, fast.id)
      if !fast.figures.isEmpty { XCTAssertEqual(fast, full) }
    }
    let e = try XCTUnwrap(once.streams.first { $0.id == "e" })
    XCTAssertEqual(e.status, .unchanged)
    XCTAssertTrue(e.figures.isEmpty, "an identical file is checked for its errors only")
    // u is declared twice on the head side only: an error there, none on the base side.
    let u = try XCTUnwrap(once.streams.first { $0.id == "u" && $0.base != nil })
    XCTAssertEqual(u.base?.errors.count, 0)
    XCTAssertFalse(u.head?.errors.isEmpty ?? true)
  }

  func testTheWorstCaseIsShownWhenItReadsDifferentlyFromTheMainPath() throws {
    // Main path d -> a -> v (a: 2h); the alternative through b (3h) is the worst case, and only it gets longer.
    let current = Self.current.replacingOccurrences(
      of: "flow d -> a -> b -> v", with: "flow d -> a -> v\nflow d -> b -> v")
    let future = current.replacingOccurrences(of: "wait 2h", with: "wait 4h")
    let report = DiffReport.compare(
      base: [try snapshot(current)], head: [try snapshot(future)], baseName: "a", headName: "b")
    let stream = try XCTUnwrap(report.streams.first)
    XCTAssertEqual(figure(stream, .leadTime).direction, .same)
    XCTAssertEqual(figure(stream, .leadTime, .worstCase).delta, 7_200)
    let human = DiffRenderer.human(report)
    XCTAssertTrue(human.contains("  lead time (main path)         2 h    2 h    ±0\n"), human)
    XCTAssertTrue(human.contains("  lead time (worst case)        3 h    5 h    +2 h (+66.7%)  worse\n"), human)
    XCTAssertTrue(human.contains("  flow efficiency (worst case)  33.3%  20%    -13.3 pt       worse\n"), human)
    // The mean item takes each route half the time: (2h + 3h) / 2 before, (2h + 5h) / 2 after.
    XCTAssertEqual(figure(stream, .leadTime, .expected).before, 9_000)
    XCTAssertEqual(figure(stream, .leadTime, .expected).after, 12_600)
    XCTAssertTrue(human.contains("  lead time (expected)          2.5 h  3.5 h  +1 h (+40%)    worse\n"), human)
    XCTAssertFalse(human.contains("process time (worst case)"), "a worst-case figure that did not move is not shown")
    XCTAssertTrue(stream.contributors.isEmpty, "the main path's steps did not change")
  }
}
