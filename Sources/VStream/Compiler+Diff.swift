import VStreamCheck
import VStreamDiff
import VStreamModel
import VStreamSource
import VStreamSyntax

extension Compiler {
  /// Checks every file of two sides (two revisions, two folders, or the current and the future state of one
  /// stream) and compares their streams by meaning (see ``DiffReport/compare(base:head:baseName:headName:pairingSingleFiles:)``).
  /// `configuration` gives each file's configuration on its side (`true` for the base side). A file with errors is
  /// still matched by the stream id it declares, and its errors are reported.
  public static func diff(
    base: [SourceFile], head: [SourceFile], baseName: String, headName: String,
    configuration: @escaping (SourceFile, _ isBase: Bool) -> Configuration = { _, _ in .default },
    options: ParserOptions = ParserOptions(), pairingSingleFiles: Bool = false
  ) -> DiffReport {
    let baseSide = checkRepository(base, configuration: { configuration($0, true) }, options: options).map(snapshot)
    let headSide = checkRepository(head, configuration: { configuration($0, false) }, options: options).map(snapshot)
    return DiffReport.compare(
      base: baseSide, head: headSide, baseName: baseName, headName: headName,
      pairingSingleFiles: pairingSingleFiles)
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
