import VStreamCheck
import VStreamModel
import VStreamSource
import VStreamSyntax

/// Steps that run another stream (`runs STREAM`), checked and linked across the files of a run: the stream named
/// exists among them (VS341, even for one file: the step's figures come from it), is not the stream itself (VS344),
/// and the runs form no cycle (VS345, once per cycle with its chain). Then, callees first, each calling stream takes
/// its figures from the streams it runs (`linked`), or has no model when one of them has none; a stream that was only
/// read as a reference and has errors is named at the `runs` that needs it (VS347), since its own findings are not
/// reported.
extension RepositoryRules {
  /// A file's `runs`, as hand-overs from its stream to the one it runs (the cycle search is the hand-overs').
  static func runs(in syntax: FileSyntax, file: SourceFile, index: Int) -> [HandOver] {
    guard let range = streamID(of: syntax) else { return [] }
    let streamID = file.text(range)
    var result: [HandOver] = []
    for item in syntax.items {
      guard case .declaration(let declaration) = item, declaration.kind == .step,
        let attribute = syntax.attribute(.runs, of: declaration), case .word(let word) = attribute.value
      else { continue }
      let named = word.text(in: file)
      result.append(HandOver(file: index, from: streamID, to: named, range: word.range, named: named))
    }
    return result
  }

  /// The first file to name each stream id, by id: where a `runs` finds the stream it runs.
  static func streamsByID(_ streamIDs: [SourceRange?], files: [SourceFile]) -> [String: Int] {
    var known: [String: Int] = [:]
    for (index, range) in streamIDs.enumerated() {
      guard let range else { continue }
      let id = files[index].text(range)
      if known[id] == nil { known[id] = index }
    }
    return known
  }

  /// VS341, VS344 and VS345 for the `runs` of every file (`runs[i]` are file `i`'s).
  static func checkRuns(
    _ streamIDs: [SourceRange?], runs: [[HandOver]], files: [SourceFile], add: (Int, Diagnostic) -> Void
  ) {
    let all = runs.flatMap { $0 }
    guard !all.isEmpty else { return }
    // Judged even for one file: the step's figures come from the stream it names.
    let edges = followable(
      all, known: streamsByID(streamIDs, files: files), judgesUnknown: true, itself: Diagnostic.runsItself, add: add)
    reportCycles(
      edges, files: files, label: { "`\($0.from)` runs `\($0.to)`" }, finding: Diagnostic.runsCycle, add: add)
  }

  /// A file's result as the linking reads and changes it: `checkRepository`'s, and `diff`'s on each side.
  protocol Linkable {
    var stream: ValueStream? { get set }
    var diagnostics: [Diagnostic] { get set }
  }

  /// `checkRuns`, then `linkRuns` over `results` (file `i`'s result is `results[i]`): a finding goes into its file's
  /// diagnostics and takes its model away; a linked stream replaces the one checked. `catalogue(i)` is file `i`'s.
  /// `judge(i, stream)` returns the findings about a reported file's linked stream (its targets, which
  /// one file alone could not judge); they join the file's diagnostics, and an error among them takes the model away.
  static func checkAndLinkRuns<Result: Linkable>(
    _ results: inout [Result], streamIDs: [SourceRange?], runs: [[HandOver]], files: [SourceFile], reported: Int,
    catalogue: (Int) -> PracticeCatalogue, judge: (Int, ValueStream) -> [Diagnostic] = { _, _ in [] }
  ) {
    func add(_ index: Int, _ finding: Diagnostic) {
      results[index].diagnostics = Diagnostic.normalized(results[index].diagnostics + [finding])
      results[index].stream = nil
    }
    checkRuns(streamIDs, runs: runs, files: files, add: add)
    let known = streamsByID(streamIDs, files: files)
    linkRuns(
      streamIDs, runs: runs, files: files, reported: reported,
      failed: { results[$0].diagnostics.contains(where: Compiler.isError) },
      link: { index in
        guard let stream = results[index].stream else { return }
        let linked = Self.linked(
          stream, called: { id in known[id].flatMap { results[$0].stream } }, catalogue: catalogue(index))
        results[index].stream = linked
        guard index < reported else { return }
        let findings = judge(index, linked)
        guard !findings.isEmpty else { return }
        results[index].diagnostics = Diagnostic.normalized(results[index].diagnostics + findings)
        if findings.contains(where: Compiler.isError) { results[index].stream = nil }
      },
      fail: { results[$0].stream = nil }, add: add)
  }

  /// Visits the files that run other streams, callees first, after `checkRuns`. `failed(i)`: whether file `i` has
  /// errors of its own (so no model); `link(i)` is called once every stream file `i` runs is linked, `fail(i)` when
  /// one of them failed. Files from `reported` on are references: a `runs` of a reported file that needs a failed
  /// reference gets VS347 through `add` instead of `fail`. Deterministic: files in index order, depth first.
  static func linkRuns(
    _ streamIDs: [SourceRange?], runs: [[HandOver]], files: [SourceFile], reported: Int, failed: (Int) -> Bool,
    link: (Int) -> Void, fail: (Int) -> Void, add: (Int, Diagnostic) -> Void
  ) {
    guard runs.contains(where: { !$0.isEmpty }) else { return }
    let known = streamsByID(streamIDs, files: files)
    enum State { case unvisited, visiting, linked, failed }
    var states = [State](repeating: .unvisited, count: files.count)
    func visit(_ index: Int) -> Bool {
      switch states[index] {
      case .linked: return true
      case .failed, .visiting: return false  // A cycle is VS345's, reported at its first `runs`.
      case .unvisited: break
      }
      states[index] = .visiting
      let hasOwnErrors = failed(index)
      var ok = !hasOwnErrors
      for run in runs[index] {
        // An unknown stream or the stream itself is VS341's or VS344's.
        guard let callee = known[run.named], callee != index else {
          ok = false
          continue
        }
        if visit(callee) { continue }
        if !hasOwnErrors, index < reported, callee >= reported, states[callee] == .failed {
          add(index, .runsAStreamWithErrors(run.named, path: files[callee].path, at: run.range))
        }
        ok = false
      }
      if ok {
        link(index)
      } else {
        fail(index)
      }
      states[index] = ok ? .linked : .failed
      return ok
    }
    for index in files.indices where !runs[index].isEmpty { _ = visit(index) }
  }

  /// `stream` with each step that runs another stream given that stream's figures (`called` finds it by id), and
  /// its metrics measured again: the step's process time is the called stream's on its main path, its wait its own
  /// `wait` (if any) and then the called stream's waits on its main path, its %C/A the called stream's rolled %C/A.
  /// A range written for the step's own wait is not kept (the wait is now a sum); the sum is planned when no part of
  /// it queues. The caller's metrics are complete only when every stream it runs has complete ones.
  static func linked(
    _ stream: ValueStream, called: (String) -> ValueStream?, catalogue: PracticeCatalogue
  ) -> ValueStream {
    var result = stream
    var calleesAreComplete = true
    for index in result.steps.indices {
      guard let runs = result.steps[index].runs, let callee = called(runs.stream) else { continue }
      calleesAreComplete = calleesAreComplete && callee.metrics.isComplete
      let main = callee.metrics.mainPath
      var step = result.steps[index]
      step.processTime = main.processTime
      step.effort = main.totalEffort == main.processTime ? nil : main.totalEffort
      step.processEstimate = nil
      if main.waitTime > .zero {
        // One step has one kind of wait: planned when nothing in the sum queues (the called stream's waits on its
        // main path all planned, the step's own planned or none), else queueing, the planned part with it.
        let ownQueues = !step.waitIsPlanned && (step.waitTime ?? .zero) > .zero
        step.waitIsPlanned = main.queueingWaitTime == .zero && !ownQueues
        step.waitEstimate = nil
      }
      step.waitTime = (step.waitTime ?? .zero) + main.waitTime
      step.completeAccurate = main.rolledCompleteAccurate.map {
        Percentage(hundredths: Int64(($0 * 10_000).rounded()))
      }
      result.steps[index] = step
    }
    let ids = [result.demand.id] + result.steps.map(\.id) + result.values.map(\.id)
    result.metrics = FlowAnalysis.metrics(
      steps: result.steps, valueCount: result.values.count, edges: result.edges, catalogue: catalogue,
      ranks: FlowAnalysis.ranks(ids: ids), framework: result.framework)
    result.metrics.isComplete = result.metrics.isComplete && calleesAreComplete
    return result
  }
}

extension Diagnostic {
  static func runsItself(_ id: String, at range: SourceRange) -> Diagnostic {
    Diagnostic(
      code: .runsItself, severity: .error, message: "a step of `\(id)` runs `\(id)` itself", range: range,
      label: "this stream", help: "work that repeats within a stream is a rework arrow: write it on a `rework` line")
  }

  static func runsCycle(_ chain: String, at range: SourceRange, others: [Label]) -> Diagnostic {
    Diagnostic(
      code: .runsCycle, severity: .error, message: "streams run each other in a cycle: \(chain)", range: range,
      label: "the cycle starts here", secondary: others,
      help:
        "a stream's figures come from the streams it runs, so one of them must not run the others: remove one `runs`")
  }

  static func runsAStreamWithErrors(_ id: String, path: String, at range: SourceRange) -> Diagnostic {
    Diagnostic(
      code: .runsAStreamWithErrors, severity: .error, message: "the stream `\(id)` this step runs has errors",
      range: range, label: "no figures to take",
      help: "check `\(path)` (`vstream check \(path)`) and correct it: this step's figures come from it")
  }
}
