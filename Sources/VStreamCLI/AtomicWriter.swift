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
    guard let (target, permissions) = try changedTarget(path, bytes: bytes, mode: mode) else { return false }
    let folder = try prepareFolder(of: target)
    var template = Array("\(folder)/.\((target as NSString).lastPathComponent).XXXXXX".utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard descriptor >= 0 else { throw CommandFailure("cannot write in \(folder): \(SystemError.describe(errno))") }
    let temporary = String(cString: template)
    do {
      try fill(descriptor, with: bytes, permissions: permissions)
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

  /// One output of a batch: its content and where it goes.
  struct Output {
    var content: [UInt8]
    var path: String
  }

  /// Writes many files with the same guarantee as `write`, but one flush to disk for the whole batch instead of
  /// one per file (a repository of 10,000 streams gives 30,000 outputs): every temporary file is written first, the
  /// file system is synced once, then each is renamed over its target. A failure before the renames removes every
  /// temporary file and leaves all targets as they were. Returns how many files changed.
  static func writeAll(_ outputs: [Output]) throws -> Int {
    var pending: [(temporary: String, target: String, path: String)] = []
    var lastDescriptor: Int32 = -1
    defer { if lastDescriptor >= 0 { close(lastDescriptor) } }
    do {
      for output in outputs {
        guard let target = try changedTarget(output.path, bytes: output.content, mode: .replace) else { continue }
        let folder = try prepareFolder(of: target.path)
        var template = Array("\(folder)/.\((target.path as NSString).lastPathComponent).XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw CommandFailure("cannot write in \(folder): \(SystemError.describe(errno))") }
        let temporary = String(cString: template)
        pending.append((temporary, target.path, output.path))
        try fill(descriptor, with: output.content, permissions: target.permissions, syncing: false)
        if lastDescriptor >= 0 { close(lastDescriptor) }
        lastDescriptor = descriptor
      }
      // One flush for every temporary file written above (they are all on the output's file system).
      if lastDescriptor >= 0, syncFileSystem(of: lastDescriptor) != 0 {
        throw CommandFailure("cannot write: \(SystemError.describe(errno))")
      }
    } catch {
      for file in pending { unlink(file.temporary) }
      throw error
    }
    for (index, file) in pending.enumerated() where rename(file.temporary, file.target) != 0 {
      let reason = SystemError.describe(errno)
      for rest in pending[index...] { unlink(rest.temporary) }
      throw CommandFailure("cannot write \(file.path): \(reason)")
    }
    return pending.count
  }

  /// Where writing `bytes` to `path` must go (through a symbolic link, to the file it names) and with which
  /// permissions; nil when the file already has exactly this content.
  private static func changedTarget(_ path: String, bytes: [UInt8], mode: Mode) throws -> (
    path: String, permissions: mode_t
  )? {
    // Refused before any folder is made for it: a path that ends in `/` names a folder, not a file.
    if path.hasSuffix("/") { throw CommandFailure("\(path) names a folder, not a file") }
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
      if case .read(let current) = SourceReader.read(path: target, limit: bytes.count), current.elementsEqual(bytes) {
        return nil
      }
    }
    return (target, exists ? existing.st_mode & 0o7777 : defaultPermissions())
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

  private static func fill(_ descriptor: Int32, with bytes: [UInt8], permissions: mode_t, syncing: Bool = true) throws {
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
    guard fchmod(descriptor, permissions) == 0, !syncing || fsync(descriptor) == 0 else {
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

#if os(Linux)
  /// syncfs(2): flushes the one file system holding `descriptor` (Glibc's module map does not export it).
  @_silgen_name("syncfs")
  private func syncFileSystem(of descriptor: Int32) -> Int32
#else
  private func syncFileSystem(of descriptor: Int32) -> Int32 {
    sync()
    return 0
  }
#endif
