/// The words that can start a line, recognised from their bytes without making a `String`: this runs once per line.
enum Keyword {
  case declaration(DeclarationKind)
  /// `flow`, `rework`, `main` or `parallel`: a line of arrows.
  case flow(FlowKind)
  case attribute(AttributeKind)

  /// The keyword spelt exactly `word`, for the rare line that did not classify (a keyword written in capitals).
  static func named(_ word: String) -> Keyword? {
    if let kind = DeclarationKind(rawValue: word) { return .declaration(kind) }
    if let kind = FlowKind(rawValue: word) { return .flow(kind) }
    if let kind = AttributeKind(rawValue: word) { return .attribute(kind) }
    return nil
  }

  static func classify(_ bytes: UnsafeBufferPointer<UInt8>, _ start: UInt32, _ end: UInt32) -> Keyword? {
    let base = Int(start)
    // By length, then by bytes: no table of arrays to walk (and retain) for every line of the file.
    switch end - start {
    case 2:
      if matches(bytes, base, "ca") { return .attribute(.ca) }
    case 3:
      if matches(bytes, base, "for") { return .attribute(.for) }
    case 4:
      if matches(bytes, base, "step") { return .declaration(.step) }
      if matches(bytes, base, "flow") { return .flow(.flow) }
      if matches(bytes, base, "main") { return .flow(.main) }
      if matches(bytes, base, "time") { return .attribute(.time) }
      if matches(bytes, base, "wait") { return .attribute(.wait) }
      if matches(bytes, base, "note") { return .attribute(.note) }
      if matches(bytes, base, "from") { return .attribute(.from) }
      if matches(bytes, base, "runs") { return .attribute(.runs) }
    case 5:
      if matches(bytes, base, "value") { return .declaration(.value) }
      if matches(bytes, base, "roles") { return .attribute(.roles) }
    case 6:
      if matches(bytes, base, "stream") { return .declaration(.stream) }
      if matches(bytes, base, "demand") { return .declaration(.demand) }
      if matches(bytes, base, "rework") { return .flow(.rework) }
      if matches(bytes, base, "target") { return .attribute(.target) }
    case 8:
      if matches(bytes, base, "activity") { return .attribute(.activity) }
      if matches(bytes, base, "parallel") { return .flow(.parallel) }
    case 9:
      if matches(bytes, base, "practices") { return .attribute(.practices) }
    case 11:
      if matches(bytes, base, "from-stream") { return .attribute(.fromStream) }
    case 13:
      if matches(bytes, base, "hands-over-to") { return .attribute(.handsOverTo) }
    default:
      break
    }
    return nil
  }

  /// Whether the keyword's bytes are at `base` (the caller has checked that the word is as long): four bytes at a
  /// time, then one at a time.
  @inline(__always)
  private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, _ base: Int, _ keyword: StaticString) -> Bool {
    let written = UnsafeRawPointer(bytes.baseAddress! + base)
    let wanted = UnsafeRawPointer(keyword.utf8Start)
    let count = keyword.utf8CodeUnitCount
    var offset = 0
    while count - offset >= 4 {
      if written.loadUnaligned(fromByteOffset: offset, as: UInt32.self)
        != wanted.loadUnaligned(fromByteOffset: offset, as: UInt32.self)
      {
        return false
      }
      offset += 4
    }
    while offset < count {
      if written.load(fromByteOffset: offset, as: UInt8.self) != wanted.load(fromByteOffset: offset, as: UInt8.self) {
        return false
      }
      offset += 1
    }
    return true
  }
}
