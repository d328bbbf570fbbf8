import VStreamCheck
import VStreamDiff
import VStreamModel
import VStreamSource
import VStreamSyntax

extension Compiler {
  /// Checks every file of two sides (two revisions, two folders, or the current and the future state of one
  /// stream) and compares their streams by meaning (see `DiffReport.compare`). `configuration` gives each file's
  /// configuration on its side (`true` for the base side). A file with errors is still matched by the stream id it
  /// declares, and its errors are reported.
  ///
  /// A head file with the same path and bytes as a base file is checked once, not twice, and for its errors only
  /// (no model, so no figures: see `StreamSnapshot.isIdentical`), when `sameConfiguration(path)` says both sides
  /// check it with the same configuration: a pull request changes a few files of many, and checking the rest twice,
  /// models and all, would cost several times a `check` for nothing. A file that may run another stream (`runs`) is
  /// never reused, since its figures change with the stream it runs; and when any file may, every model is built, so
  /// that each side links its steps with the streams they run as `checkRepository` does.
  ///
  /// `baseReferences` and `headReferences` are each side's other streams (a comparison narrowed to some paths):
  /// checked and linked with the side's files so that a step runs a stream outside the paths, never compared.
  public static func diff(
    base: [SourceFile], head: [SourceFile], baseName: String, headName: String,
    baseReferences: [SourceFile] = [], headReferences: [SourceFile] = [],
    configuration: (SourceFile, _ isBase: Bool) -> Configuration = { _, _ in .default },
    sameConfiguration: (String) -> Bool = { _ in true },
    options: ParserOptions = ParserOptions(), pairingSingleFiles: Bool = false
  ) -> DiffReport {
    var baseByPath: [String: Int] = [:]
    for (index, file) in base.enumerated() { baseByPath[file.path] = index }
    // What each head file reuses: the index of the base file checked in its place.
    let reused: [Int?] = head.map { file in
      guard let index = baseByPath[file.path], base[index].bytes == file.bytes, sameConfiguration(file.path),
        !mayRunAnotherStream(file)
      else {
        return nil
      }
      return index
    }
    let linking = base.contains(where: mayRunAnotherStream) || head.contains(where: mayRunAnotherStream)
    var baseIsReused = [Bool](repeating: false, count: base.count)
    for case let index? in reused { baseIsReused[index] = true }
    // A file the same on both sides is checked for its errors only: it cannot have changed in meaning, and building
    // its model would cost most of a comparison where a pull request touches a few files of many.
    let work =
      base.enumerated().map { ($1, true, linking || !baseIsReused[$0]) }
      + zip(head, reused).compactMap { $1 == nil ? ($0, false, true) : nil }
    let configurations = work.map { configuration($0.0, $0.1) }
    // Each file's tree is let go on the core that checked it (as `diagnoseRepository` does): only the stream, the
    // findings and where the stream id is written are kept.
    let checked = Parallel.map(work.count) { index -> Checked in
      let result = checkUnlinked(
        work[index].0, configuration: configurations[index], options: options, buildingModel: work[index].2)
      return Checked(
        file: result.file, stream: result.stream, diagnostics: result.diagnostics,
        streamID: RepositoryRules.streamID(of: result.syntax),
        runs: RepositoryRules.runs(in: result.syntax, file: result.file, index: 0))
    }
    var baseResults = Array(checked[..<base.count])
    var next = base.count
    var headResults: [Checked] = []
    for index in head.indices {
      if let from = reused[index] {
        headResults.append(baseResults[from])
      } else {
        headResults.append(checked[next])
        next += 1
      }
    }
    // Each side's references, with their models: only the streams steps run are taken from them.
    let references = [(baseReferences, true), (headReferences, false)].map { side in
      Parallel.map(side.0.count) { index -> Checked in
        let file = side.0[index]
        let result = checkUnlinked(
          file, configuration: configuration(file, side.1), options: options, buildingModel: true)
        return Checked(
          file: file, stream: result.stream, diagnostics: result.diagnostics,
          streamID: RepositoryRules.streamID(of: result.syntax),
          runs: RepositoryRules.runs(in: result.syntax, file: file, index: 0))
      }
    }
    applyRepositoryRules(&baseResults, references: references[0]) { configuration($0, true) }
    applyRepositoryRules(&headResults, references: references[1]) { configuration($0, false) }
    var baseSnapshots = baseResults.map(\.snapshot)
    var headSnapshots = headResults.map(\.snapshot)
    for (index, from) in reused.enumerated() {
      guard let from else { continue }
      baseSnapshots[from].isIdentical = true
      headSnapshots[index].isIdentical = true
    }
    return DiffReport.compare(
      base: baseSnapshots, head: headSnapshots, baseName: baseName, headName: headName,
      pairingSingleFiles: pairingSingleFiles)
  }

  /// What the comparison keeps of a checked file.
  private struct Checked: RepositoryRules.Linkable {
    var file: SourceFile
    var stream: ValueStream?
    var diagnostics: [Diagnostic]
    var streamID: SourceRange?
    /// The file's `runs`, as `RepositoryRules.runs` reads them (with the file's index on its side set when linking).
    var runs: [RepositoryRules.HandOver]

    /// The file as the comparison sees it: its id, its stream, and its unsuppressed errors with their places.
    var snapshot: StreamSnapshot {
      let errors = diagnostics.filter { $0.severity == .error && $0.suppression == nil }.map { diagnostic in
        let location = file.location(of: diagnostic.range.start)
        return SnapshotError(
          line: location.line, column: location.column, code: diagnostic.code.rawValue, message: diagnostic.message)
      }
      return StreamSnapshot(path: file.path, id: streamID.map { file.text($0) }, stream: stream, errors: errors)
    }
  }

  /// The rules that span a side's files (stream ids unique, the streams steps run) and the linking of `runs`, as
  /// `checkRepository` applies them.
  private static func applyRepositoryRules(
    _ compared: inout [Checked], references: [Checked], configuration: (SourceFile) -> Configuration
  ) {
    let reported = compared.count
    var results = compared + references
    let (streamIDs, files) = (results.map(\.streamID), results.map(\.file))
    // Unique among the compared files only, as `checkRepository` judges its references.
    RepositoryRules.checkUniqueStreamIDs(Array(streamIDs[..<reported]), files: Array(files[..<reported])) {
      index, finding in
      results[index].diagnostics = Diagnostic.normalized(results[index].diagnostics + [finding])
      results[index].stream = nil
    }
    let runs = results.indices.map { index in
      results[index].runs.map { run in
        var run = run
        run.file = index
        return run
      }
    }
    RepositoryRules.checkAndLinkRuns(
      &results, streamIDs: streamIDs, runs: runs, files: files, reported: reported,
      catalogue: { configuration(files[$0]).catalogue })
    compared = Array(results[..<reported])
  }

  /// Whether a file may have a step that runs another stream (`runs` may start one of its lines).
  public static func mayRunAnotherStream(_ file: SourceFile) -> Bool {
    mayStartALine(with: [AttributeKind.runs.rawValue], file)
  }
}
