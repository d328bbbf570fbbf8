import Foundation

/// Runs Graphviz's `dot` to render DOT as SVG or PNG.
enum Graphviz {
  static func render(_ dot: String, format: String) throws -> [UInt8] {
    guard let executable = locate("dot") else {
      throw CommandFailure(
        "Graphviz's `dot` is not installed; install it with `apt-get install graphviz` (or use --format dot)")
    }
    // dot reads and writes temporary files rather than pipes, so that no size of graph or of warnings can fill a pipe
    // and block either side.
    let folder =
      NSTemporaryDirectory() + "vstream-dot-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let input = folder + "/in.dot"
    let output = folder + "/out.\(format)"
    let errors = folder + "/errors.txt"
    guard FileManager.default.createFile(atPath: input, contents: Data(dot.utf8)),
      FileManager.default.createFile(atPath: errors, contents: nil),
      let errorHandle = FileHandle(forWritingAtPath: errors)
    else { throw CommandFailure("cannot write temporary files in \(NSTemporaryDirectory())") }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = ["-T\(format)", input, "-o", output]
    process.standardError = errorHandle
    try process.run()
    process.waitUntilExit()
    try? errorHandle.close()
    let messages = (try? String(contentsOfFile: errors, encoding: .utf8)) ?? ""
    guard process.terminationStatus == 0, let data = FileManager.default.contents(atPath: output) else {
      throw CommandFailure("dot failed: \(messages)")
    }
    if !messages.isEmpty { Terminal.standardError.write("dot: \(messages)") }
    return [UInt8](data)
  }

  static func locate(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for folder in path.split(separator: ":") {
      let candidate = "\(folder)/\(name)"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }
}
