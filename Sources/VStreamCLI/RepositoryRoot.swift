import Foundation

/// Where the repository's root is, for the reports that name files from it (SARIF, which code scanning maps onto the
/// repository): the nearest folder at or above the working directory that holds `.git` (a folder, or a file in a
/// worktree or submodule), else the nearest that holds `vstream.yml`, else the working directory itself.
enum RepositoryRoot {
  /// The working directory as seen from the repository root: `""` at the root, `docs/streams/` two folders down.
  static func workingDirectoryPrefix() -> String {
    marked().map { $0.joined() } ?? ""
  }

  /// The repository root as a path from the working directory (`.`, `../..`), where the other streams a run may
  /// name are looked for; nil when no folder at or above it holds `.git` or `vstream.yml`, since the working
  /// directory alone is not known to be a repository (it may be a home folder).
  static func folder() -> String? {
    guard let below = marked() else { return nil }
    return below.isEmpty ? "." : below.map { _ in ".." }.joined(separator: "/")
  }

  /// The root of the repository that holds `path` (a file named on the command line), as an absolute path; nil when
  /// no folder above it holds `.git` or `vstream.yml`. For a file outside the working directory's repository
  /// (`vstream check ~/other/streams/a.vstream`), whose references are in its own.
  static func folder(holding path: String) -> String? {
    let absolute = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent().path
    let components = absolute.split(separator: "/").map(String.init)
    guard let below = marked(components) else { return nil }
    return "/" + components[..<(components.count - below.count)].joined(separator: "/")
  }

  /// The folders from the root down to the working directory, each as `name/`; nil when no root is marked.
  private static func marked() -> [String]? {
    marked(FileManager.default.currentDirectoryPath.split(separator: "/").map(String.init))
  }

  /// The folders from the root down to the folder of `components`, each as `name/`; nil when no root is marked.
  private static func marked(_ components: [String]) -> [String]? {
    for marker in [".git", "vstream.yml"] {
      for depth in stride(from: components.count, through: 0, by: -1) {
        let folder = "/" + components[..<depth].joined(separator: "/")
        if FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent(marker)) {
          return components[depth...].map { $0 + "/" }
        }
      }
    }
    return nil
  }
}
