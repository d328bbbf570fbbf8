/// The words that can start a line, recognised from their bytes without making a `String`: this runs once per line.
enum Keyword {
  case declaration(DeclarationKind)
  case flow
  case attribute(AttributeKind)

  private static let table: [(bytes: [UInt8], keyword: Keyword)] =
    DeclarationKind.allCases.map { (Array($0.rawValue.utf8), Keyword.declaration($0)) }
    + [(Array("flow".utf8), .flow)]
    + AttributeKind.allCases.map { (Array($0.rawValue.utf8), Keyword.attribute($0)) }

  static func classify(_ bytes: UnsafeBufferPointer<UInt8>, _ start: UInt32, _ end: UInt32) -> Keyword? {
    let length = Int(end - start)
    guard length >= 2, length <= 9 else { return nil }
    let base = Int(start)
    for entry in table where entry.bytes.count == length && entry.bytes[0] == bytes[base] {
      var equal = true
      for index in 1..<length where entry.bytes[index] != bytes[base + index] {
        equal = false
        break
      }
      if equal { return entry.keyword }
    }
    return nil
  }
}
