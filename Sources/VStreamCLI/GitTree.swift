import Foundation

/// Reads files at a git revision by running `git` with an argument vector (never through a shell): the revision is
/// checked to be a commit (`rev-parse --verify --end-of-options`), its tree listed once (`ls-tree -r -z`), and the
/// wanted blobs read in one process (`cat-file --batch`).
struct GitTree {
  /// One file of the tree: its object id and its path from the repository's root.
  struct Entry {
    var object: String
    var path: String
  }

  /// The commit the revision names.
  let commit: String
  /// Every regular file of the commit's tree, in git's order (sorted by path). Symbolic links and submodules are
  /// left out: neither is a stream.
  let entries: [Entry]

  /// Resolves `revision` in the repository around the working directory and lists its tree. Throws a
  /// `CommandFailure` with git's own reason for an unknown revision or a folder outside any repository.
  init(revision: String) throws {
    guard !revision.hasPrefix("-") else {
      throw CommandFailure("`\(revision)` looks like an option, not a revision; revisions may not start with -")
    }
    let resolved = try Self.git(["rev-parse", "--verify", "--quiet", "--end-of-options", "\(revision)^{commit}"])
    guard resolved.status == 0 else {
      // --quiet leaves the reason out; ask once more for it when the folder is not a repository at all.
      if let reason = try Self.repositoryProblem() { throw CommandFailure(reason) }
      throw CommandFailure("`\(revision)` is not a commit in this repository (git rev-parse found no such revision)")
    }
    commit = String(decoding: resolved.output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    let listing = try Self.git(["ls-tree", "-r", "-z", "--full-tree", commit, "--"])
    guard listing.status == 0 else { throw CommandFailure("git ls-tree \(revision): \(listing.errors)") }
    var entries: [Entry] = []
    // Each record: "<mode> SP <type> SP <object> TAB <path> NUL".
    for record in listing.output.split(separator: 0) {
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

  /// The contents of `objects`, in order, read by one `git cat-file --batch`.
  static func blobs(_ objects: [String]) throws -> [[UInt8]] {
    guard !objects.isEmpty else { return [] }
    let input = Array(objects.map { $0 + "\n" }.joined().utf8)
    let result = try git(["cat-file", "--batch"], input: input)
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

  /// Runs `git arguments` in the working directory, `input` on its standard input. Standard output and error are
  /// read on their own threads, so that neither pipe can fill and stall git.
  static func git(_ arguments: [String], input: [UInt8] = []) throws -> Run {
    guard let executable = executable else {
      throw CommandFailure("git is not installed (or not on the PATH); vstream diff reads revisions with it")
    }
    // A git that ends early must not kill vstream with SIGPIPE while its input is written; the write fails instead.
    signal(SIGPIPE, SIG_IGN)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    var environment = ProcessInfo.processInfo.environment
    // The messages are quoted to the user in English, and no pager or prompt may wait for a person.
    environment["LC_ALL"] = "C"
    environment["GIT_PAGER"] = "cat"
    environment["GIT_TERMINAL_PROMPT"] = "0"
    process.environment = environment
    let (standardInput, standardOutput, standardError) = (Pipe(), Pipe(), Pipe())
    process.standardInput = standardInput
    process.standardOutput = standardOutput
    process.standardError = standardError
    do {
      try process.run()
    } catch {
      throw CommandFailure("cannot run git: \(error.localizedDescription)")
    }
    let group = DispatchGroup()
    let errors = Box()
    DispatchQueue.global().async(group: group) {
      errors.data = standardError.fileHandleForReading.readDataToEndOfFile()
    }
    DispatchQueue.global().async(group: group) {
      try? standardInput.fileHandleForWriting.write(contentsOf: input)
      try? standardInput.fileHandleForWriting.close()
    }
    let output = standardOutput.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    group.wait()
    return Run(
      status: process.terminationStatus, output: [UInt8](output),
      errors: String(decoding: errors.data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
  }

  /// Where `git` is on the PATH.
  static let executable: String? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return path.split(separator: ":").map { "\($0)/git" }.first { FileManager.default.isExecutableFile(atPath: $0) }
  }()

  private final class Box: @unchecked Sendable {
    var data = Data()
  }
}
