import Foundation
import VStream
import VStreamSource

/// Finds the `vstream.yml` that applies to each input (the nearest one above the file's folder, or `--config`),
/// reads each configuration file once, and keeps its diagnostics for the report.
struct ConfigurationFinder {
  /// A read configuration and the absolute folder it lives in.
  private struct Loaded {
    var configuration: Configuration
    var folder: String
  }

  /// Diagnostics about the configuration files themselves (VS5xx and YAML errors), one report per file.
  private(set) var reports: [FileReport] = []

  /// The reports about the configuration files that apply to `files` (or the `--config` given): a `vstream.yml`
  /// read only for the references of a run is not the run's to report.
  func reports(for files: [SourceFile]) -> [FileReport] {
    let applying = Set(files.compactMap { chosen[$0.path] })
    return reports.filter { applying.contains($0.file.path) || chosen.isEmpty }
  }
  /// Problems reading a configuration file found by the walk.
  private(set) var failures: [String] = []
  private var loaded: [String: Loaded] = [:]
  /// The configuration file for each input path (nil: none found, the defaults apply).
  private var chosen: [String: String] = [:]
  /// The root of each input's override globs, where its configuration's folder holds it.
  private var roots: [String: String] = [:]
  /// The walk's result per absolute folder, so that a thousand files in one folder cost one walk.
  private var byFolder: [String: String?] = [:]
  /// Folders as the inputs spell them (with their `/`) -> absolute and standardised.
  private var absoluteFolders: [String: String] = [:]
  private let workingDirectory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path

  /// The YAML limits that configuration files are read with; a file over their size is not read at all.
  private let limits: YAMLLimits

  /// Chooses the configuration of every file: `explicit` for all of them, or the nearest `vstream.yml` above each.
  init(files: [SourceFile], explicit: String?, limits: YAMLLimits = YAMLLimits()) throws {
    self.limits = limits
    if let explicit {
      let data: SourceBytes
      switch SourceReader.read(path: explicit, limit: limits.maxBytes) {
      case .read(let bytes): data = bytes
      case .tooLarge: throw CommandFailure("\(explicit): \(Self.tooLarge(limits))")
      case .failed(let reason): throw CommandFailure("\(explicit): cannot read the configuration file: \(reason)")
      }
      load(
        SourceFile(path: explicit, bytes: data),
        folder: (absolute(explicit, isFolder: false) as NSString).deletingLastPathComponent)
      for file in files { choose(explicit, for: file) }
      return
    }
    for file in files {
      guard let found = nearest(above: absoluteFile(file.path)) else { continue }
      let shown = Self.display(found, workingDirectory: workingDirectory)
      if loaded[shown] == nil {
        switch SourceReader.read(path: found, limit: limits.maxBytes) {
        case .read(let bytes):
          load(SourceFile(path: shown, bytes: bytes), folder: (found as NSString).deletingLastPathComponent)
        case .tooLarge:
          failures.append("\(shown): \(Self.tooLarge(limits))")
          continue
        case .failed(let reason):
          failures.append("\(shown): cannot read the configuration file: \(reason)")
          continue
        }
      }
      choose(shown, for: file)
    }
  }

  /// The configuration for `file`, its override globs rooted at the configuration's folder in the same spelling as
  /// the file's path (`./repo/a.vstream`, `repo/a.vstream` or an absolute path all match `paths: ["a.vstream"]`).
  func configuration(for file: SourceFile) -> Configuration {
    guard let path = chosen[file.path], let entry = loaded[path] else { return .default }
    var configuration = entry.configuration
    if let root = roots[file.path] { configuration.root = root }
    return configuration
  }

  /// Chooses `configurationPath` for `file` and works out the root its override globs are matched from (see
  /// `configuration(for:)`), once per file: this is asked again from every core.
  private mutating func choose(_ configurationPath: String, for file: SourceFile) {
    chosen[file.path] = configurationPath
    guard let entry = loaded[configurationPath] else { return }
    let absoluteFile = absoluteFile(file.path)
    guard absoluteFile.hasPrefix(entry.folder == "/" ? "/" : entry.folder + "/") else { return }
    let relative = String(absoluteFile.dropFirst(entry.folder == "/" ? 1 : entry.folder.count + 1))
    guard file.path.hasSuffix(relative) else { return }
    // The checker drops a leading `./` from the file's path before it compares, so the root must not have one.
    var root = Substring(file.path.dropLast(relative.count))
    while root.hasPrefix("./") { root = root.dropFirst(2) }
    roots[file.path] = String(root)
  }

  /// Why a configuration file over the size limit was not read, and how to read it anyway.
  static func tooLarge(_ limits: YAMLLimits) -> String {
    "the configuration file is larger than \(limits.maxBytes) bytes (raise the limit with --max-yaml-size)"
  }

  private mutating func load(_ file: SourceFile, folder: String) {
    let (configuration, diagnostics) = Compiler.configuration(file, limits: limits)
    loaded[file.path] = Loaded(configuration: configuration, folder: folder)
    if !diagnostics.isEmpty { reports.append(FileReport(file: file, diagnostics: Diagnostic.normalized(diagnostics))) }
  }

  /// The absolute, standardised path (no `.` or `..`; symbolic links are kept, as the user sees the tree).
  private func absolute(_ path: String, isFolder: Bool) -> String {
    URL(
      fileURLWithPath: path, isDirectory: isFolder,
      relativeTo: URL(fileURLWithPath: workingDirectory, isDirectory: true)
    )
    .standardizedFileURL.path
  }

  /// `absolute(file, isFolder: false)` with its folder made absolute once per folder: standardising a URL is most
  /// of what choosing a configuration costs a file, and the files of a repository share a few folders.
  private mutating func absoluteFile(_ file: String) -> String {
    let nameStart = file.utf8.lastIndex(of: UInt8(ascii: "/")).map { file.utf8.index(after: $0) } ?? file.startIndex
    let name = String(file[nameStart...])
    let folder = String(file[..<nameStart])
    guard !name.isEmpty, name != ".", name != ".." else { return absolute(file, isFolder: false) }
    let base: String
    if let known = absoluteFolders[folder] {
      base = known
    } else {
      base = folder.isEmpty ? workingDirectory : absolute(folder, isFolder: true)
      absoluteFolders[folder] = base
    }
    return base == "/" ? "/" + name : base + "/" + name
  }

  /// The nearest `vstream.yml` in the folder of `file` or above it. A name given for standard input may point into
  /// a folder that does not exist; the walk then starts from the working directory.
  private mutating func nearest(above file: String) -> String? {
    var start = Self.parent(of: file)
    // Files of one folder ask once: no look at the disk for the others.
    if let cached = byFolder[start] { return cached }
    if case .folder = InputDiscovery.status(of: start) {} else { start = workingDirectory }
    var visited: [String] = []
    var current = start
    var found: String?
    while true {
      if let cached = byFolder[current] {
        found = cached
        break
      }
      visited.append(current)
      let candidate = ConfigurationSearch.candidate(in: current)
      if case .file = InputDiscovery.status(of: candidate) {
        found = candidate
        break
      }
      if current == "/" || current.isEmpty { break }
      current = Self.parent(of: current)
    }
    for folder in visited { byFolder[folder] = .some(found) }
    return found
  }

  /// The folder of a standardised absolute path (see `ConfigurationSearch.parent(of:)`).
  static func parent(of path: String) -> String { ConfigurationSearch.parent(of: path) }

  /// A path relative to the working directory when it is inside it, else absolute.
  static func display(_ absolute: String, workingDirectory: String) -> String {
    if absolute.hasPrefix(workingDirectory + "/") { return String(absolute.dropFirst(workingDirectory.count + 1)) }
    return absolute
  }
}
