import Foundation
import VStreamSource

/// Runs an external program (Graphviz, Python) on texts written to files in a fresh temporary folder.
public enum ExternalTool {
  /// How a program ended, and what it wrote.
  public struct Run {
    public var status: Int32
    public var output: String
    public var errors: String
  }

  /// Runs `program` from the PATH with `files` written first; `arguments` may name them as `{name}`. Nil when the
  /// program is not on the PATH.
  public static func run(_ program: String, _ arguments: [String], files: [String: String] = [:]) throws -> Run? {
    let candidates = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
    guard let executable = candidates.map({ "\($0)/\(program)" }).first(where: FileManager.default.isExecutableFile)
    else { return nil }
    let folder = NSTemporaryDirectory() + "vstream-tool-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    for (name, text) in files { try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8) }
    // Output goes to files, so that a large report cannot fill a pipe and block the program.
    let output = folder + "/.output"
    let errors = folder + "/.errors"
    _ = FileManager.default.createFile(atPath: output, contents: nil)
    _ = FileManager.default.createFile(atPath: errors, contents: nil)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments.map { argument in
      files.keys.contains { "{\($0)}" == argument } ? folder + "/" + argument.dropFirst().dropLast() : argument
    }
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle(forWritingAtPath: output)
    process.standardError = FileHandle(forWritingAtPath: errors)
    try process.run()
    process.waitUntilExit()
    return Run(
      status: process.terminationStatus, output: (try? String(contentsOfFile: output, encoding: .utf8)) ?? "",
      errors: (try? String(contentsOfFile: errors, encoding: .utf8)) ?? "")
  }

  /// Validates JSON documents (as vstream wrote them) against `schema` (by default `specs/vstream.schema.json`;
  /// `vstream diff` has `specs/vstream-diff.schema.json`) with Python's jsonschema, all in one process
  /// (`Tests/Support/validate_json_documents.py`). Nil when python3 or jsonschema is missing.
  public static func validateAgainstTheSchema(
    _ documents: [String], schema name: String = "specs/vstream.schema.json"
  ) throws -> Run? {
    let validator = Repository.root.appendingPathComponent("Tests/Support/validate_json_documents.py").path
    let schema = Repository.root.appendingPathComponent(name).path
    let bundle = JSONValue.array(documents.map { .string($0) }).rendered()
    guard let run = try run("python3", [validator, schema, "{documents.json}"], files: ["documents.json": bundle]),
      run.status != 3
    else { return nil }
    return run
  }
}
