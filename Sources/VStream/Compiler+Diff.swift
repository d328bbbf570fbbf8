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
  /// A head file with the same path and bytes as a base file is checked once, not twice, when
  /// `sameConfiguration(path)` says both sides check it with the same configuration: a pull request changes a few
  /// files of many, and checking the rest twice would double the cost of a comparison for nothing.
  public static func diff(
    base: [SourceFile], head: [SourceFile], baseName: String, headName: String,
    configuration: (SourceFile, _ isBase: Bool) -> Configuration = { _, _ in .default },
    sameConfiguration: (String) -> Bool = { _ in true },
    options: ParserOptions = ParserOptions(), pairingSingleFiles: Bool = false
  ) -> DiffReport {
    var baseByPath: [String: Int] = [:]
    for (index, file) in base.enumerated() { baseByPath[file.path] = index }
    // What each head file reuses: the index of the base file checked in its place.
    let reused: [Int?] = head.map { file in
      guard let index = baseByPath[file.path], base[index].bytes == file.bytes, sameConfiguration(file.path) else {
        return nil
      }
      return index
    }
    let work = base.map { ($0, true) } + zip(head, reused).compactMap { $1 == nil ? ($0, false) : nil }
    let configurations = work.map { configuration($0.0, $0.1) }
    let checked = Parallel.map(work.count) { index in
      check(work[index].0, configuration: configurations[index], options: options)
    }
    var baseResults = Array(checked[..<base.count])
    var next = base.count
    var headResults: [FileResult] = []
    for index in head.indices {
      if let from = reused[index] {
        headResults.append(baseResults[from])
      } else {
        headResults.append(checked[next])
        next += 1
      }
    }
    applyRepositoryRules(&baseResults)
    applyRepositoryRules(&headResults)
    return DiffReport.compare(
      base: baseResults.map(snapshot), head: headResults.map(snapshot), baseName: baseName, headName: headName,
      pairingSingleFiles: pairingSingleFiles)
  }

  /// The rules that span a side's files (stream ids unique), as `checkRepository` applies them.
  private static func applyRepositoryRules(_ results: inout [FileResult]) {
    let streamIDs = results.map { RepositoryRules.streamID(of: $0.syntax) }
    RepositoryRules.checkUniqueStreamIDs(streamIDs, files: results.map(\.file)) { index, finding in
      results[index].diagnostics = Diagnostic.normalized(results[index].diagnostics + [finding])
      results[index].stream = nil
    }
  }

  /// A checked file as the comparison sees it: its id, its stream, and its unsuppressed errors with their places.
  static func snapshot(_ result: FileResult) -> StreamSnapshot {
    let id = RepositoryRules.streamID(of: result.syntax).map { result.file.text($0) }
    let errors = result.diagnostics.filter { $0.severity == .error && $0.suppression == nil }.map { diagnostic in
      let location = result.file.location(of: diagnostic.range.start)
      return SnapshotError(
        line: location.line, column: location.column, code: diagnostic.code.rawValue, message: diagnostic.message)
    }
    return StreamSnapshot(path: result.file.path, id: id, stream: result.stream, errors: errors)
  }
}
