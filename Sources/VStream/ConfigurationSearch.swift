/// Where `vstream.yml` is looked for: in a file's folder, then in each folder above it, the nearest one winning. The
/// pure part of the search, shared by the command line (`ConfigurationFinder`) and the language server; the caller
/// says which paths are files, so that no I/O happens here.
public enum ConfigurationSearch {
  public static let fileName = "vstream.yml"

  /// The folder of a standardised absolute path: `/a/b` -> `/a`, `/a` -> `/`, `/` -> `/` (what `NSString`'s
  /// `deletingLastPathComponent` gives such a path, without its cost once per file).
  public static func parent(of path: String) -> String {
    guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
    return slash == path.utf8.startIndex ? "/" : String(path[..<slash])
  }

  /// The configuration file a folder would hold.
  public static func candidate(in folder: String) -> String {
    folder == "/" ? "/" + fileName : folder + "/" + fileName
  }

  /// The nearest configuration file in `folder` (absolute, standardised) or above it.
  public static func nearest(from folder: String, isFile: (String) -> Bool) -> String? {
    var current = folder
    while true {
      let candidate = candidate(in: current)
      if isFile(candidate) { return candidate }
      if current == "/" || current.isEmpty { return nil }
      current = parent(of: current)
    }
  }

  /// The prefix the configuration's override globs are matched after, for files named by absolute path: the
  /// configuration's folder with its `/`.
  public static func root(of configurationPath: String) -> String {
    let folder = parent(of: configurationPath)
    return folder == "/" ? "/" : folder + "/"
  }
}
