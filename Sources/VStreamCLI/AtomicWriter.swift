import Foundation

/// Writes output files so that a failed or interrupted run never leaves a half-written file: the content goes to a
/// temporary file in the same folder, which is then renamed over the target (rename(2) is atomic on one file system).
///
/// Files whose content is unchanged are not rewritten, so that timestamps and build tools see no change. Replacing a
/// file keeps its permissions, and writing through a symbolic link replaces the file it points to, not the link.
enum AtomicWriter {
  enum Mode {
    /// Replace the file if it exists.
    case replace
    /// Fail if the file exists, even if another process creates it meanwhile (`vstream init`).
    case createNew
  }

  /// Writes `content` to `path`; returns true when the file was written, false when it already had this content.
  @discardableResult
  static func write(_ content: String, to path: String, mode: Mode = .replace) throws -> Bool {
    try write(Array(content.utf8), to: path, mode: mode)
  }

  @discardableResult
  static func write(_ bytes: [UInt8], to path: String, mode: Mode = .replace) throws -> Bool {
    var target = path
    var existing = stat()
    let exists = lstat(path, &existing) == 0
    if exists && mode == .createNew { throw CommandFailure("\(path) already exists; not overwriting it") }
    if exists && (existing.st_mode & S_IFMT) == S_IFLNK {
      guard let resolved = realpath(path, nil) else { throw CommandFailure("\(path): broken symbolic link") }
      target = String(cString: resolved)
      free(resolved)
      guard stat(target, &existing) == 0 else { throw CommandFailure("\(path): broken symbolic link") }
    }
    if exists {
      if (existing.st_mode & S_IFMT) == S_IFDIR { throw CommandFailure("\(path) is a folder, not a file") }
      if case .read(let current) = SourceReader.read(path: target, limit: bytes.count), current == bytes {
        return false
      }
    }
    let folder = try prepareFolder(of: target)
    var template = Array("\(folder)/.\((target as NSString).lastPathComponent).XXXXXX".utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard descriptor >= 0 else { throw CommandFailure("cannot write in \(folder): \(SystemError.describe(errno))") }
    let temporary = String(cString: template)
    do {
      try fill(descriptor, with: bytes, permissions: exists ? existing.st_mode & 0o7777 : defaultPermissions())
    } catch {
      close(descriptor)
      unlink(temporary)
      throw error
    }
    close(descriptor)
    switch mode {
    case .replace:
      guard rename(temporary, target) == 0 else {
        let reason = SystemError.describe(errno)
        unlink(temporary)
        throw CommandFailure("cannot write \(path): \(reason)")
      }
    case .createNew:
      // link(2) fails when the name exists, so two runs racing to create one file cannot overwrite each other.
      let linked = link(temporary, target)
      let reason = errno
      unlink(temporary)
      guard linked == 0 else {
        if reason == EEXIST { throw CommandFailure("\(path) already exists; not overwriting it") }
        throw CommandFailure("cannot write \(path): \(SystemError.describe(reason))")
      }
    }
    return true
  }

  /// The folder of `path`, created (with its parents) when missing.
  private static func prepareFolder(of path: String) throws -> String {
    let parent = (path as NSString).deletingLastPathComponent
    let folder = parent.isEmpty ? "." : parent
    switch InputDiscovery.status(of: folder) {
    case .folder: return folder
    case .file: throw CommandFailure("\(folder) is a file, not a folder")
    case .failure:
      do {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      } catch {
        throw CommandFailure("cannot create the folder \(folder): \(reason(of: error))")
      }
      return folder
    }
  }

  private static func fill(_ descriptor: Int32, with bytes: [UInt8], permissions: mode_t) throws {
    var written = 0
    while written < bytes.count {
      let count = bytes.withUnsafeBytes { buffer in
        Foundation.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
      }
      if count < 0 {
        if errno == EINTR { continue }
        throw CommandFailure("cannot write: \(SystemError.describe(errno))")
      }
      written += count
    }
    // mkstemp creates the file readable by its owner only; a new output file gets the usual 0666 less the umask.
    guard fchmod(descriptor, permissions) == 0, fsync(descriptor) == 0 else {
      throw CommandFailure("cannot write: \(SystemError.describe(errno))")
    }
  }

  private static func defaultPermissions() -> mode_t {
    let mask = umask(0)
    umask(mask)
    return 0o666 & ~mask
  }

  /// The POSIX reason inside a Foundation error, when there is one.
  private static func reason(of error: Error) -> String {
    let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
    if let code = underlying?.code, underlying?.domain == NSPOSIXErrorDomain {
      return SystemError.describe(Int32(code))
    }
    if let code = (error as? CocoaError)?.errorCode, code == CocoaError.fileWriteNoPermission.rawValue {
      return "permission denied"
    }
    return "\(error.localizedDescription)"
  }
}
