import VStreamModel

extension HTMLEmitter {
  /// The hand-overs section of a stream's page, linking each other stream's page; empty when there are none.
  func handOverSection(_ stream: ValueStream) -> String {
    let entries = HandOverList.entries(stream)
    guard !entries.isEmpty else { return "" }
    let e = HTMLEscaping.text
    var out = "<h2 id=\"hand-overs\">Hand-overs</h2>\n<ul>\n"
    for entry in entries {
      let link = "<a href=\"\(HTMLEscaping.href(entry.stream + ".html"))\">\(e(entry.stream))</a>"
      out +=
        entry.incoming
        ? "<li>\(e(entry.here)): handed over from \(link)</li>\n" : "<li>\(e(entry.here)): hands over to \(link)</li>\n"
    }
    return out + "</ul>\n"
  }
}
