import Foundation
import TestSupport
import XCTest

/// Output is byte-identical across runs, across the order in which the file system lists a folder, and between
/// building a file alone and building it as part of a folder.
final class DeterminismTests: CLITestCase {
  static let examples: [(name: String, text: String)] = {
    let folder = Repository.root.appendingPathComponent("examples")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".vstream") }.sorted().map { name in
      (name, (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)) ?? "")
    }
  }()

  /// Every file under `path`, by relative path, with its bytes.
  func tree(_ path: String) throws -> [String: Data] {
    var files: [String: Data] = [:]
    let base = folder + "/" + path
    for case let relative as String in FileManager.default.enumerator(atPath: base) ?? .init() {
      var isFolder: ObjCBool = false
      if FileManager.default.fileExists(atPath: base + "/" + relative, isDirectory: &isFolder), !isFolder.boolValue {
        files[relative] = try Data(contentsOf: URL(fileURLWithPath: base + "/" + relative))
      }
    }
    return files
  }

  func testBuildsAreByteIdenticalAcrossRunsListingOrdersAndSingleFileBuilds() throws {
    XCTAssertGreaterThanOrEqual(Self.examples.count, 4)
    // The same streams at the same paths, created in opposite orders with other files in between, so that the two
    // folders are unlikely to be listed in the same order. (The JSON names each stream's source path, so the paths
    // must match.)
    for (name, text) in Self.examples { write("forward/streams/\(name)", text) }
    // A repository root, so that a stream built alone reads the others (an example runs another) as a folder does.
    try FileManager.default.createDirectory(atPath: folder + "/forward/.git", withIntermediateDirectories: true)
    for (name, text) in Self.examples.reversed() {
      write("backward/streams/\(name).orig", text)
      write("backward/streams/\(name)", text)
    }
    let all = ["build", "streams", "--format", "dot", "--format", "md", "--format", "json", "--out"]
    XCTAssertEqual(try vstream(all + ["../one"], in: folder + "/forward").status, 0)
    XCTAssertEqual(try vstream(all + ["../two"], in: folder + "/forward").status, 0)
    XCTAssertEqual(try vstream(all + ["../three"], in: folder + "/backward").status, 0)
    let one = try tree("one")
    // Three formats a stream, and index.md, practices.md and portfolio.json.
    XCTAssertEqual(one.count, Self.examples.count * 3 + 3, one.keys.sorted().joined(separator: ", "))
    XCTAssertEqual(one, try tree("two"), "two runs give the same bytes")
    XCTAssertEqual(one, try tree("three"), "the listing order and nesting of the inputs do not matter")

    // Each stream built alone, to standard output, is the same as its file in the folder build (the examples are
    // named after their stream ids, and so are the outputs).
    for (name, _) in Self.examples {
      let id = String(name.dropLast(".vstream".count))
      for format in ["dot", "md", "json"] {
        let single = try vstream(["build", "streams/\(name)", "--format", format], in: folder + "/forward")
        XCTAssertEqual(single.status, 0, single.errors)
        XCTAssertEqual(Data(single.output.utf8), one["\(id).\(format)"], "\(name) as \(format), alone and in a folder")
      }
    }

    // Reports too: the same findings in the same order whichever way the inputs are given.
    for format in ["gcc", "json", "sarif"] {
      let forward = try vstream(["check", "--format", format, "streams"], in: folder + "/forward").output
      XCTAssertEqual(forward, try vstream(["check", "--format", format, "streams"], in: folder + "/backward").output)
      let reversed = Self.examples.reversed().map { "streams/\($0.name)" }
      XCTAssertEqual(try vstream(["check", "--format", format] + reversed, in: folder + "/forward").output, forward)
    }
  }
}
