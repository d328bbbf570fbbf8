import VStreamModel

extension DOTEmitter {
  /// The hand-overs to and from other streams: one dashed box per other stream named, linked (`URL`) to that
  /// stream's page beside this one (`ID.html`, as the HTML site names pages), joined by a dashed arrow from the step
  /// or value that hands over, or to the demand it raises. Empty when the stream names no other stream, so that such
  /// a stream's DOT is unchanged.
  func handOvers(_ stream: ValueStream, shape: FlowShape, theme: Palette.Theme) -> String {
    var arrows: [(from: String, to: String, stream: String)] = []
    if let link = stream.demand.fromStream {
      arrows.append((Self.linkNode(link.stream), nodeID(.demand, shape), link.stream))
    }
    for (index, step) in stream.steps.enumerated() {
      if let link = step.handsOverTo {
        arrows.append((nodeID(.step(index), shape), Self.linkNode(link.stream), link.stream))
      }
    }
    for (index, value) in stream.values.enumerated() {
      if let link = value.handsOverTo {
        arrows.append((nodeID(.value(index), shape), Self.linkNode(link.stream), link.stream))
      }
    }
    guard !arrows.isEmpty else { return "" }
    var out = ""
    var drawn = Set<String>()
    for arrow in arrows where drawn.insert(arrow.stream).inserted {
      out +=
        "  \(Self.linkNode(arrow.stream)) [shape=box, style=\"dashed,rounded\", color=\"\(theme.line)\", "
        + "URL=\(DOTEscaping.quoted("\(arrow.stream).html")), tooltip=\(DOTEscaping.quoted("Stream \(arrow.stream)")), "
        + "label=<<FONT POINT-SIZE=\"10\">STREAM</FONT><BR/>\(DOTEscaping.bold(arrow.stream))>];\n"
    }
    for arrow in arrows {
      out += "  \(arrow.from) -> \(arrow.to) [style=dashed, arrowhead=empty, tooltip=\"hand-over\"];\n"
    }
    return out
  }

  /// The node of another stream: ids are letters, digits, `-` and `_`, so the id quoted is a safe DOT name.
  static func linkNode(_ id: String) -> String { DOTEscaping.quoted("stream:" + id) }
}
