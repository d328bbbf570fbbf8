/// A JSON document with ordered object keys, written the same way every time.
///
/// Every JSON the compiler prints (syntax trees, the JSON back end, diagnostics, SARIF) goes through this one writer,
/// so escaping and number formatting are decided in one place. Object keys keep the order they were given in:
/// callers choose a documented order rather than relying on sorting or hashing.
public indirect enum JSONValue: Hashable, Sendable {
  case null
  case bool(Bool)
  case int(Int64)
  case double(Double)
  case string(String)
  case array([JSONValue])
  case object([(String, JSONValue)])

  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    switch (lhs, rhs) {
    case (.null, .null): return true
    case (.bool(let a), .bool(let b)): return a == b
    case (.int(let a), .int(let b)): return a == b
    case (.double(let a), .double(let b)): return a == b
    case (.string(let a), .string(let b)): return a == b
    case (.array(let a), .array(let b)): return a == b
    case (.object(let a), .object(let b)):
      return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    default: return false
    }
  }

  public func hash(into hasher: inout Hasher) {
    switch self {
    case .null: hasher.combine(0)
    case .bool(let value): hasher.combine(value)
    case .int(let value): hasher.combine(value)
    case .double(let value): hasher.combine(value)
    case .string(let value): hasher.combine(value)
    case .array(let values): hasher.combine(values)
    case .object(let pairs):
      for (key, value) in pairs {
        hasher.combine(key)
        hasher.combine(value)
      }
    }
  }

  /// Convenience for optional members: `nil` becomes `null`.
  public static func string(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }
  public static func int(_ value: Int) -> JSONValue { .int(Int64(value)) }

  /// The text of the document: two-space indentation when `pretty`, and a final newline in that case.
  public func rendered(pretty: Bool = true) -> String {
    // Written as bytes: appending many short pieces to a String cost more than building the whole tree.
    var out: [UInt8] = []
    write(into: &out, indent: pretty ? 0 : nil)
    if pretty { out.append(0x0A) }
    return String(decoding: out, as: UTF8.self)
  }

  private func write(into out: inout [UInt8], indent: Int?) {
    switch self {
    case .null: out.append(contentsOf: "null".utf8)
    case .bool(let value): out.append(contentsOf: (value ? "true" : "false").utf8)
    case .int(let value): out.append(contentsOf: String(value).utf8)
    case .double(let value): out.append(contentsOf: JSONValue.format(value).utf8)
    case .string(let value): JSONValue.writeString(value, into: &out)
    case .array(let values):
      if values.isEmpty {
        out.append(contentsOf: "[]".utf8)
        return
      }
      out.append(0x5B)
      for (index, value) in values.enumerated() {
        if index > 0 { out.append(0x2C) }
        if let indent = indent { Self.newline(&out, indent: indent + 1) }
        value.write(into: &out, indent: indent.map { $0 + 1 })
      }
      if let indent = indent { Self.newline(&out, indent: indent) }
      out.append(0x5D)
    case .object(let pairs):
      if pairs.isEmpty {
        out.append(contentsOf: "{}".utf8)
        return
      }
      out.append(0x7B)
      for (index, (key, value)) in pairs.enumerated() {
        if index > 0 { out.append(0x2C) }
        if let indent = indent { Self.newline(&out, indent: indent + 1) }
        JSONValue.writeString(key, into: &out)
        out.append(0x3A)
        if indent != nil { out.append(0x20) }
        value.write(into: &out, indent: indent.map { $0 + 1 })
      }
      if let indent = indent { Self.newline(&out, indent: indent) }
      out.append(0x7D)
    }
  }

  private static func newline(_ out: inout [UInt8], indent: Int) {
    out.append(0x0A)
    for _ in 0..<(indent * 2) { out.append(0x20) }
  }

  /// Numbers that are not finite have no JSON form; they are written as `null` rather than producing invalid JSON.
  /// Whole numbers are written without a fraction so that `50.0` and `50` do not differ between platforms.
  static func format(_ value: Double) -> String {
    guard value.isFinite else { return "null" }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return "\(value)"
  }

  /// Escapes per RFC 8259: quotes, backslashes and control characters; everything else is written as UTF-8.
  public static func writeString(_ value: String, into out: inout String) {
    var bytes: [UInt8] = []
    writeString(value, into: &bytes)
    out += String(decoding: bytes, as: UTF8.self)
  }

  /// The same, appending the bytes: runs that need no escape are copied in one piece.
  static func writeString(_ value: String, into out: inout [UInt8]) {
    out.append(0x22)
    var value = value
    value.withUTF8 { bytes in
      var runStart = 0
      var index = 0
      while index < bytes.count {
        let byte = bytes[index]
        var width = 1
        let escape: String?
        switch byte {
        case 0x22: escape = "\\\""
        case 0x5C: escape = "\\\\"
        case 0x0A: escape = "\\n"
        case 0x0D: escape = "\\r"
        case 0x09: escape = "\\t"
        case 0x08: escape = "\\b"
        case 0x0C: escape = "\\f"
        case 0x00..<0x20, 0x7F:
          let hex = String(byte, radix: 16, uppercase: false)
          escape = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        case 0xE2
        where index + 2 < bytes.count && bytes[index + 1] == 0x80
          && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
          // U+2028 and U+2029 are valid in JSON but not in JavaScript string literals.
          escape = bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
          width = 3
        default:
          escape = nil
        }
        if let escape {
          out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
          out.append(contentsOf: escape.utf8)
          index += width
          runStart = index
        } else {
          index += 1
        }
      }
      out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
    }
    out.append(0x22)
  }
}
