import Foundation
import VStream
import VStreamSource

/// The files a command works on, read, with their configurations: what `check`, `build`, `fmt` and `parse` share.
///
/// Problems with the inputs themselves (a missing path, an unreadable file or folder) are collected as failures: the
/// readable files are still used, and the command ends with exit status 2 after its report.
struct Inputs {
  /// The default `--max-file-size`: 128 MiB.
  static let defaultMaxFileSize = 128 << 20
  /// The name standard input is reported under without `--stdin-filename`.
  static let standardInputName = "<stdin>"

  /// The files read, sorted by path (standard input last, as named).
  private(set) var files: [SourceFile] = []
  /// The index in ``files`` of standard input, when `-` was given and read.
  private(set) var standardInputIndex: Int?
  /// Problems reading inputs, as `path: reason`.
  private(set) var failures: [String] = []
  /// Files refused for their size, each with its VS003 finding.
  private(set) var refused: [FileReport] = []
  /// The repository's other `.vstream` files (under ``RepositoryRoot/folder()``, the inputs left out), when asked
  /// for and an input may name another stream (`Compiler.mayNameAnotherStream`): read only so that the streams the inputs name (`hands-over-to`, `from-stream`, `runs`) are known in a run of
  /// some files. Never reported on; one that cannot be read is left out silently.
  private(set) var references: [SourceFile] = []
  private var configurations: ConfigurationFinder?
  private let maxFileSize: Int

  /// Puts the text of file `index` as it now is on disk (after `check --fix` rewrote it); its path, and so its
  /// configuration, stay.
  mutating func replaceFile(at index: Int, bytes: [UInt8]) {
    files[index] = SourceFile(path: files[index].path, bytes: bytes)
  }

  /// Reads `paths` (files, folders searched for `.vstream` files, or `-` for standard input) and, when asked, finds
  /// each file's configuration. Throws only for what ends the command at once (an unreadable `--config`).
  init(
    paths: [String], standardInputName: String?, maxFileSize: Int, configPath: String? = nil,
    loadsConfiguration: Bool = false, yamlLimits: YAMLLimits = YAMLLimits(), readsReferences: Bool = false
  ) throws {
    self.maxFileSize = maxFileSize
    let discovery = InputDiscovery(arguments: paths)
    failures = discovery.failures
    // Read on every core: opening and copying 10,000 small files one after another took a fifth of checking them.
    let outcomes = Parallel.map(discovery.paths.count) { index -> (SourceReader.Outcome, SourceFile?) in
      let outcome = SourceReader.read(path: discovery.paths[index], limit: maxFileSize)
      guard case .read(let bytes) = outcome else { return (outcome, nil) }
      return (outcome, SourceFile(path: discovery.paths[index], bytes: bytes))
    }
    for (path, (outcome, file)) in zip(discovery.paths, outcomes) { add(path: path, outcome, file: file) }
    if discovery.readsStandardInput {
      let index = files.count
      add(path: standardInputName ?? Self.standardInputName, SourceReader.readStandardInput(limit: maxFileSize))
      if files.count > index { standardInputIndex = index }
    }
    // Only when a file may name another stream: a run of files that name none reads nothing more.
    if readsReferences, files.contains(where: Compiler.mayNameAnotherStream) {
      references = Self.references(leavingOut: discovery.paths + (standardInputName.map { [$0] } ?? []))
    }
    if loadsConfiguration {
      // The references' configurations too: their durations are sized by their own `vstream.yml`.
      let finder = try ConfigurationFinder(files: files + references, explicit: configPath, limits: yamlLimits)
      failures += finder.failures
      configurations = finder
    }
  }

  /// The `.vstream` files under the repository root but those at `inputs` (compared as files, whatever the path):
  /// the working directory's repository, and the repository of each input outside it.
  private static func references(leavingOut inputs: [String]) -> [SourceFile] {
    var roots: [String] = RepositoryRoot.folder().map { [$0] } ?? []
    let here = roots.first.map { URL(fileURLWithPath: $0).standardizedFileURL.path + "/" }
    for path in inputs {
      let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
      if let here, absolute.hasPrefix(here) { continue }
      if let root = RepositoryRoot.folder(holding: path), !roots.contains(root) { roots.append(root) }
    }
    guard !roots.isEmpty else { return [] }
    var leftOut = Set<InputDiscovery.FileID>()
    for path in inputs {
      if case .file(let id, _) = InputDiscovery.status(of: path) { leftOut.insert(id) }
    }
    var seen = leftOut
    let paths = InputDiscovery(arguments: roots).paths.filter { path in
      guard case .file(let id, _) = InputDiscovery.status(of: path) else { return false }
      return seen.insert(id).inserted
    }
    return Parallel.map(paths.count) { index -> SourceFile? in
      guard case .read(let bytes) = SourceReader.read(path: paths[index], limit: defaultMaxFileSize) else { return nil }
      return SourceFile(path: paths[index], bytes: bytes)
    }.compactMap { $0 }
  }

  /// Records what reading `path` gave; `file` is the file already made from the bytes read, if it was.
  private mutating func add(path: String, _ outcome: SourceReader.Outcome, file: SourceFile? = nil) {
    switch outcome {
    case .read(let bytes):
      files.append(file ?? SourceFile(path: path, bytes: bytes))
    case .tooLarge(let size):
      refused.append(
        FileReport(
          file: SourceFile(path: path, bytes: []), diagnostics: [Compiler.fileTooLarge(size: size, limit: maxFileSize)])
      )
    case .failed(let reason):
      failures.append("\(path): cannot read the file: \(reason)")
    }
  }

  /// Diagnostics about configuration files, one report per file that has any.
  var configurationReports: [FileReport] { configurations?.reports(for: files) ?? [] }

  /// The configuration that applies to `file` (the defaults when none was found or none was loaded).
  func configuration(for file: SourceFile) -> Configuration {
    configurations?.configuration(for: file) ?? .default
  }

  /// Writes the input failures to standard error; true when there were any.
  func reportFailures() -> Bool {
    for failure in failures { Terminal.standardError.write("error: \(failure)\n") }
    return !failures.isEmpty
  }
}
