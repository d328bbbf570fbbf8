import Foundation

/// One picture of a stream's two states: Graphviz's SVG of the base above Graphviz's SVG of the head, each under a
/// caption, as one standalone SVG. Each side is drawn on its own (laid out by Graphviz as it would be alone), so a
/// reviewer sees the two pictures they would have built, one above the other, with the changes marked in each.
public enum BeforeAfterSVG {
  /// One side: its caption (for example "Before: main") and Graphviz's SVG of it, or nil when the stream does not
  /// exist (or does not check) on that side, which the caption then says.
  public struct Side: Sendable {
    public var caption: String
    public var svg: String?

    public init(caption: String, svg: String?) {
      self.caption = caption
      self.svg = svg
    }
  }

  static let captionHeight = 28.0
  static let margin = 8.0
  static let emptyHeight = 24.0

  /// The two sides stacked. Sizes are in points, as Graphviz gives them; element ids are prefixed per side
  /// (`before-`, `after-`) so that the document's ids stay unique.
  public static func compose(title: String, before: Side, after: Side, theme: Palette.Theme = .light) -> String {
    let sides = [(before, "before-"), (after, "after-")].map { side, prefix in
      (caption: side.caption, picture: side.svg.flatMap { Picture(graphviz: $0, idPrefix: prefix) })
    }
    let width = max(320, sides.map { $0.picture?.width ?? 0 }.max() ?? 0) + 2 * margin
    var body = ""
    var y = margin
    for side in sides {
      body +=
        "<text x=\"\(number(margin))\" y=\"\(number(y + 18))\" font-family=\"Helvetica,Arial,sans-serif\" "
        + "font-size=\"14\" font-weight=\"bold\" fill=\"\(theme.foreground)\">\(HTMLEscaping.text(side.caption))</text>\n"
      y += captionHeight
      if let picture = side.picture {
        body += picture.placed(x: margin, y: y) + "\n"
        y += picture.height + margin
      } else {
        body +=
          "<text x=\"\(number(margin))\" y=\"\(number(y + 14))\" font-family=\"Helvetica,Arial,sans-serif\" "
          + "font-size=\"12\" font-style=\"italic\" fill=\"\(theme.muted)\">(no checked stream on this side)</text>\n"
        y += emptyHeight + margin
      }
    }
    let height = y
    return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n"
      + "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
      + "width=\"\(number(width))pt\" height=\"\(number(height))pt\" viewBox=\"0 0 \(number(width)) \(number(height))\">\n"
      + "<title>\(HTMLEscaping.text(title))</title>\n"
      + "<rect x=\"0\" y=\"0\" width=\"\(number(width))\" height=\"\(number(height))\" fill=\"\(theme.background)\"/>\n"
      + body + "</svg>\n"
  }

  /// Graphviz's `<svg …>…</svg>` without its prolog, with its size in points read from its `viewBox`.
  struct Picture {
    var element: Substring
    var width: Double
    var height: Double
    var idPrefix: String

    init?(graphviz svg: String, idPrefix: String) {
      guard let start = svg.range(of: "<svg"), let end = svg.range(of: "</svg>", options: .backwards),
        let tagEnd = svg[start.upperBound...].firstIndex(of: ">")
      else { return nil }
      let tag = svg[start.lowerBound...tagEnd]
      guard let viewBox = Self.attribute("viewBox", in: tag) else { return nil }
      let numbers = viewBox.split(separator: " ").compactMap { Double($0) }
      guard numbers.count == 4, numbers[2] > 0, numbers[3] > 0 else { return nil }
      element = svg[start.lowerBound..<end.upperBound]
      width = numbers[2]
      height = numbers[3]
      self.idPrefix = idPrefix
    }

    /// The picture as a nested `<svg>` at (x, y), sized in the outer picture's units (points), its ids prefixed.
    func placed(x: Double, y: Double) -> String {
      guard let tagEnd = element.firstIndex(of: ">") else { return "" }
      let inner = element[element.index(after: tagEnd)...]
      let tag = element[...tagEnd]
      let viewBox = Self.attribute("viewBox", in: tag) ?? "0 0 \(number(width)) \(number(height))"
      return "<svg x=\"\(number(x))\" y=\"\(number(y))\" width=\"\(number(width))\" height=\"\(number(height))\" "
        + "viewBox=\"\(viewBox)\">"
        + SVGIdentifiers.prefixed(inner, with: idPrefix)
    }

    static func attribute(_ name: String, in tag: Substring) -> String? {
      guard let open = tag.range(of: " \(name)=\"") else { return nil }
      guard let close = tag[open.upperBound...].firstIndex(of: "\"") else { return nil }
      return String(tag[open.upperBound..<close])
    }
  }

  static func number(_ value: Double) -> String { String(format: "%.2f", value) }
}
