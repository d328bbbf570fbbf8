import ArgumentParser
import Foundation
import VStreamLSP

/// `vstream lsp`: the language server over standard input and output. The server is `VStreamLSP`; this command
/// gives it the disk and the process's streams.
struct LSPCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lsp",
    abstract: "Run the language server (LSP 3.17) over standard input and output.",
    discussion: """
      Editors start it themselves; see editors/README.md for Neovim, Helix, Emacs and VS Code. It reports what \
      `vstream check` reports as you type, and offers hover, completion, go to definition, references, rename, \
      an outline, formatting, quick fixes and folding.
      """
  )

  @Flag(help: "Accepted for editors that pass it; standard input and output are the only transport.")
  var stdio = false

  func run() throws {
    let output = FileHandle.standardOutput
    let server = LanguageServer(files: DiskFiles(), version: VStreamCommand.version) { message in
      output.write(Data(JSONRPC.encode(message)))
    }
    let input = FileHandle.standardInput
    let code = ServerLoop(server: server) {
      let data = input.availableData
      return data.isEmpty ? nil : Array(data)
    }.run()
    throw ExitCode(code)
  }
}

/// The real file system, for the server's workspace.
struct DiskFiles: WorkspaceFiles {
  /// Folders never searched for streams: version control, build outputs, dependencies.
  static let skipped: Set<String> = [".git", ".build", "node_modules", ".venv"]
  /// The most entries one search looks at, so that a workspace opened at `/` or a home folder costs a bounded walk.
  static let maxEntries = 200_000

  func read(_ path: String) -> [UInt8]? {
    guard isFile(path), let data = FileManager.default.contents(atPath: path) else { return nil }
    return Array(data)
  }

  func isFile(_ path: String) -> Bool {
    var isFolder: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && !isFolder.boolValue
  }

  func streamFiles(under folder: String) -> [String] {
    guard
      let walk = FileManager.default.enumerator(
        at: URL(fileURLWithPath: folder, isDirectory: true), includingPropertiesForKeys: [.isDirectoryKey])
    else { return [] }
    var found: [String] = []
    var seen = 0
    for case let url as URL in walk {
      seen += 1
      if seen > Self.maxEntries { break }
      if Self.skipped.contains(url.lastPathComponent) {
        walk.skipDescendants()
      } else if url.pathExtension == "vstream" {
        found.append(url.standardizedFileURL.path)
      }
    }
    return found.sorted()
  }
}
