import Foundation
import VStreamSource

/// Turns command-line paths into the sorted list of files to read: files as given, folders searched recursively for
/// `.vstream` files, `-` for standard input.
///
/// The walk skips hidden entries (`.git`, `.vstream-cache`, editors' `.#x.vstream`) and the build folders `.build` and
/// `node_modules`. It follows symbolic links, but visits each folder once (by device and inode), so a link loop cannot
/// make it run forever; and a file reached by two paths (a link, or `a.vstream ./a.vstream`) is read once, so it
/// cannot collide with itself in repository-wide rules. Paths are sorted by their bytes so that the output does not
/// depend on the order the file system lists entries in.
struct InputDiscovery {
  /// A file's identity on this machine, whatever path reached it.
  struct FileID: Hashable {
    var device: UInt64
    var inode: UInt64
  }

  /// Folders never searched, besides hidden ones.
  static let skippedFolders: Set<String> = [".build", "node_modules"]

  /// The files to read, sorted by path bytes, each file once.
  private(set) var paths: [String] = []
  /// Paths that could not be used, as `path: reason`.
  private(set) var failures: [String] = []
  /// Whether `-` was among the arguments.
  private(set) var readsStandardInput = false

  init(arguments: [String]) {
    var candidates: [(path: String, id: FileID)] = []
    // Folders are shared by all arguments, and arguments are taken in sorted order, so that `check a b` and
    // `check b a` keep the same path for a folder reached both ways.
    var visited = Set<FileID>()
    for argument in arguments.sorted(by: { $0.precedesInByteOrder($1) }) {
      if argument == "-" {
        readsStandardInput = true
        continue
      }
      switch Self.status(of: argument) {
      case .failure(let reason):
        failures.append("\(argument): \(reason)")
      case .folder(let id):
        // A folder that an earlier argument already walked (`check r r/a`) adds nothing and is not an error.
        let walkedBefore = visited
        guard visited.insert(id).inserted else { continue }
        let before = (candidates.count, failures.count)
        var reachesEarlierFolder = false
        walk(
          argument, visited: &visited, walkedBefore: walkedBefore, reachesEarlierFolder: &reachesEarlierFolder,
          into: &candidates)
        if candidates.count == before.0 && failures.count == before.1 && !reachesEarlierFolder {
          failures.append("\(argument): no .vstream files found under this folder")
        }
      case .file(let id, _):
        // A path named explicitly is read whatever its name or kind: `vstream check <(generate)` passes a pipe.
        candidates.append((Self.relative(argument), id))
      }
    }
    var seen = Set<FileID>()
    for candidate in candidates.sorted(by: { $0.path.precedesInByteOrder($1.path) })
    where seen.insert(candidate.id).inserted {
      paths.append(candidate.path)
    }
  }

  private mutating func walk(
    _ root: String, visited: inout Set<FileID>, walkedBefore: Set<FileID>, reachesEarlierFolder: inout Bool,
    into candidates: inout [(path: String, id: FileID)]
  ) {
    // A path prefix per folder still to read. Children are pushed in reverse order, so that folders are read in sorted
    // order and, of two routes to one folder, the first in sorted order is the one kept.
    var pending = [Self.prefix(for: root)]
    while let prefix = pending.popLast() {
      let folder = prefix.isEmpty ? "." : prefix
      let entries: [String]
      switch Self.entries(of: folder) {
      case .success(let names): entries = names
      case .failure(let failure):
        failures.append("\(Self.trimmedFolder(folder)): cannot read the folder: \(failure.reason)")
        continue
      }
      var folders: [String] = []
      for name in entries where !name.hasPrefix(".") {
        let path = prefix + name
        let isStream = name.hasSuffix(".vstream")
        switch Self.status(of: path) {
        case .failure(let reason):
          if isStream { failures.append("\(path): \(reason)") }
        case .folder(let child):
          guard !Self.skippedFolders.contains(name) else { continue }
          if visited.insert(child).inserted {
            folders.append(path + "/")
          } else if walkedBefore.contains(child) {
            reachesEarlierFolder = true
          }
        case .file(let child, let isRegular):
          guard isStream else { continue }
          if isRegular {
            candidates.append((path, child))
          } else {
            failures.append("\(path): not a regular file (a pipe or a device); name it on the command line to read it")
          }
        }
      }
      pending += folders.reversed()
    }
  }

  /// The prefix that names entries of `root`: `.` and `./` give bare names, so that `vstream check .` reports
  /// `a.vstream` rather than `./a.vstream` (GitHub annotations and SARIF want paths relative to the root).
  static func prefix(for root: String) -> String {
    let folder = relative(root)
    if folder == "." || folder.isEmpty { return "" }
    return folder.hasSuffix("/") ? folder : folder + "/"
  }

  /// A path as reports give it: without leading `./` (`./x/a.vstream` is `x/a.vstream`), so that a GitHub
  /// annotation or a SARIF location names the file the way the repository does. `.` alone stays `.`.
  static func relative(_ path: String) -> String {
    var trimmed = Substring(path)
    while trimmed.hasPrefix("./") { trimmed = trimmed.dropFirst(2).drop { $0 == "/" } }
    return trimmed.isEmpty ? "." : String(trimmed)
  }

  static func trimmedFolder(_ prefix: String) -> String {
    prefix.count > 1 && prefix.hasSuffix("/") ? String(prefix.dropLast()) : prefix
  }

  enum Status {
    case folder(FileID)
    case file(FileID, isRegular: Bool)
    case failure(String)
  }

  /// What `path` is, following symbolic links.
  static func status(of path: String) -> Status {
    var info = stat()
    guard stat(path, &info) == 0 else {
      let reason = errno
      var link = stat()
      if lstat(path, &link) == 0 && (link.st_mode & S_IFMT) == S_IFLNK { return .failure("broken symbolic link") }
      return .failure(reason == ENOENT ? "no such file or folder" : SystemError.describe(reason))
    }
    let id = FileID(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
    switch info.st_mode & S_IFMT {
    case S_IFDIR: return .folder(id)
    case S_IFREG: return .file(id, isRegular: true)
    default: return .file(id, isRegular: false)
    }
  }

  struct ReadFailure: Error {
    var reason: String
  }

  /// The names in a folder, sorted by their bytes; names that are not valid UTF-8 cannot be printed or matched and
  /// are left out.
  static func entries(of folder: String) -> Result<[String], ReadFailure> {
    guard let directory = opendir(folder) else { return .failure(ReadFailure(reason: SystemError.describe(errno))) }
    defer { closedir(directory) }
    var names: [String] = []
    while let entry = readdir(directory) {
      let name = withUnsafePointer(to: &entry.pointee.d_name) { pointer in
        pointer.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: entry.pointee.d_name)) {
          String(validatingCString: $0)
        }
      }
      guard let name, name != ".", name != ".." else { continue }
      names.append(name)
    }
    return .success(names.sorted { $0.precedesInByteOrder($1) })
  }
}
