import Foundation

/// What Graphviz's SVG needs after rendering. Graphviz titles each node's and arrow's group with its DOT id
/// (`<title>step_0</title>`), which browsers show on hover and screen readers read; the tooltip the DOT gave it is
/// only on an inner link (`<a xlink:title="...">`). `titlesFromTooltips` puts the tooltip in the title too, so every
/// reader sees the step's title, roles and note instead of an internal id.
public enum GraphvizSVG {
  ///
  /// One pass over the bytes: searching the text through Foundation bridged it whole on every search, which made a
  /// 100-step diagram take half a second here.
  public static func titlesFromTooltips(_ svg: String) -> String {
    let bytes = Array(svg.utf8)
    let open = Array("<title>".utf8)
    let close = Array("</title>".utf8)
    let link = Array("<a xlink:title=\"".utf8)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var position = 0
    while let start = firstIndex(of: open, in: bytes, from: position, before: bytes.count),
      let end = firstIndex(of: close, in: bytes, from: start + open.count, before: bytes.count)
    {
      out += bytes[position..<(start + open.count)]
      let after = end + close.count
      var title = bytes[(start + open.count)..<end]
      // Graphviz writes the link right after the title: `</title>\n<g id="a_node2"><a xlink:title="...">`, within
      // 200 characters (a character is at most a few bytes; the count is checked on the few bytes found).
      if let found = firstIndex(of: link, in: bytes, from: after, before: min(bytes.count, after + 200 * 8)),
        String(decoding: bytes[after..<(found + link.count)], as: UTF8.self).count <= 200,
        String(decoding: bytes[after..<found], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
          .hasPrefix("<g id=\"a_"),
        let quote = bytes[(found + link.count)...].firstIndex(of: UInt8(ascii: "\""))
      {
        title = bytes[(found + link.count)..<quote]
      }
      out += title
      out += close
      position = after
    }
    out += bytes[position...]
    return String(decoding: out, as: UTF8.self)
  }

  /// Where `needle` first starts in `bytes[from..<before]`.
  private static func firstIndex(of needle: [UInt8], in bytes: [UInt8], from: Int, before: Int) -> Int? {
    var index = from
    while index + needle.count <= before {
      if bytes[index] == needle[0] && bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
      index += 1
    }
    return nil
  }
}
