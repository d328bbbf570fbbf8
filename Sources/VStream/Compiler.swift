import Foundation
import VStreamCheck
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

  /// Parses one file: never fails, always returns a tree and every syntax diagnostic.
  public static func parse(_ file: SourceFile, options: ParserOptions = ParserOptions()) -> Parsed {
    let (syntax, diagnostics) = Parser.parse(file, options: options)
    return Parsed(file: file, syntax: syntax, diagnostics: diagnostics)
  }

  /// Every diagnostic code of every stage, sorted by code: for `vstream explain`, SARIF and the specification.
  public static var rules: [RuleDescriptor] { RuleCatalog.all }

  /// Parses and checks one file; `options` carries the limits on its front matter. With `buildingModel` false only
  /// the diagnostics are wanted (`vstream check`): the checked stream, its strings and its metrics are not built and
  /// `stream` is nil.
  public static func check(
    _ file: SourceFile, configuration: Configuration = .default, options: ParserOptions = ParserOptions(),
    buildingModel: Bool = true
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

  /// Checks many files in parallel, then the rules that span files (stream ids unique across the repository).
  /// Results come back in input order, so output does not depend on scheduling. `configurations` gives each file's
  /// configuration (files in different folders may have different `vstream.yml`).
  public static func checkRepository(
    _ files: [SourceFile], configuration: (SourceFile) -> Configuration = { _ in .default },
    options: ParserOptions = ParserOptions(), buildingModel: Bool = true
  ) -> [FileResult] {
    var results = [FileResult?](repeating: nil, count: files.count)
    let lock = NSLock()
    DispatchQueue.concurrentPerform(iterations: files.count) { index in
      let result = check(
        files[index], configuration: configuration(files[index]), options: options, buildingModel: buildingModel)
      lock.lock()
      results[index] = result
      lock.unlock()
    }
    var checked = results.map { $0! }
    RepositoryRules.checkUniqueStreamIDs(&checked)
    return checked
  }
}

/// Rules that need every file of a repository at once.
enum RepositoryRules {
  /// Stream ids are unique across the repository; both files get the finding, each pointing at the other.
  static func checkUniqueStreamIDs(_ results: inout [Compiler.FileResult]) {
    var byID: [String: [(index: Int, range: SourceRange)]] = [:]
    for (index, result) in results.enumerated() {
      // The first stream declaration, found without building the list of every declaration.
      var firstStream: DeclarationSyntax?
      for item in result.syntax.items {
        if case .declaration(let declaration) = item, declaration.kind == .stream {
          firstStream = declaration
          break
        }
      }
      guard let stream = firstStream, let identifier = stream.identifier else { continue }
      byID[identifier.text(in: result.file), default: []].append((index, identifier.range))
    }
    for (id, places) in byID where places.count > 1 {
      for place in places {
        let others = places.filter { $0.index != place.index }.map {
          Diagnostic.Label(range: $0.range, message: "also declared here", path: results[$0.index].file.path)
        }
        let rule = RuleCatalog.rule(named: CheckMessages.duplicateStreamID)!
        results[place.index].diagnostics.append(
          Diagnostic(
            code: rule.code, severity: .error, message: "stream id `\(id)` is used by \(places.count) files", range: place.range,
            label: "not unique", secondary: others, help: "give each stream its own id"))
        results[place.index].diagnostics = Diagnostic.normalized(results[place.index].diagnostics)
        results[place.index].stream = nil
      }
    }
  }
}
