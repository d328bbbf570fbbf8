import Foundation

/// Where the repository's root is, for the reports that name files from it (SARIF, which code scanning maps onto the
/// repository): the nearest folder at or above the working directory that holds `.git` (a folder, or a file in a
/// worktree or submodule), else the nearest that holds `vstream.yml`, else the working directory itself.
enum RepositoryRoot {
  /// The working directory as seen from the repository root: `""` at the root, `docs/streams/` two folders down.
  static func workingDirectoryPrefix() -> String {
    let components = FileManager.default.currentDirectoryPath.split(separator: "/").map(String.init)
    for marker in [".git", "vstream.yml"] {
      for depth in stride(from: components.count, through: 0, by: -1) {
        let folder = "/" + components[..<depth].joined(separator: "/")
        if FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent(marker)) {
          return components[depth...].map { $0 + "/" }.joined()
        }
      }
    }
    return ""
  }
}
