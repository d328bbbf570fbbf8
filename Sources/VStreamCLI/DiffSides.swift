import Foundation
import VStream
import VStreamSource

/// The files of the two sides of `vstream diff`, read from two git revisions, two folders or two files, with the
/// configuration each file is checked with on its side.
struct DiffSides {
  var base: [SourceFile] = []
  var head: [SourceFile] = []
  /// For revisions narrowed by PATH...: each side's other streams, read only when a compared file may run another
  /// stream, so that its step takes the figures of a stream outside the paths (as `check` reads references).
  var baseReferences: [SourceFile] = []
  var headReferences: [SourceFile] = []
  /// Problems with inputs that were left out (a binary file, one over the size limit), as `where: reason`.
  var failures: [String] = []
  /// Two files were given: the current and the future state of one stream, compared whatever their ids.
  var areSingleFiles = false
  private var configurations: [Bool: [String: Configuration]] = [true: [:], false: [:]]
  /// For revisions: which `vstream.yml` (its path and object id) each file is checked with, on each side.
  private var configurationSources: [Bool: [String: String]] = [true: [:], false: [:]]

  func configuration(for file: SourceFile, isBase: Bool) -> Configuration {
    configurations[isBase]?[file.path] ?? .default
  }

  /// Whether the file at `path` is checked with the same configuration on both sides: known for revisions (the same
  /// `vstream.yml` object, or none on either side); folders are not asked to prove it.
  func hasSameConfiguration(_ path: String) -> Bool {
    guard let base = configurationSources[true]?[path], let head = configurationSources[false]?[path] else {
      return false
    }
    return base == head
  }

  /// Reads both sides. Two existing folders or files are read from disk; otherwise both names are revisions.
  static func read(base: String, head: String, paths: [String], input: InputOptions) throws -> DiffSides {
    let kinds = [base, head].map(InputDiscovery.status(of:))
    var sides = DiffSides()
    switch (kinds[0], kinds[1]) {
    case (.folder, .folder), (.file(_, true), .file(_, true)):
      guard paths.isEmpty else {
        throw CommandFailure(
          "PATH... narrows a comparison of git revisions; give it no paths with two folders or files")
      }
      if case .file = kinds[0] { sides.areSingleFiles = true }
      try sides.readFromDisk(base, isBase: true, input: input)
      try sides.readFromDisk(head, isBase: false, input: input)
    case (.failure, .failure):
      try sides.readFromGit(base: base, head: head, paths: paths, input: input)
    default:
      throw CommandFailure(
        "`\(base)` and `\(head)` are not two folders, two files or two revisions; give two of the same kind")
    }
    return sides
  }

  /// Reads a folder or a file with `check`'s discovery and configurations. Paths in a folder are shown relative to
  /// it, so that the same file on both sides has the same path.
  private mutating func readFromDisk(_ root: String, isBase: Bool, input: InputOptions) throws {
    let inputs = try input.read([root], standardInputName: nil, loadsConfiguration: true)
    failures += inputs.failures
    for refused in inputs.refused { failures += refused.diagnostics.map { "\(refused.file.path): \($0.message)" } }
    let prefix = root.hasSuffix("/") ? root : root + "/"
    var files: [SourceFile] = []
    for file in inputs.files {
      if let problem = Self.binaryProblem(file.bytes) {
        failures.append("\(file.path): \(problem)")
        continue
      }
      let path =
        areSingleFiles ? file.path : file.path.hasPrefix(prefix) ? String(file.path.dropFirst(prefix.count)) : file.path
      let shown = SourceFile(path: path, bytes: file.bytes)
      configurations[isBase]?[path] = inputs.configuration(for: file)
      files.append(shown)
    }
    if isBase { base = files } else { head = files }
  }

  /// Reads the `.vstream` files under `paths` at two revisions, and the `vstream.yml` nearest above each. Objects
  /// are read once however many sides hold them: a file unchanged between the revisions is one blob.
  private mutating func readFromGit(base: String, head: String, paths: [String], input: InputOptions) throws {
    // The working directory's place is only needed to resolve paths (one git process fewer without them).
    let prefix = paths.isEmpty ? "" : try GitTree.prefix()
    let wanted = try paths.map { try Self.repositoryPath($0, prefix: prefix) }
    let trees = try GitTree.read([base, head])
    let isStream = { (entry: GitTree.Entry) in entry.path.hasSuffix(".vstream") && !Self.isSkipped(entry.path) }
    let chosen = trees.map { tree in
      (
        streams: tree.entries.filter { entry in
          isStream(entry)
            && (wanted.isEmpty || wanted.contains { $0.isEmpty || entry.path == $0 || entry.path.hasPrefix($0 + "/") })
        },
        settings: tree.entries.filter { $0.path == "vstream.yml" || $0.path.hasSuffix("/vstream.yml") }
      )
    }
    // A path that names no stream on either side is a typo more often than a wish to compare nothing.
    for (path, wantedPath) in zip(paths, wanted) where !wantedPath.isEmpty {
      let names = { (entry: GitTree.Entry) in entry.path == wantedPath || entry.path.hasPrefix(wantedPath + "/") }
      if !chosen.contains(where: { $0.streams.contains(where: names) }) {
        throw CommandFailure("\(path): no .vstream file there at \(base) or \(head)")
      }
    }
    var objects: [String] = []
    var seen = Set<String>()
    for side in chosen {
      for entry in side.streams + side.settings where seen.insert(entry.object).inserted {
        objects.append(entry.object)
      }
    }
    var contents: [String: [UInt8]] = [:]
    for (object, bytes) in zip(objects, try GitTree.blobs(objects)) { contents[object] = bytes }
    for ((revision, isBase), side) in zip([(base, true), (head, false)], chosen) {
      let loaded = Self.configurations(side.settings, contents: contents, input: input)
      var settingObjects: [String: String] = [:]
      for entry in side.settings { settingObjects[entry.path] = entry.object }
      var files: [SourceFile] = []
      for entry in side.streams {
        let bytes = contents[entry.object] ?? []
        let place = "\(revision):\(entry.path)"
        if bytes.count > input.maxFileSize {
          failures.append("\(place): the file is \(bytes.count) bytes, more than the limit of \(input.maxFileSize)")
          continue
        }
        if let problem = Self.binaryProblem(SourceBytes(bytes)) {
          failures.append("\(place): \(problem)")
          continue
        }
        let source = Self.nearest(above: entry.path, in: loaded)
        configurations[isBase]?[entry.path] = source?.configuration
        configurationSources[isBase]?[entry.path] =
          source.map { "\($0.path) \(settingObjects[$0.path] ?? "")" } ?? "none"
        files.append(SourceFile(path: entry.path, bytes: bytes))
      }
      if isBase { self.base = files } else { self.head = files }
    }
    // The streams outside the paths, as references, when a compared file may run one of them.
    guard !wanted.isEmpty, (self.base + self.head).contains(where: Compiler.mayRunAnotherStream) else { return }
    let others = zip(trees, chosen).map { tree, side in
      let compared = Set(side.streams.map(\.path))
      return tree.entries.filter { isStream($0) && !compared.contains($0.path) }
    }
    var referenceObjects: [String] = []
    for entry in others.joined() where seen.insert(entry.object).inserted { referenceObjects.append(entry.object) }
    for (object, bytes) in zip(referenceObjects, try GitTree.blobs(referenceObjects)) { contents[object] = bytes }
    for (isBase, entries) in zip([true, false], others) {
      let loaded = Self.configurations(chosen[isBase ? 0 : 1].settings, contents: contents, input: input)
      var files: [SourceFile] = []
      for entry in entries {
        let bytes = contents[entry.object] ?? []
        guard bytes.count <= input.maxFileSize, Self.binaryProblem(SourceBytes(bytes)) == nil else { continue }
        configurations[isBase]?[entry.path] = Self.nearest(above: entry.path, in: loaded)?.configuration
        files.append(SourceFile(path: entry.path, bytes: bytes))
      }
      if isBase { baseReferences = files } else { headReferences = files }
    }
  }

  /// A revision's `vstream.yml` files read, by path, each rooted at its folder.
  private static func configurations(
    _ settings: [GitTree.Entry], contents: [String: [UInt8]], input: InputOptions
  ) -> [String: Configuration] {
    var loaded: [String: Configuration] = [:]
    for entry in settings {
      var (configuration, _) = Compiler.configuration(
        SourceFile(path: entry.path, bytes: contents[entry.object] ?? []), limits: input.yaml.limits)
      configuration.root = String(entry.path.dropLast("vstream.yml".count))
      loaded[entry.path] = configuration
    }
    return loaded
  }

  /// The configuration in the file's folder or the nearest above it.
  private static func nearest(
    above path: String, in loaded: [String: Configuration]
  ) -> (path: String, configuration: Configuration)? {
    var folder = Substring(path)
    while let slash = folder.lastIndex(of: "/") {
      folder = folder[..<slash]
      let candidate = String(folder) + "/vstream.yml"
      if let found = loaded[candidate] { return (candidate, found) }
    }
    return loaded["vstream.yml"].map { ("vstream.yml", $0) }
  }

  /// Hidden entries and build folders, which `check` does not search either.
  private static func isSkipped(_ path: String) -> Bool {
    path.split(separator: "/").contains { $0.hasPrefix(".") || InputDiscovery.skippedFolders.contains(String($0)) }
  }

  /// `path` (relative to the working directory, at `prefix` in the repository) from the repository's root, without
  /// `.` and `..`; "" for the root. Throws for a path outside the repository.
  static func repositoryPath(_ path: String, prefix: String) throws -> String {
    guard !path.hasPrefix("/") else {
      throw CommandFailure("\(path): give paths relative to the working directory, inside the repository")
    }
    var parts: [Substring] = prefix.split(separator: "/")
    for part in path.split(separator: "/") {
      if part == "." { continue }
      if part == ".." {
        guard !parts.isEmpty else { throw CommandFailure("\(path): the path is outside the repository") }
        parts.removeLast()
      } else {
        parts.append(part)
      }
    }
    return parts.joined(separator: "/")
  }

  /// Why bytes are not a stream's text: a NUL byte marks a binary file (an image saved as `.vstream`).
  static func binaryProblem(_ bytes: SourceBytes) -> String? {
    bytes.withUnsafeBytes { $0.contains(0) } ? "a binary file (it holds NUL bytes), not compared" : nil
  }
}
