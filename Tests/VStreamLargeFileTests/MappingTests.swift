import Foundation
import XCTest

@testable import VStreamLargeFile
@testable import VStreamSource

/// A large file is mapped into memory (`LargeFile.map`) rather than read: its bytes and its lines must be those of
/// the array of its bytes.
final class MappingTests: XCTestCase {
  /// Bytes with line breaks, CRLF, non-ASCII text and a last line without a break.
  let sample: [UInt8] = Array("stream s \"ç\"\r\nstep a \"😀\"\n  time 5m\nno break at the end".utf8)

  func temporaryFile(_ bytes: [UInt8]) throws -> String {
    let path = NSTemporaryDirectory() + "vstream-bytes-\(UUID().uuidString)"
    XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
    addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
    return path
  }

  func mapped(_ path: String, count: Int) throws -> SourceBytes {
    let descriptor = open(path, O_RDONLY)
    XCTAssertGreaterThanOrEqual(descriptor, 0)
    // Closed before use: the mapping must outlive the descriptor.
    defer { close(descriptor) }
    return try XCTUnwrap(LargeFile.map(descriptor: descriptor, count: count))
  }

  func testAMappedFileReadsAsTheArrayOfItsBytes() throws {
    let bytes = try mapped(try temporaryFile(sample), count: sample.count)
    XCTAssertTrue(bytes.isBorrowed)
    XCTAssertFalse(SourceBytes(sample).isBorrowed)
    XCTAssertEqual(Array(bytes), sample)
    XCTAssertEqual(bytes.count, sample.count)
    XCTAssertEqual(bytes[3], sample[3])
    XCTAssertEqual(bytes.withUnsafeBufferPointer { Array($0) }, sample)
    XCTAssertEqual(bytes, SourceBytes(sample))
    XCTAssertTrue(bytes.elementsEqual(sample))
    XCTAssertFalse(bytes.elementsEqual(Array(sample.dropLast()) + [0x21]), "same length, last byte differs")
    XCTAssertFalse(bytes.elementsEqual(Array(sample.dropLast())), "shorter")
    XCTAssertEqual(String(decoding: bytes[15..<19], as: UTF8.self), "step")
  }

  func testAFileMadeFromMappedBytesHasTheLinesOfOneMadeFromTheArray() throws {
    let path = try temporaryFile(sample)
    let fromArray = SourceFile(path: "a.vstream", bytes: sample)
    let fromMapping = SourceFile(path: "a.vstream", bytes: try mapped(path, count: sample.count))
    XCTAssertEqual(fromMapping.lineStarts, fromArray.lineStarts)
    XCTAssertEqual(fromMapping.nonASCIILines, fromArray.nonASCIILines)
    for offset in 0...UInt32(sample.count) {
      XCTAssertEqual(fromMapping.location(of: offset), fromArray.location(of: offset), "offset \(offset)")
    }
    XCTAssertEqual(fromMapping.text(fromMapping.lineRange(2)), "step a \"😀\"")
  }

  func testNothingIsMappedForAnEmptyFile() throws {
    let path = try temporaryFile([])
    let descriptor = open(path, O_RDONLY)
    defer { close(descriptor) }
    XCTAssertNil(LargeFile.map(descriptor: descriptor, count: 0))
  }

  func testAFolderCannotBeMapped() {
    let descriptor = open(NSTemporaryDirectory(), O_RDONLY)
    defer { close(descriptor) }
    XCTAssertNil(LargeFile.map(descriptor: descriptor, count: 4096))
  }
}
