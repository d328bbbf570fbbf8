@testable import VStreamSyntax

/// The encoding check's scan without the eight-byte skip: every byte goes through the same per-byte step, the
/// reference for the fast scan.
enum PlainEncodingCheck {
  static func scan(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> EncodingCheck.Findings {
    var findings = EncodingCheck.Findings()
    var index = start
    while index < bytes.count { index = EncodingCheck.inspect(bytes, at: index, into: &findings) }
    return findings
  }
}
