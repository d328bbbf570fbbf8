/// A small printer for the XML exports: elements with attributes in the order given, indented by two spaces, text
/// escaped by `XMLEscaping`. It keeps the exports free of string concatenation and of a forgotten escape.
struct XMLWriter {
  private(set) var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  private var open: [String] = []

  /// Attributes in the order written; a nil value leaves the attribute out.
  typealias Attributes = KeyValuePairs<String, String?>

  private func start(_ name: String, _ attributes: Attributes) -> String {
    var tag = "<" + name
    for (key, value) in attributes {
      guard let value else { continue }
      tag += " \(key)=\"\(XMLEscaping.text(value))\""
    }
    return tag
  }

  private var indent: String { String(repeating: "  ", count: open.count) }

  /// Opens an element that `close()` ends.
  mutating func open(_ name: String, _ attributes: Attributes = [:]) {
    text += indent + start(name, attributes) + ">\n"
    open.append(name)
  }

  /// Ends the element opened last.
  mutating func close() {
    let name = open.removeLast()
    text += indent + "</\(name)>\n"
  }

  /// An element with no children.
  mutating func empty(_ name: String, _ attributes: Attributes = [:]) {
    text += indent + start(name, attributes) + "/>\n"
  }

  /// An element holding only text.
  mutating func leaf(_ name: String, _ attributes: Attributes = [:], text content: String) {
    text += indent + start(name, attributes) + ">" + XMLEscaping.text(content) + "</\(name)>\n"
  }
}
