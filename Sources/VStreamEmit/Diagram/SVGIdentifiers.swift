/// Two SVG drawings in one document (a page's light and dark copies, a before/after picture) would repeat each
/// other's element ids, and a reference (`url(#…)`, `href="#…"`) would then reach the first copy's element. One
/// copy's ids and its references to them get a prefix, in one place for every picture that nests drawings.
enum SVGIdentifiers {
  static func prefixed<Text: StringProtocol>(_ svg: Text, with prefix: String) -> String {
    svg.replacingOccurrences(of: " id=\"", with: " id=\"\(prefix)")
      .replacingOccurrences(of: "url(#", with: "url(#\(prefix)")
      .replacingOccurrences(of: "href=\"#", with: "href=\"#\(prefix)")
  }
}
