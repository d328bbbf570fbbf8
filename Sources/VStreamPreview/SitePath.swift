/// Which page of the site in memory a request's target names, or nil when the target is not a plain path inside the
/// site. The site is a dictionary, never the disk, so nothing outside it can be reached whatever the target says;
/// this is the second wall: a target with a dot segment (`..`, `.`), in any encoding, a backslash, a NUL or a bad
/// percent-escape is refused outright rather than normalised, so that what is served never depends on how a path
/// was spelt.
public enum SitePath {
  /// The page for `target` (the request line's target, raw: `/a.html?x=1`): `/` is `index.html`.
  public static func resolve(_ target: String) -> String? {
    var path = Substring(target)
    if let end = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<end] }
    guard path.first == "/" else { return nil }
    guard let decoded = percentDecoded(path.dropFirst()) else { return nil }
    if decoded.isEmpty { return "index.html" }
    // Decoding twice shows what a server that decodes again would see: `%252e%252e` must not pass either.
    guard !decoded.contains("%") || percentDecoded(Substring(decoded)).map(isPlain) == true else { return nil }
    return isPlain(decoded) ? decoded : nil
  }

  /// A path of plain segments: no `.` or `..`, no empty segment, no backslash, no control character.
  static func isPlain(_ path: String) -> Bool {
    guard !path.isEmpty else { return true }
    let segments = path.split(separator: "/", omittingEmptySubsequences: false)
    return segments.allSatisfy { segment in
      !segment.isEmpty && segment != "." && segment != ".."
        && !segment.unicodeScalars.contains { $0 == "\\" || $0.value < 0x20 || $0.value == 0x7F }
    }
  }

  /// `text` with its `%XX` escapes decoded as UTF-8, or nil when an escape is malformed or the bytes are not UTF-8.
  static func percentDecoded(_ text: Substring) -> String? {
    var bytes: [UInt8] = []
    var iterator = Array(text.utf8).makeIterator()
    while let byte = iterator.next() {
      guard byte == UInt8(ascii: "%") else {
        bytes.append(byte)
        continue
      }
      guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
        return nil
      }
      bytes.append(high << 4 | low)
    }
    return String(validating: bytes, as: UTF8.self)
  }

  private static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
    default: return nil
    }
  }
}
