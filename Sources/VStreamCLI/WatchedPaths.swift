import Foundation
import VStreamPreview

/// What `vstream preview` and `vstream build --watch` watch for the paths they were given: the folder of each file
/// (an editor's save replaces the file, so the folder is what sees it) and each folder given with the folders below
/// it, where new streams may appear; and the folders of the repository's other streams that the files given may
/// name (a stream they run or hand over to: a save there changes a linked figure). And when to stop: every path
/// given has gone.
enum WatchedPaths {
  static func folders(for paths: [String]) -> [String] {
    var folders = referenceFolders(for: paths)
    for path in paths where path != "-" {
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { continue }
      guard isFolder.boolValue else {
        let parent = (path as NSString).deletingLastPathComponent
        folders.append(parent.isEmpty ? "." : parent)
        continue
      }
      folders.append(path)
      let below = FileManager.default.enumerator(atPath: path)
      while let relative = below?.nextObject() as? String {
        let name = (relative as NSString).lastPathComponent
        guard below?.fileAttributes?[.type] as? FileAttributeType == .typeDirectory else { continue }
        if name.hasPrefix(".") || InputDiscovery.skippedFolders.contains(name) {
          below?.skipDescendants()
        } else {
          folders.append("\(path)/\(relative)")
        }
      }
    }
    return Array(Set(folders)).sorted()
  }

  /// The folders of the streams a build of `paths` reads as references (`Inputs`), read as it reads them: none
  /// unless a file given may name another stream.
  static func referenceFolders(for paths: [String]) -> [String] {
    let inputs = try? Inputs(
      paths: paths.filter { $0 != "-" }, standardInputName: nil, maxFileSize: Inputs.defaultMaxFileSize,
      readsReferences: true)
    return (inputs?.references ?? []).map { file in
      let parent = (file.path as NSString).deletingLastPathComponent
      return parent.isEmpty ? "." : parent
    }
  }

  /// Whether any of the paths given is still there: when none is, the watch has nothing left to do.
  static func anyExists(_ paths: [String]) -> Bool {
    paths.contains { $0 != "-" && FileManager.default.fileExists(atPath: $0) }
  }

  /// Runs `build`, then again after each burst of changes to the streams, until every path is gone. A failed build
  /// is reported and watched like any other: the next save may fix it.
  static func rebuildOnChange(_ paths: [String], build: () throws -> Void) {
    let changed = DispatchSemaphore(value: 0)
    let watcher = FileWatcher(folders: folders(for: paths)) { changed.signal() }
    watcher.start()
    defer { watcher.stop() }
    while true {
      do {
        try build()
      } catch let failure as CommandFailure {
        Terminal.standardError.write("error: \(failure)\n")
      } catch {
        // An exit status: the build has reported its findings already.
      }
      Terminal.standardError.write(
        "watching \(paths.joined(separator: " ")) (\(watcher.mode.rawValue)); Ctrl-C stops\n")
      changed.wait()
      guard anyExists(paths) else {
        Terminal.standardError.write("stopped: \(paths.joined(separator: " ")) went away\n")
        return
      }
    }
  }
}
