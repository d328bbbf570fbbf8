import Foundation
import VStreamSource

/// This checkout, for tests that read its files: the conformance cases, the examples, the grammar, the schema.
public enum Repository {
  /// The package root, found from this file's path (`Tests/TestSupport/Repository.swift`).
  public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// Every `.vstream` file under `folders` (relative to the root; by default the conformance cases and the
  /// examples), each named by its file name alone, sorted by that name.
  public static func streams(in folders: [String] = ["specs/cases", "examples"]) -> [SourceFile] {
    var files: [SourceFile] = []
    for folder in folders {
      let url = root.appendingPathComponent(folder)
      guard let walker = FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil) else { continue }
      for case let file as URL in walker where file.pathExtension == "vstream" {
        if let data = FileManager.default.contents(atPath: file.path) {
          files.append(SourceFile(path: file.lastPathComponent, bytes: [UInt8](data)))
        }
      }
    }
    return files.sorted { $0.path < $1.path }
  }
}
