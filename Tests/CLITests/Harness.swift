import Foundation
import TestSupport
import XCTest

/// The base of the tests that run the built `vstream` binary as a user or a CI system would, each in a fresh
/// temporary folder. `swift build` must have run first (`swift test` does it); `VSTREAM_BINARY` overrides the path.
class CLITestCase: XCTestCase {
  /// The `vstream` built beside these tests: same scratch path, same configuration, same sanitizer. Looking beside
  /// the test executable (rather than at `.build/debug`) keeps `swift test --scratch-path .build-asan` from testing
  /// a binary left over from another build.
  static let binary: String = {
    if let explicit = ProcessInfo.processInfo.environment["VSTREAM_BINARY"] { return explicit }
    // Linux runs `<scratch>/<triple>/debug/<package>PackageTests.xctest` itself; macOS runs an executable inside the
    // bundle, three folders further down.
    guard let tests = Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent() else {
      return Repository.root.appendingPathComponent(".build/debug/vstream").path
    }
    var folder = tests
    for _ in 0..<4 {
      let candidate = folder.appendingPathComponent("vstream").path
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
      folder = folder.deletingLastPathComponent()
    }
    // Not built: the tests skip and name the place where it should have been.
    return tests.appendingPathComponent("vstream").path
  }()

  /// The temporary folder the test runs in.
  var folder = ""

  override func setUpWithError() throws {
    guard FileManager.default.isExecutableFile(atPath: Self.binary) else {
      throw XCTSkip("no vstream binary at \(Self.binary); run `swift build` first")
    }
    folder = NSTemporaryDirectory() + "vstream-cli-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  }

  override func tearDown() {
    // Folders a test made unreadable or read-only must be opened up again before they can be removed.
    if let walker = FileManager.default.enumerator(atPath: folder) {
      for case let path as String in walker { chmod(folder + "/" + path, 0o755) }
    }
    try? FileManager.default.removeItem(atPath: folder)
  }

  struct Run {
    var status: Int32
    var output: String
    var errors: String
  }

  /// Runs `vstream` in `directory` (default: the test's folder) with `input` on standard input. `environment` is added
  /// to the test's own, from which the colour and GitHub variables are removed. `unprivileged` runs it as `nobody`
  /// when the tests run as root, so that file permissions apply; it skips the test when that is not possible.
  /// Whether `nobody` can run the built binary: not when the checkout is in a folder only root may enter.
  static let nobodyCanRunTheBinary: Bool = {
    let probe = Process()
    probe.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
    probe.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", binary, "--version"]
    probe.standardOutput = FileHandle.nullDevice
    probe.standardError = FileHandle.nullDevice
    guard (try? probe.run()) != nil else { return false }
    probe.waitUntilExit()
    return probe.terminationStatus == 0
  }()

  @discardableResult
  func vstream(
    _ arguments: [String], input: String = "", environment: [String: String] = [:], in directory: String? = nil,
    unprivileged: Bool = false
  ) throws -> Run {
    let process = Process()
    if unprivileged && geteuid() == 0 {
      let setpriv = "/usr/bin/setpriv"
      guard FileManager.default.isExecutableFile(atPath: setpriv) else {
        throw XCTSkip("running as root without setpriv: permissions cannot be tested")
      }
      guard Self.nobodyCanRunTheBinary else {
        throw XCTSkip(
          "running as root, and `nobody` cannot reach \(Self.binary) (a private folder): permissions cannot be tested")
      }
      process.executableURL = URL(fileURLWithPath: setpriv)
      process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", Self.binary] + arguments
    } else {
      process.executableURL = URL(fileURLWithPath: Self.binary)
      process.arguments = arguments
    }
    process.currentDirectoryURL = URL(fileURLWithPath: directory ?? folder)
    var env = ProcessInfo.processInfo.environment
    for key in ["NO_COLOR", "FORCE_COLOR", "GITHUB_STEP_SUMMARY", "TERM"] { env[key] = nil }
    env.merge(environment) { $1 }
    process.environment = env
    // Files rather than pipes: no output size can fill a pipe and block the child.
    let scratch = NSTemporaryDirectory() + "vstream-io-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let files = (0..<3).map { scratch + "/\($0)" }
    _ = FileManager.default.createFile(atPath: files[0], contents: Data(input.utf8))
    _ = FileManager.default.createFile(atPath: files[1], contents: nil)
    _ = FileManager.default.createFile(atPath: files[2], contents: nil)
    process.standardInput = FileHandle(forReadingAtPath: files[0])
    process.standardOutput = FileHandle(forWritingAtPath: files[1])
    process.standardError = FileHandle(forWritingAtPath: files[2])
    try process.run()
    process.waitUntilExit()
    return Run(
      status: process.terminationStatus, output: try String(contentsOfFile: files[1], encoding: .utf8),
      errors: try String(contentsOfFile: files[2], encoding: .utf8))
  }

  /// Writes a file under the test's folder, creating its folders.
  func write(_ name: String, _ text: String) {
    let path = folder + "/" + name
    try? FileManager.default.createDirectory(
      atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
  }

  func read(_ name: String) throws -> String {
    try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
  }

  /// Every entry under the test's folder, hidden ones included, sorted.
  func listing(_ name: String = "") throws -> [String] {
    try FileManager.default.subpathsOfDirectory(atPath: folder + "/" + name).sorted()
  }

  /// Runs `python3 -c script arguments...`; nil when Python or the module it imports is missing.
  func python(_ script: String, _ arguments: [String], module: String) throws -> Int32? {
    let probe = Process()
    probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    probe.arguments = ["python3", "-c", "import \(module)"]
    probe.standardError = FileHandle.nullDevice
    guard (try? probe.run()) != nil else { return nil }
    probe.waitUntilExit()
    guard probe.terminationStatus == 0 else { return nil }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script] + arguments
    try process.run()
    process.waitUntilExit()
    return process.terminationStatus
  }

  /// Checks the SARIF file `name` (under the test's folder) against the official SARIF 2.1.0 schema, kept beside the
  /// project in `shared/schemas`; skips when the schema or Python's jsonschema is missing.
  func assertValidSARIF(_ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
    let schema = Repository.root.deletingLastPathComponent()
      .appendingPathComponent("shared/schemas/sarif-schema-2.1.0.json").path
    guard FileManager.default.fileExists(atPath: schema) else {
      print("notice: \(schema) is absent; the SARIF schema check is skipped")
      throw XCTSkip("the SARIF schema is not beside the project")
    }
    let validate =
      "import json,sys,jsonschema; jsonschema.Draft4Validator(json.load(open(sys.argv[1]))).validate(json.load(open(sys.argv[2])))"
    guard let status = try python(validate, [schema, folder + "/" + name], module: "jsonschema") else {
      throw XCTSkip("python3 with jsonschema is not installed")
    }
    XCTAssertEqual(
      status, 0, "\(name) does not validate against the SARIF 2.1.0 schema", file: file, line: line)
  }

  /// A complete, clean stream: the bundled example.
  static let clean = try! String(
    contentsOf: Repository.root.appendingPathComponent("examples/restore-live-service.vstream"), encoding: .utf8)
  /// The example with one step's practices removed: one warning (VS401), no error.
  static let warningOnly = clean.replacingOccurrences(
    of: "  practices service-desk, relationship-management\n", with: ""
  )
  .replacingOccurrences(of: "stream restore-live-service", with: "stream warning-only")
  /// The example with one malformed duration: one error (VS104).
  static let broken = clean.replacingOccurrences(of: "time 2h\n", with: "time 2 hours\n")
}
