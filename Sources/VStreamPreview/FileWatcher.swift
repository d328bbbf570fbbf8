import Dispatch
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Watches the folders that hold the streams and calls `onChange` once per burst of saves (see `SaveCoalescer`).
///
/// Folders rather than files: editors save by writing a new file and renaming it over the old one, which a watch on
/// the old file's inode would miss. Only names that can change a build count (`.vstream` files and `vstream.yml`),
/// so an editor's swap and backup files do not rebuild. On Linux the kernel wakes the watcher (inotify); where
/// inotify is missing or out of watches, or `VSTREAM_WATCH=poll` asks for it, the folders are listed every
/// `pollInterval` seconds and compared. Either way the thread sleeps in `poll(2)` between events: an idle watcher
/// uses no CPU.
public final class FileWatcher: @unchecked Sendable {
  public enum Mode: String, Sendable { case inotify, polling }

  /// How the watcher learns of changes, once started.
  public private(set) var mode: Mode = .polling
  /// The folders watched: those given, and the ones made inside them since (the watcher's thread adds them).
  private var folders: [String]
  private let onChange: @Sendable () -> Void
  private var coalescer: SaveCoalescer
  private let pollInterval: Double
  private var inotify: Int32 = -1
  /// Each inotify watch's folder, so that a folder made inside one is watched too (`git checkout`, `mkdir`).
  private var watched: [Int32: String] = [:]
  private static let mask = UInt32(
    IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_DELETE_SELF | IN_MOVE_SELF | IN_ATTRIB
      | IN_MODIFY)
  /// A pipe whose write end `stop()` writes to, to wake the thread.
  private var wake: [Int32] = [-1, -1]
  private var thread: Thread?

  public init(
    folders: [String], coalescer: SaveCoalescer = SaveCoalescer(), pollInterval: Double = 0.25,
    environment: [String: String] = ProcessInfo.processInfo.environment,
    onChange: @escaping @Sendable () -> Void
  ) {
    self.folders = Array(Set(folders)).sorted()
    self.coalescer = coalescer
    self.pollInterval = pollInterval
    self.onChange = onChange
    if environment["VSTREAM_WATCH"] != "poll" { setUpInotify() }
  }

  deinit {
    for fd in [inotify] + wake where fd >= 0 { close(fd) }
  }

  /// Whether a file of this name can change what is built.
  public static func matters(_ name: String) -> Bool {
    !name.hasPrefix(".") && (name.hasSuffix(".vstream") || name == "vstream.yml" || name == "vstream.yaml")
  }

  public func start() {
    guard thread == nil else { return }
    _ = wake.withUnsafeMutableBufferPointer { pipe($0.baseAddress!) }
    let thread = Thread { [self] in run() }
    thread.name = "vstream file watcher"
    self.thread = thread
    thread.start()
  }

  /// Stops the thread (it ends at its next wake-up, which this causes).
  public func stop() {
    guard wake[1] >= 0 else { return }
    var byte: UInt8 = 1
    _ = write(wake[1], &byte, 1)
  }

  private func setUpInotify() {
    #if canImport(Glibc)
      let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
      guard fd >= 0 else { return }
      for folder in folders {
        let watch = inotify_add_watch(fd, folder, Self.mask)
        guard watch >= 0 else {
          // Out of watches or a folder that cannot be watched: polling sees everything, inotify would not.
          close(fd)
          watched = [:]
          return
        }
        watched[watch] = folder
      }
      inotify = fd
      mode = .inotify
    #endif
  }

  /// Whether a new folder of this name is watched: not hidden, and not a build or dependency folder.
  static func isWatchable(_ name: String) -> Bool {
    !name.hasPrefix(".") && name != "node_modules"
  }

  /// `root` and every watchable folder below it, and whether any of them holds a file that matters.
  static func tree(_ root: String) -> (folders: [String], holdsStreams: Bool) {
    var folders: [String] = []
    var holdsStreams = false
    var pending = [root]
    while let next = pending.popLast() {
      folders.append(next)
      for name in (try? FileManager.default.contentsOfDirectory(atPath: next)) ?? [] {
        var isFolder: ObjCBool = false
        let path = "\(next)/\(name)"
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
          if isWatchable(name) { pending.append(path) }
        } else if matters(name) {
          holdsStreams = true
        }
      }
    }
    return (folders, holdsStreams)
  }

  /// Watches `folder` and every watchable folder below it; whether it holds a file that matters.
  private func watchTree(_ folder: String) -> Bool {
    #if canImport(Glibc)
      let (found, holdsStreams) = Self.tree(folder)
      for next in found {
        let watch = inotify_add_watch(inotify, next, Self.mask)
        if watch >= 0 { watched[watch] = next }
      }
      return holdsStreams
    #else
      return false
    #endif
  }

  private static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

  private func run() {
    var snapshot = mode == .polling ? FolderSnapshot(folders) : nil
    while true {
      let current = Self.now()
      // Sleep until the burst's deadline, the next poll, or for ever when neither is due.
      var wait = -1.0
      if let deadline = coalescer.deadline { wait = max(0, deadline - current) }
      if mode == .polling { wait = wait < 0 ? pollInterval : min(wait, pollInterval) }
      var fds = [pollfd(fd: wake[0], events: Int16(POLLIN), revents: 0)]
      if inotify >= 0 { fds.append(pollfd(fd: inotify, events: Int16(POLLIN), revents: 0)) }
      let timeout = wait < 0 ? Int32(-1) : Int32((wait * 1000).rounded(.up))
      _ = poll(&fds, nfds_t(fds.count), timeout)
      if fds[0].revents != 0 { return }
      if fds.count > 1, fds[1].revents != 0, drainInotify() { coalescer.note(at: Self.now()) }
      if let before = snapshot {
        var after = FolderSnapshot(folders)
        // A folder made inside a watched one is polled from now on, with the folders it already holds, as inotify
        // does.
        let made = after.subfolders.subtracting(folders).sorted()
        if !made.isEmpty {
          folders += made.flatMap { Self.tree($0).folders }
          folders = Array(Set(folders)).sorted()
          after = FolderSnapshot(folders)
        }
        if after != before { coalescer.note(at: Self.now()) }
        snapshot = after
      }
      if coalescer.take(at: Self.now()) { onChange() }
    }
  }

  /// Reads every waiting event; whether any of them named a file that matters (or the folder itself went away).
  private func drainInotify() -> Bool {
    #if canImport(Glibc)
      var relevant = false
      var buffer = [UInt8](repeating: 0, count: 64 * 1024)
      while true {
        let count = buffer.withUnsafeMutableBytes { read(inotify, $0.baseAddress, $0.count) }
        guard count > 0 else { return relevant }
        var offset = 0
        let headerSize = MemoryLayout<inotify_event>.size
        while offset + headerSize <= count {
          let (mask, length, watch) = buffer.withUnsafeBytes { raw -> (UInt32, Int, Int32) in
            let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
            return (event.mask, Int(event.len), event.wd)
          }
          let nameBytes = buffer[(offset + headerSize)..<min(count, offset + headerSize + length)]
          let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
          if mask & UInt32(IN_DELETE_SELF | IN_MOVE_SELF | IN_Q_OVERFLOW) != 0 || Self.matters(name) {
            relevant = true
          }
          // A folder made or moved in: watched from now on, with the folders it already holds, and a rebuild (it may
          // have come with streams).
          if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0, let parent = watched[watch],
            Self.isWatchable(name)
          {
            relevant = watchTree("\(parent)/\(name)") || relevant
          }
          offset += headerSize + length
        }
      }
    #else
      return false
    #endif
  }
}

/// What polling compares: each watched folder's files that matter, with size, modification time and inode. It
/// lists the watchable folders inside them too, so that the watcher polls a new one.
struct FolderSnapshot: Equatable {
  var entries: [String: [Int]] = [:]
  var subfolders: Set<String> = []

  /// The files alone: a new folder counts once it brings a stream.
  static func == (left: FolderSnapshot, right: FolderSnapshot) -> Bool { left.entries == right.entries }

  init(_ folders: [String]) {
    for folder in folders {
      guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
        entries[folder] = []
        continue
      }
      for name in names.sorted() {
        var info = stat()
        guard stat("\(folder)/\(name)", &info) == 0 else { continue }
        if info.st_mode & S_IFMT == S_IFDIR {
          if FileWatcher.isWatchable(name) { subfolders.insert("\(folder)/\(name)") }
          continue
        }
        guard FileWatcher.matters(name) else { continue }
        entries["\(folder)/\(name)"] = [
          Int(info.st_size), Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec), Int(info.st_ino),
        ]
      }
    }
  }
}
