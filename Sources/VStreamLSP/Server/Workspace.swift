import VStream
import VStreamSource
import VStreamSyntax

/// What the server knows beyond the open documents: the workspace folders, the `vstream.yml` that applies to each
/// file (found as `vstream check` finds it), and where every stream file on disk names its stream, for the rule that
/// stream ids are unique across files.
final class Workspace {
  private let files: WorkspaceFiles
  private(set) var folders: [String] = []
  /// Read configurations by path, and the path chosen for each folder (nil: none, the defaults apply).
  private var configurations: [String: Configuration] = [:]
  private var chosen: [String: String?] = [:]
  /// The stream files on disk, with their trees (what the findings across files read) and where each names its
  /// stream.
  private var onDisk: [String: (file: SourceFile, syntax: FileSyntax, streamID: SourceRange?)] = [:]
  /// The most files the workspace scan reads, so that opening a home folder cannot exhaust memory.
  static let maxFiles = 5_000
  /// Files larger than this are left out of the scan (they are still checked when opened).
  static let maxFileBytes = 4 << 20

  init(files: WorkspaceFiles) {
    self.files = files
  }

  /// Sets the folders and reads every stream file in them.
  func open(folders: [String]) {
    self.folders = folders
    onDisk = [:]
    for folder in folders {
      for path in files.streamFiles(under: folder) where onDisk.count < Self.maxFiles {
        refresh(path)
      }
    }
  }

  /// Reads one stream file again (it changed on disk, or was closed); a file that is gone is forgotten.
  func refresh(_ path: String) {
    guard let bytes = files.read(path), bytes.count <= Self.maxFileBytes else {
      onDisk[path] = nil
      return
    }
    let file = SourceFile(path: path, bytes: bytes)
    let syntax = Compiler.parse(file).syntax
    onDisk[path] = (file, syntax, Compiler.streamID(of: syntax))
  }

  /// A stream file on disk as last read.
  func file(at path: String) -> SourceFile? { onDisk[path]?.file }

  func forget(_ path: String) { onDisk[path] = nil }

  /// The text of a file on disk, for restoring a closed document.
  func read(_ path: String) -> [UInt8]? { files.read(path) }

  /// Forgets every configuration read, so that the next question reads them again (`vstream.yml` changed).
  func reloadConfigurations() {
    configurations = [:]
    chosen = [:]
  }

  /// The configuration for a file at an absolute path, with its override globs rooted at the configuration's
  /// folder; the defaults for a document that is not a file.
  func configuration(for path: String?) -> Configuration {
    guard let path, path.hasPrefix("/") else { return .default }
    let folder = ConfigurationSearch.parent(of: path)
    let found: String?
    if let cached = chosen[folder] {
      found = cached
    } else {
      found = ConfigurationSearch.nearest(from: folder, isFile: files.isFile)
      chosen[folder] = .some(found)
    }
    guard let found else { return .default }
    if configurations[found] == nil {
      let bytes = files.read(found) ?? []
      configurations[found] = Compiler.configuration(SourceFile(path: found, bytes: bytes)).configuration
    }
    var configuration = configurations[found]!
    configuration.root = ConfigurationSearch.root(of: found)
    return configuration
  }

  /// Every stream id named by an open document or a file on disk, sorted, each once: what `runs` and the hand-overs
  /// may name.
  func streamIDs(open: [(file: SourceFile, streamID: SourceRange?)]) -> [String] {
    let ids =
      open.compactMap { entry in entry.streamID.map { entry.file.text($0) } }
      + onDisk.values.compactMap { entry in entry.streamID.map { entry.file.text($0) } }
    return Set(ids).sorted()
  }

  /// The findings across files for each open document (by path), given the open documents' current texts: stream
  /// ids used by more than one file, and the streams hand-overs and `runs` name (`Compiler.crossFileFindings`);
  /// files on disk that are open count only as open.
  func crossFileFindings(open: [(file: SourceFile, syntax: FileSyntax)]) -> [String: [Diagnostic]] {
    let openPaths = Set(open.map(\.file.path))
    let closed = onDisk.keys.sorted().filter { !openPaths.contains($0) }.map { (onDisk[$0]!.file, onDisk[$0]!.syntax) }
    let all = open.map { ($0.file, $0.syntax) } + closed
    let findings = Compiler.crossFileFindings(all.map(\.0), syntaxes: all.map(\.1))
    var byPath: [String: [Diagnostic]] = [:]
    for (index, diagnostics) in findings where index < open.count {
      byPath[open[index].file.path] = diagnostics
    }
    return byPath
  }
}
