/// The words that can start a line, recognised from their bytes without making a `String`: this runs once per line.
enum Keyword {
  case declaration(DeclarationKind)
  case flow
  case attribute(AttributeKind)

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
      if matches(bytes, base, "flow") { return .flow }
      if matches(bytes, base, "time") { return .attribute(.time) }
      if matches(bytes, base, "wait") { return .attribute(.wait) }
      if matches(bytes, base, "note") { return .attribute(.note) }
      if matches(bytes, base, "from") { return .attribute(.from) }
    case 5:
      if matches(bytes, base, "value") { return .declaration(.value) }
      if matches(bytes, base, "roles") { return .attribute(.roles) }
    case 6:
      if matches(bytes, base, "stream") { return .declaration(.stream) }
      if matches(bytes, base, "demand") { return .declaration(.demand) }
    case 8:
      if matches(bytes, base, "activity") { return .attribute(.activity) }
    case 9:
      if matches(bytes, base, "practices") { return .attribute(.practices) }
    default:
      break
    }
    return nil
  }

  @inline(__always)
  private static func matches(_ bytes: UnsafeBufferPointer<UInt8>, _ base: Int, _ keyword: StaticString) -> Bool {
    let pointer = keyword.utf8Start
    for offset in 0..<keyword.utf8CodeUnitCount where bytes[base + offset] != pointer[offset] { return false }
    return true
  }
}
