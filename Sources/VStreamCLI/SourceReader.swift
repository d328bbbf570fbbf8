import Foundation
import VStreamLargeFile
import VStreamSource

/// Reads a file or standard input with a size limit, so that a stray huge file is refused (VS003) instead of being
/// loaded into memory.
enum SourceReader {
  enum Outcome {
    case read(SourceBytes)
    /// Larger than the limit; the size when the file system knows it (not for pipes).
    case tooLarge(Int?)
    /// Not readable; the reason in lower case ("permission denied").
    case failed(String)
  }

  static func read(path: String, limit: Int) -> Outcome {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return .failed(SystemError.describe(errno)) }
    defer { close(descriptor) }
    return read(descriptor: descriptor, limit: limit)
  }

  static func readStandardInput(limit: Int) -> Outcome {
    read(descriptor: STDIN_FILENO, limit: limit)
  }

  static func read(descriptor: Int32, limit: Int) -> Outcome {
    var info = stat()
    var expected = 0
    if fstat(descriptor, &info) == 0 {
      if (info.st_mode & S_IFMT) == S_IFDIR { return .failed("is a folder") }
      if (info.st_mode & S_IFMT) == S_IFREG && Int(info.st_size) > limit { return .tooLarge(Int(info.st_size)) }
      if (info.st_mode & S_IFMT) == S_IFREG { expected = Int(info.st_size) }
    }
    // A large file is mapped rather than copied (see `LargeFile.map`); a small one is read, which costs less than
    // setting up a mapping and taking it down again, on every core, for each of thousands of files.
    if LargeFile.isLarge(expected), let mapped = LargeFile.map(descriptor: descriptor, count: expected) {
      return .read(mapped)
    }
    // Read straight into a buffer of the size the file system gives, so that a large file is neither copied chunk
    // by chunk nor as an array doubles (which would hold up to three times its size at once). The size is only where
    // to start: pipes and /proc files report 0 and a file may grow meanwhile, so chunks follow until the end.
    var failure: Int32?
    var bytes = [UInt8](unsafeUninitializedCapacity: expected + 1) { buffer, count in
      count = 0
      while count < buffer.count {
        let read = Foundation.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
        if read == 0 { return }
        if read < 0 {
          if errno == EINTR { continue }
          failure = errno
          return
        }
        count += read
      }
    }
    if let failure { return .failed(SystemError.describe(failure)) }
    if bytes.count > limit { return .tooLarge(nil) }
    if bytes.count == expected + 1 {
      var chunk = [UInt8](repeating: 0, count: 1 << 16)
      while true {
        let count = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
        if count == 0 { break }
        if count < 0 {
          if errno == EINTR { continue }
          return .failed(SystemError.describe(errno))
        }
        bytes += chunk[0..<count]
        if bytes.count > limit { return .tooLarge(nil) }
      }
    }
    return .read(SourceBytes(bytes))
  }
}
