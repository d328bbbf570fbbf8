import Foundation

/// Writes output files so that a failed or interrupted run never leaves a half-written file: the content goes to a
/// temporary file in the same folder, which is then renamed over the target (rename is atomic on one file system).
/// Files whose content is unchanged are not rewritten, so that timestamps and build tools see no change.
enum AtomicWriter {
  /// Returns true when the file was written, false when it already had this content.
  @discardableResult
  static func write(_ content: String, to path: String) throws -> Bool {
    let data = Data(content.utf8)
    if let existing = FileManager.default.contents(atPath: path), existing == data { return false }
    let folder = (path as NSString).deletingLastPathComponent
    let directory = folder.isEmpty ? "." : folder
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
      guard isDirectory.boolValue else { throw CommandFailure("\(directory) is a file, not a folder") }
    } else {
      do {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
      } catch {
        throw CommandFailure("cannot create the folder \(directory)")
      }
    }
    let temporary = directory + "/.\((path as NSString).lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp"
    guard FileManager.default.createFile(atPath: temporary, contents: data) else {
      throw CommandFailure("cannot write in \(directory) (read-only?)")
    }
    if rename(temporary, path) != 0 {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      throw CommandFailure("cannot write \(path): \(reason)")
    }
    return true
  }
}
