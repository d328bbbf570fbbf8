import Foundation
import VStream
import VStreamCheck
import VStreamSource

/// Finds, reads and configures the files a command works on.
struct Inputs {
  var files: [SourceFile] = []
  /// Problems reading inputs: reported, and the run ends with exit status 2, but the readable files are still used.
  var failures: [String] = []
  var configurationReports: [FileReport] = []
  private var configurations: [String: Configuration] = [:]
  /// Which configuration file applies to each input file, by path.
  private var configurationFor: [String: String] = [:]

  static let defaultMaxFileSize = 128 << 20
  static let skippedFolders: Set<String> = [".build", "node_modules", ".git"]

  /// Reads `paths` (files, folders searched for `.vstream` files, or `-` for standard input).
  init(paths: [String], stdinName: String?, maxFileSize: Int, configPath: String?, loadsConfiguration: Bool = true) throws {
    var discovered: [String] = []
    var readStandardInput = false
    for path in paths {
      if path == "-" {
        readStandardInput = true
        continue
      }
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        failures.append("\(path): no such file or folder")
        continue
      }
      if isDirectory.boolValue {
        let found = walk(path)
        if found.isEmpty { failures.append("\(path): no .vstream files found") }
        discovered += found
      } else {
        discovered.append(path)
      }
    }
    // Sorted, so that output does not depend on the file system's order.
    var seen = Set<String>()
    for path in discovered.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) where seen.insert(path).inserted {
      if let file = read(path, maxFileSize: maxFileSize) { files.append(file) }
    }
    if readStandardInput {
      let data = FileHandle.standardInput.readDataToEndOfFile()
      files.append(SourceFile(path: stdinName ?? "<stdin>", bytes: [UInt8](data)))
    }
    if loadsConfiguration { try loadConfigurations(explicit: configPath) }
  }

  /// Every `.vstream` file under `root`, skipping hidden folders and build folders; symbolic links to folders are
  /// followed once, so that a link loop cannot make the walk go on forever.
  mutating func walk(_ root: String) -> [String] {
    var found: [String] = []
    var visited = Set<String>()
    var pending = [root]
    while let folder = pending.popLast() {
      // The real path (realpath(3)) identifies a folder however it was reached, so a link loop is walked once.
      guard let resolved = realpath(folder, nil) else {
        failures.append("\(folder): cannot read the folder")
        continue
      }
      let real = String(cString: resolved)
      free(resolved)
      guard visited.insert(real).inserted else { continue }
      let entries: [String]
      do {
        entries = try FileManager.default.contentsOfDirectory(atPath: folder)
      } catch {
        failures.append("\(folder): cannot read the folder")
        continue
      }
      for entry in entries.sorted() {
        let path = folder.hasSuffix("/") ? folder + entry : folder + "/" + entry
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
        if isDirectory.boolValue {
          if !entry.hasPrefix("."), !Self.skippedFolders.contains(entry) { pending.append(path) }
        } else if entry.hasSuffix(".vstream"), !entry.hasPrefix(".") {
          found.append(path)
        }
      }
    }
    return found
  }

  mutating func read(_ path: String, maxFileSize: Int) -> SourceFile? {
    guard FileManager.default.isReadableFile(atPath: path), let handle = FileHandle(forReadingAtPath: path) else {
      failures.append("\(path): cannot read the file (permission denied?)")
      return nil
    }
    defer { try? handle.close() }
    let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    if size > maxFileSize {
      let file = SourceFile(path: path, bytes: [])
      tooLarge.append(
        FileReport(
          file: file,
          diagnostics: [
            Diagnostic(
              code: "VS003", severity: .error, message: "the file is \(size) bytes, more than the limit of \(maxFileSize)",
              range: SourceRange(start: 0, end: 0), help: "split the stream, or raise the limit with --max-file-size")
          ]))
      return nil
    }
    guard let data = try? handle.readToEnd() ?? Data() else {
      failures.append("\(path): cannot read the file")
      return nil
    }
    return SourceFile(path: path, bytes: [UInt8](data))
  }

  /// Files refused for their size: reported as findings (VS003), not read.
  var tooLarge: [FileReport] = []

  /// Finds each file's `vstream.yml` by walking up from its folder (or uses `--config`), and reads each once.
  mutating func loadConfigurations(explicit: String?) throws {
    if let explicit = explicit {
      guard let data = FileManager.default.contents(atPath: explicit) else {
        throw CommandFailure("\(explicit): cannot read the configuration file")
      }
      let folder = (explicit as NSString).deletingLastPathComponent
      load(SourceFile(path: explicit, bytes: [UInt8](data)), root: folder)
      for file in files { configurationFor[file.path] = explicit }
      return
    }
    // Walk absolute, standardised folders (so `..` and symbolic links cannot confuse the walk), and show the paths
    // found relative to the working directory, like the inputs.
    let workingDirectory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path
    var byFolder: [String: String?] = [:]
    for file in files {
      let isStandardInput = !FileManager.default.fileExists(atPath: file.path)
      let start = isStandardInput
        ? workingDirectory
        : URL(fileURLWithPath: file.path, relativeTo: URL(fileURLWithPath: workingDirectory, isDirectory: true))
          .standardizedFileURL.deletingLastPathComponent().path
      var visited: [String] = []
      var found: String?
      var current = start
      while true {
        if let cached = byFolder[current] {
          found = cached
          break
        }
        visited.append(current)
        let candidate = current == "/" ? "/vstream.yml" : current + "/vstream.yml"
        if FileManager.default.fileExists(atPath: candidate) {
          found = candidate
          break
        }
        if current == "/" || current.isEmpty { break }
        current = (current as NSString).deletingLastPathComponent
      }
      for folder in visited { byFolder[folder] = .some(found) }
      guard let absolute = found else { continue }
      let path = Self.display(absolute, workingDirectory: workingDirectory)
      if configurations[path] == nil {
        guard let data = FileManager.default.contents(atPath: absolute) else {
          failures.append("\(path): cannot read the configuration file")
          continue
        }
        load(SourceFile(path: path, bytes: [UInt8](data)), root: (path as NSString).deletingLastPathComponent)
      }
      configurationFor[file.path] = path
    }
  }

  /// A path relative to the working directory when it is inside it, else absolute.
  static func display(_ absolute: String, workingDirectory: String) -> String {
    if absolute.hasPrefix(workingDirectory + "/") { return String(absolute.dropFirst(workingDirectory.count + 1)) }
    return absolute
  }

  mutating func load(_ file: SourceFile, root: String) {
    let (configuration, diagnostics) = Configuration.load(file, root: root.isEmpty || root == "." ? "" : root + "/")
    configurations[file.path] = configuration
    if !diagnostics.isEmpty { configurationReports.append(FileReport(file: file, diagnostics: Diagnostic.normalized(diagnostics))) }
  }

  func configuration(for file: SourceFile) -> Configuration {
    configurationFor[file.path].flatMap { configurations[$0] } ?? .default
  }

  /// Reports the input failures on standard error; true when there were any.
  func reportFailures() -> Bool {
    for failure in failures { Terminal.standardError.write("error: \(failure)\n") }
    return !failures.isEmpty
  }
}
