import Foundation
import VStreamCheck
import VStreamSource
import VStreamYAML

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
  /// Problems reading a configuration file found by the walk.
  private(set) var failures: [String] = []
  private var loaded: [String: Loaded] = [:]
  /// The configuration file for each input path (nil: none found, the defaults apply).
  private var chosen: [String: String] = [:]
  /// The walk's result per absolute folder, so that a thousand files in one folder cost one walk.
  private var byFolder: [String: String?] = [:]
  private let workingDirectory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path

  /// The YAML limits that configuration files are read with; a file over their size is not read at all.
  private let limits: YAMLLimits

  /// Chooses the configuration of every file: `explicit` for all of them, or the nearest `vstream.yml` above each.
  init(files: [SourceFile], explicit: String?, limits: YAMLLimits = YAMLLimits()) throws {
    self.limits = limits
    if let explicit {
      let data: [UInt8]
      switch SourceReader.read(path: explicit, limit: limits.maxBytes) {
      case .read(let bytes): data = bytes
      case .tooLarge: throw CommandFailure("\(explicit): \(Self.tooLarge(limits))")
      case .failed(let reason): throw CommandFailure("\(explicit): cannot read the configuration file: \(reason)")
      }
      load(
        SourceFile(path: explicit, bytes: data),
        folder: (absolute(explicit, isFolder: false) as NSString).deletingLastPathComponent)
      for file in files { chosen[file.path] = explicit }
      return
    }
    for file in files {
      guard let found = nearest(above: absolute(file.path, isFolder: false)) else { continue }
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
      chosen[file.path] = shown
    }
  }

  /// The configuration for `file`, its override globs rooted at the configuration's folder in the same spelling as
  /// the file's path (`./repo/a.vstream`, `repo/a.vstream` or an absolute path all match `paths: ["a.vstream"]`).
  func configuration(for file: SourceFile) -> Configuration {
    guard let path = chosen[file.path], let entry = loaded[path] else { return .default }
    var configuration = entry.configuration
    let absoluteFile = absolute(file.path, isFolder: false)
    if absoluteFile.hasPrefix(entry.folder == "/" ? "/" : entry.folder + "/") {
      let relative = String(absoluteFile.dropFirst(entry.folder == "/" ? 1 : entry.folder.count + 1))
      if file.path.hasSuffix(relative) {
        // The checker drops a leading `./` from the file's path before it compares, so the root must not have one.
        var root = Substring(file.path.dropLast(relative.count))
        while root.hasPrefix("./") { root = root.dropFirst(2) }
        configuration.root = String(root)
      }
    }
    return configuration
  }

  /// Why a configuration file over the size limit was not read, and how to read it anyway.
  static func tooLarge(_ limits: YAMLLimits) -> String {
    "the configuration file is larger than \(limits.maxBytes) bytes (raise the limit with --max-yaml-size)"
  }

  private mutating func load(_ file: SourceFile, folder: String) {
    let (configuration, diagnostics) = Configuration.load(file, root: "", limits: limits)
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

  /// The nearest `vstream.yml` in the folder of `file` or above it. A name given for standard input may point into
  /// a folder that does not exist; the walk then starts from the working directory.
  private mutating func nearest(above file: String) -> String? {
    var start = (file as NSString).deletingLastPathComponent
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
      let candidate = current == "/" ? "/vstream.yml" : current + "/vstream.yml"
      if case .file = InputDiscovery.status(of: candidate) {
        found = candidate
        break
      }
      if current == "/" || current.isEmpty { break }
      current = (current as NSString).deletingLastPathComponent
    }
    for folder in visited { byFolder[folder] = .some(found) }
    return found
  }

  /// A path relative to the working directory when it is inside it, else absolute.
  static func display(_ absolute: String, workingDirectory: String) -> String {
    if absolute.hasPrefix(workingDirectory + "/") { return String(absolute.dropFirst(workingDirectory.count + 1)) }
    return absolute
  }
}
