import Foundation

/// What Graphviz's SVG needs after rendering. Graphviz titles each node's and arrow's group with its DOT id
/// (`<title>step_0</title>`), which browsers show on hover and screen readers read; the tooltip the DOT gave it is
/// only on an inner link (`<a xlink:title="...">`). `titlesFromTooltips` puts the tooltip in the title too, so every
/// reader sees the step's title, roles and note instead of an internal id.
public enum GraphvizSVG {
  public static func titlesFromTooltips(_ svg: String) -> String {
    var out = ""
    out.reserveCapacity(svg.utf8.count)
    var rest = Substring(svg)
    while let open = rest.range(of: "<title>") {
      guard let close = rest.range(of: "</title>", range: open.upperBound..<rest.endIndex) else { break }
      out += rest[..<open.upperBound]
      let after = rest[close.upperBound...]
      // Graphviz writes the link right after the title: `</title>\n<g id="a_node2"><a xlink:title="...">`.
      var title = rest[open.upperBound..<close.lowerBound]
      if let link = after.prefix(200).range(of: "<a xlink:title=\""),
        after[..<link.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("<g id=\"a_"),
        let end = after[link.upperBound...].firstIndex(of: "\"")
      {
        title = after[link.upperBound..<end]
      }
      out += title
      out += "</title>"
      rest = after
    }
    out += rest
    return out
  }
}
