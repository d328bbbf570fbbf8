import Foundation
import VStreamCheck
import VStreamLargeFile
import VStreamModel
import VStreamSource
import VStreamSyntax

/// The library's front door: everything the `vstream` command does, without any file or terminal I/O, so that other
/// Swift code (an editor plug-in, a language server) can compile streams the same way.
public enum Compiler {
  /// The result of reading one file.
  public struct Parsed: Sendable {
    public var file: SourceFile
    public var syntax: FileSyntax
    public var diagnostics: [Diagnostic]

    /// The syntax tree as JSON (format `vstream-syntax/1`): what `vstream parse` prints.
    public var json: JSONValue { syntax.json(in: file) }
  }

  /// The complete report on one file.
  public struct FileResult: Sendable {
    public var file: SourceFile
    public var syntax: FileSyntax
    /// The checked stream; nil when any error remains.
    public var stream: ValueStream?
    /// Every finding, sorted; suppressed ones included and marked.
    public var diagnostics: [Diagnostic]
  }

  /// Parses one file: never fails, always returns a tree and every syntax diagnostic. A large file is parsed on
  /// every core (`LargeFile`), with the same result.
  public static func parse(_ file: SourceFile, options: ParserOptions = ParserOptions()) -> Parsed {
    let (syntax, diagnostics) =
      LargeFile.isLarge(file.bytes.count)
      ? LargeFile.parse(file, options: options) : Parser.parse(file, options: options)
    return Parsed(file: file, syntax: syntax, diagnostics: diagnostics)
  }

  /// Every diagnostic code of every stage, sorted by code: for `vstream explain`, SARIF and the specification.
  public static var rules: [RuleDescriptor] { RuleCatalog.all }

  /// The codes no longer given, with their names and why (`vstream explain` answers with the reason).
  public static var retiredRules: [(code: DiagnosticCode, name: String, reason: String)] { CheckMessages.retired }

  /// Parses and checks one file; `options` carries the limits on its front matter. With `buildingModel` false only
  /// the diagnostics are wanted (`vstream check`): the checked stream, its strings and its metrics are not built and
  /// `stream` is nil. A stream with a step that runs another stream (`runs`) has no model here either: that step's
  /// figures come from the other stream, which only `checkRepository` links it with.
  public static func check(
    _ file: SourceFile, configuration: Configuration = .default, options: ParserOptions = ParserOptions(),
    buildingModel: Bool = true
  ) -> FileResult {
    var result = checkUnlinked(file, configuration: configuration, options: options, buildingModel: buildingModel)
    if result.stream?.steps.contains(where: { $0.runs != nil }) == true { result.stream = nil }
    return result
  }

  /// `check`, keeping the model of a stream that runs another with that step's figures not yet taken from it.
  static func checkUnlinked(
    _ file: SourceFile, configuration: Configuration, options: ParserOptions, buildingModel: Bool
  ) -> FileResult {
    let parsed = parse(file, options: options)
    let (stream, diagnostics) = Checker(configuration: configuration).check(
      file, syntax: parsed.syntax, syntaxDiagnostics: parsed.diagnostics, buildingModel: buildingModel)
    return FileResult(file: file, syntax: parsed.syntax, stream: stream, diagnostics: diagnostics)
  }

  /// The full diagnosis of one file with the default configuration: what `vstream check` reports for it.
  public static func diagnose(_ file: SourceFile) -> FileResult {
    check(file)
  }

  /// Checks many files in parallel, then the rules that span files (stream ids unique across the repository,
  /// hand-overs and runs between streams), then links each step that runs another stream with it, callees first, so
  /// that the step's figures are that stream's (`RepositoryRules.linked`). Results come back in input order, so
  /// output does not depend on scheduling. `configurations` gives each file's configuration (files in different
  /// folders may have different `vstream.yml`). `references` are other files of the repository, read only to know
  /// the streams the files name: checked and linked with them, never reported (no result comes back for them).
  public static func checkRepository(
    _ files: [SourceFile], references: [SourceFile] = [],
    configuration: (SourceFile) -> Configuration = { _ in .default }, options: ParserOptions = ParserOptions(),
    buildingModel: Bool = true
  ) -> [FileResult] {
    let all = files + references
    var checked = Parallel.map(all.count) { index in
      checkUnlinked(
        all[index], configuration: configuration(all[index]), options: options,
        // A reference's model is wanted only as the stream a step runs: built, so that it can be.
        buildingModel: buildingModel || index >= files.count)
    }
    let streamIDs = checked.map { RepositoryRules.streamID(of: $0.syntax) }
    let add = { (index: Int, finding: Diagnostic) in
      checked[index].diagnostics = Diagnostic.normalized(checked[index].diagnostics + [finding])
      checked[index].stream = nil
    }
    // Unique among the files reported only: a repository's references may hold test cases that reuse ids.
    RepositoryRules.checkUniqueStreamIDs(Array(streamIDs[..<files.count]), files: files, add: add)
    let handOvers = checked.indices.map {
      RepositoryRules.handOvers(in: checked[$0].syntax, file: all[$0], index: $0)
    }
    RepositoryRules.checkHandOvers(streamIDs, handOvers: handOvers, files: all, add: add)
    let runs = checked.indices.map { RepositoryRules.runs(in: checked[$0].syntax, file: all[$0], index: $0) }
    let syntaxes = checked.map(\.syntax)
    RepositoryRules.checkAndLinkRuns(
      &checked, streamIDs: streamIDs, runs: runs, files: all, reported: files.count,
      catalogue: { configuration(all[$0]).catalogue },
      judge: { index, stream in
        LinkedTargets.findings(
          stream, syntax: syntaxes[index], file: all[index], configuration: configuration(all[index]))
      })
    return Array(checked[..<files.count])
  }

  /// What `vstream check` reports on many files: the findings of `checkRepository`, without the trees and streams.
  /// Each file's tree is let go on the core that made it, while it is still in that core's cache, rather than kept
  /// for the whole repository and let go at the end.
  /// `references` are as in `checkRepository`: read, never reported.
  public static func diagnoseRepository(
    _ files: [SourceFile], references: [SourceFile] = [],
    configuration: (SourceFile) -> Configuration = { _ in .default }, options: ParserOptions = ParserOptions()
  ) -> [FileReport] {
    if files.contains(where: mayRunAnotherStream) {
      // A stream with a step that runs another has its targets judged on its linked model, which needs the models:
      // the run `build` makes, kept to its findings.
      return checkRepository(files, references: references, configuration: configuration, options: options).map {
        FileReport(file: $0.file, diagnostics: $0.diagnostics)
      }
    }
    let all = files + references
    let checked = Parallel.map(all.count) {
      index -> (
        report: FileReport, streamID: SourceRange?, handOvers: [RepositoryRules.HandOver],
        runs: [RepositoryRules.HandOver]
      ) in
      let result = checkUnlinked(
        all[index], configuration: configuration(all[index]), options: options, buildingModel: false)
      return (
        FileReport(file: result.file, diagnostics: result.diagnostics), RepositoryRules.streamID(of: result.syntax),
        RepositoryRules.handOvers(in: result.syntax, file: all[index], index: index),
        RepositoryRules.runs(in: result.syntax, file: all[index], index: index)
      )
    }
    var reports = checked.map(\.report)
    let add = { (index: Int, finding: Diagnostic) in
      reports[index].diagnostics = Diagnostic.normalized(reports[index].diagnostics + [finding])
    }
    let streamIDs = checked.map(\.streamID)
    // Unique among the files reported only: a repository's references may hold test cases that reuse ids.
    RepositoryRules.checkUniqueStreamIDs(Array(streamIDs[..<files.count]), files: files, add: add)
    RepositoryRules.checkHandOvers(streamIDs, handOvers: checked.map(\.handOvers), files: all, add: add)
    RepositoryRules.checkRuns(streamIDs, runs: checked.map(\.runs), files: all, add: add)
    // No model to link, but the same walk: a reference with errors is named where a reported file runs it.
    RepositoryRules.linkRuns(
      streamIDs, runs: checked.map(\.runs), files: all, reported: files.count,
      failed: { reports[$0].diagnostics.contains(where: isError) }, link: { _ in }, fail: { _ in },
      add: add)
    return Array(reports[..<files.count])
  }
}

extension Compiler.FileResult: RepositoryRules.Linkable {}

extension Compiler {
  /// Whether a file may name another stream (`runs`, `hands-over-to` or `from-stream` may start one of its lines):
  /// read from the bytes, before any check, so that the command line reads the repository's other streams only for
  /// a run that may need them. A keyword inside a note block makes it say yes; it never says no wrongly.
  public static func mayNameAnotherStream(_ file: SourceFile) -> Bool {
    mayStartALine(
      with: [AttributeKind.runs, .handsOverTo, .fromStream].map(\.rawValue), file)
  }

  /// Whether a line of `file` starts (after blanks) with one of `keywords` followed by a blank.
  static func mayStartALine(with keywords: [String], _ file: SourceFile) -> Bool {
    let bytes = file.bytes
    let keywords = keywords.map { Array($0.utf8) }
    let isBlank = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
    var index = 0
    while index < bytes.count {
      while index < bytes.count, isBlank(bytes[index]) { index += 1 }
      for keyword in keywords where index + keyword.count < bytes.count && isBlank(bytes[index + keyword.count]) {
        if bytes[index..<index + keyword.count].elementsEqual(keyword) { return true }
      }
      while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
      index += 1
    }
    return false
  }
}

extension Compiler {
  /// Whether a finding leaves its file without a model: an error not silenced.
  static func isError(_ diagnostic: Diagnostic) -> Bool {
    diagnostic.severity == .error && !diagnostic.isSuppressed
  }
}

/// Rules that need every file of a repository at once.
enum RepositoryRules {
  /// The identifier of a file's first stream declaration, found without building the list of every declaration.
  static func streamID(of syntax: FileSyntax) -> SourceRange? {
    for item in syntax.items {
      if case .declaration(let declaration) = item, declaration.kind == .stream { return declaration.identifier?.range }
    }
    return nil
  }

  /// Stream ids are unique across the repository; both files get the finding, each pointing at the other.
  /// `streamIDs[i]` is where file `i` names its stream; `add` receives each finding with the file it belongs to.
  static func checkUniqueStreamIDs(
    _ streamIDs: [SourceRange?], files: [SourceFile], add: (Int, Diagnostic) -> Void
  ) {
    var byID: [String: [(index: Int, range: SourceRange)]] = [:]
    for (index, range) in streamIDs.enumerated() {
      guard let range else { continue }
      byID[files[index].text(range), default: []].append((index, range))
    }
    // In the order of the files' first places, so that the findings do not depend on the dictionary's order.
    for (id, places) in byID.sorted(by: { $0.value[0].index < $1.value[0].index }) where places.count > 1 {
      for place in places {
        let others = places.filter { $0.index != place.index }.map {
          Diagnostic.Label(range: $0.range, message: "also declared here", path: files[$0.index].path)
        }
        let rule = RuleCatalog.rule(named: DiagnosticCode.duplicateStreamID.rawValue)!
        add(
          place.index,
          Diagnostic(
            code: rule.code, severity: .error, message: "stream id `\(id)` is used by \(places.count) files",
            range: place.range, label: "not unique", secondary: others, help: "give each stream its own id"))
      }
    }
  }
}

extension Compiler {
  /// Where a file names its stream (its first stream declaration's identifier), for the rule that spans files.
  public static func streamID(of syntax: FileSyntax) -> SourceRange? {
    RepositoryRules.streamID(of: syntax)
  }

  /// The findings across files that need only the files' trees, by file index, for an editor's open documents among
  /// the files of its workspace: stream ids unique (VS319), and the streams that hand-overs and `runs` name exist,
  /// are not their own stream and form no cycle (VS341 to VS345), as `checkRepository` judges them. What needs the
  /// models (VS347, the targets of a linked stream) is left to `check`.
  public static func crossFileFindings(_ files: [SourceFile], syntaxes: [FileSyntax]) -> [Int: [Diagnostic]] {
    var findings: [Int: [Diagnostic]] = [:]
    let add = { (index: Int, finding: Diagnostic) in findings[index, default: []].append(finding) }
    let streamIDs = syntaxes.map(RepositoryRules.streamID(of:))
    RepositoryRules.checkUniqueStreamIDs(streamIDs, files: files, add: add)
    let handOvers = files.indices.map { RepositoryRules.handOvers(in: syntaxes[$0], file: files[$0], index: $0) }
    RepositoryRules.checkHandOvers(streamIDs, handOvers: handOvers, files: files, add: add)
    let runs = files.indices.map { RepositoryRules.runs(in: syntaxes[$0], file: files[$0], index: $0) }
    RepositoryRules.checkRuns(streamIDs, runs: runs, files: files, add: add)
    return findings.mapValues(Diagnostic.normalized)
  }
}
