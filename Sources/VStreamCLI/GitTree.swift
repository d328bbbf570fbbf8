import Foundation
import VStreamSource

/// Reads files at git revisions by running `git` with an argument vector (never through a shell): each revision's
/// tree is listed once (`ls-tree -r -z --end-of-options REV^{commit}`, both sides at the same time) and the wanted
/// blobs of every side are read in one `cat-file --batch --buffer`. A comparison of two revisions runs three git
/// processes, whatever the number of files.
struct GitTree {
  /// One file of the tree: its object id and its path from the repository's root.
  struct Entry {
    var object: String
    var path: String
  }

  /// Every regular file of the commit's tree, in git's order (sorted by path). Symbolic links and submodules are
  /// left out: neither is a stream.
  let entries: [Entry]

  /// Lists the trees of `revisions` in the repository around the working directory. Throws a `CommandFailure` for
  /// an unknown revision, one that names no commit, or a folder outside any repository.
  static func read(_ revisions: [String]) throws -> [GitTree] {
    for revision in revisions {
      guard !revision.hasPrefix("-") else {
        throw CommandFailure("`\(revision)` looks like an option, not a revision; revisions may not start with -")
      }
      guard !revision.isEmpty, !revision.contains("\0") else { throw CommandFailure("`\(revision)` is not a revision") }
    }
    // `^{commit}` refuses a tree or a blob; --end-of-options keeps any revision from being read as an option, even
    // though none starting with - gets this far. (After it, a `--` would be taken for a path: none is given.)
    let listings = Parallel.map(revisions.count) { index in
      Result { try git(["ls-tree", "-r", "-z", "--full-tree", "--end-of-options", "\(revisions[index])^{commit}"]) }
    }
    var trees: [GitTree] = []
    for (revision, listing) in zip(revisions, listings) {
      let run = try listing.get()
      guard run.status == 0 else {
        if let problem = try repositoryProblem() { throw CommandFailure(problem) }
        let reason = run.errors.split(separator: "\n").last.map { $0.replacingOccurrences(of: "fatal: ", with: "") }
        throw CommandFailure("`\(revision)` is not a commit in this repository (git: \(reason ?? "no such revision"))")
      }
      trees.append(GitTree(listing: run.output))
    }
    return trees
  }

  /// Reads `ls-tree -r -z` output: one record per file, "<mode> SP <type> SP <object> TAB <path> NUL".
  private init(listing: [UInt8]) {
    var entries: [Entry] = []
    for record in listing.split(separator: 0) {
      guard let tab = record.firstIndex(of: 9) else { continue }
      let fields = record[..<tab].split(separator: 32)
      guard fields.count == 3, fields[1].elementsEqual("blob".utf8), !fields[0].elementsEqual("120000".utf8) else {
        continue
      }
      entries.append(
        Entry(
          object: String(decoding: fields[2], as: UTF8.self),
          path: String(decoding: record[record.index(after: tab)...], as: UTF8.self)))
    }
    self.entries = entries
  }

  /// The working directory's place in the repository (`a/b/`, or "" at the root); nil outside a repository.
  static func prefix() throws -> String {
    let result = try git(["rev-parse", "--show-prefix"])
    guard result.status == 0 else { throw CommandFailure(try repositoryProblem() ?? "git rev-parse: \(result.errors)") }
    return String(decoding: result.output, as: UTF8.self).trimmingCharacters(in: .newlines)
  }

  /// Why git cannot work here ("not a git repository..."), or nil when it can.
  static func repositoryProblem() throws -> String? {
    let result = try git(["rev-parse", "--git-dir"])
    guard result.status != 0 else { return nil }
    let reason = result.errors.replacingOccurrences(of: "fatal: ", with: "")
    return reason.isEmpty ? "git cannot read this folder" : reason
  }

  /// The contents of `objects`, in order, read by one `git cat-file --batch --buffer`.
  static func blobs(_ objects: [String]) throws -> [[UInt8]] {
    guard !objects.isEmpty else { return [] }
    let input = Array(objects.map { $0 + "\n" }.joined().utf8)
    // --buffer: without it git flushes its output after every object, a write per file.
    let result = try git(["cat-file", "--batch", "--buffer"], input: input)
    guard result.status == 0 else { throw CommandFailure("git cat-file: \(result.errors)") }
    // Each answer: "<object> SP <type> SP <size> LF <contents> LF".
    var blobs: [[UInt8]] = []
    var position = 0
    let output = result.output
    for object in objects {
      guard let newline = output[position...].firstIndex(of: 10) else {
        throw CommandFailure("git cat-file: the answer for \(object) is cut short")
      }
      let header = output[position..<newline].split(separator: 32)
      guard header.count == 3, let size = Int(String(decoding: header[2], as: UTF8.self)),
        newline + 1 + size <= output.count
      else {
        throw CommandFailure(
          "git cat-file: cannot read \(object): \(String(decoding: output[position..<newline], as: UTF8.self))")
      }
      blobs.append(Array(output[(newline + 1)..<(newline + 1 + size)]))
      position = newline + 1 + size + 1
    }
    return blobs
  }

  /// What a `git` run gave.
  struct Run {
    var status: Int32
    var output: [UInt8]
    var errors: String
  }

  /// Runs `git arguments` in the working directory, `input` on its standard input, with `posix_spawn` and an
  /// argument vector. Standard input is written and standard error read on their own threads, so that no pipe can
  /// fill and stall git. (Foundation's `Process` took tens of milliseconds a run on Linux, noticing the end of the
  /// child by polling: most of the time a comparison of two revisions spent outside git.)
  static func git(_ arguments: [String], input: [UInt8] = []) throws -> Run {
    guard let executable = executable else {
      throw CommandFailure("git is not installed (or not on the PATH); vstream diff reads revisions with it")
    }
    // A git that ends early must not kill vstream with SIGPIPE while its input is written; the write fails instead.
    signal(SIGPIPE, SIG_IGN)
    var pipes = [[Int32]](repeating: [-1, -1], count: 3)
    for index in pipes.indices {
      guard pipe(&pipes[index]) == 0 else { throw CommandFailure("cannot run git: \(SystemError.describe(errno))") }
      for descriptor in pipes[index] { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
    }
    defer { for pair in pipes { for descriptor in pair where descriptor >= 0 { close(descriptor) } } }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    // dup2 clears close-on-exec on the copies; the originals close in the child.
    posix_spawn_file_actions_adddup2(&actions, pipes[0][0], 0)
    posix_spawn_file_actions_adddup2(&actions, pipes[1][1], 1)
    posix_spawn_file_actions_adddup2(&actions, pipes[2][1], 2)
    var environment = ProcessInfo.processInfo.environment
    // The messages are quoted to the user in English, and no pager or prompt may wait for a person.
    environment["LC_ALL"] = "C"
    environment["GIT_PAGER"] = "cat"
    environment["GIT_TERMINAL_PROMPT"] = "0"
    let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp: [UnsafeMutablePointer<CChar>?] =
      environment.sorted { $0.key < $1.key }.map { strdup("\($0)=\($1)") } + [nil]
    defer { for pointer in argv + envp { free(pointer) } }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
    guard spawned == 0 else { throw CommandFailure("cannot run git: \(SystemError.describe(spawned))") }
    // The parent's copies of the child's ends, closed so that end of file arrives when git exits.
    for (index, end) in [(0, 0), (1, 1), (2, 1)] {
      close(pipes[index][end])
      pipes[index][end] = -1
    }
    let group = DispatchGroup()
    let errors = Box()
    let (inputEnd, errorEnd) = (pipes[0][1], pipes[2][0])
    DispatchQueue.global().async(group: group) {
      input.withUnsafeBytes { buffer in
        var offset = 0
        while offset < buffer.count {
          let written = Foundation.write(inputEnd, buffer.baseAddress! + offset, buffer.count - offset)
          if written < 0 && errno == EINTR { continue }
          if written <= 0 { break }
          offset += written
        }
      }
      close(inputEnd)
    }
    pipes[0][1] = -1
    DispatchQueue.global().async(group: group) { errors.bytes = readAll(errorEnd) }
    let output = readAll(pipes[1][0])
    group.wait()
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    // WIFEXITED / WEXITSTATUS, which Swift does not import: a signal's number in the low seven bits, else the code.
    let code = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    return Run(
      status: code, output: output,
      errors: String(decoding: errors.bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
  }

  /// Everything readable from `descriptor` until end of file.
  private static func readAll(_ descriptor: Int32) -> [UInt8] {
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 && errno == EINTR { continue }
      if count <= 0 { return bytes }
      bytes += chunk[0..<count]
    }
  }

  /// Where `git` is on the PATH.
  static let executable: String? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return path.split(separator: ":").map { "\($0)/git" }.first { FileManager.default.isExecutableFile(atPath: $0) }
  }()

  private final class Box: @unchecked Sendable {
    var bytes: [UInt8] = []
  }
}
