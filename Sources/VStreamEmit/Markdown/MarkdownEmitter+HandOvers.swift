import VStreamModel

extension MarkdownEmitter {
  /// The hand-overs section of a stream's page, linking each other stream's page (`ID.md`, as `build` names them);
  /// empty when there are none.
  func handOverSection(_ stream: ValueStream) -> String {
    let entries = HandOverList.entries(stream)
    guard !entries.isEmpty else { return "" }
    var out = "## Hand-overs\n\n"
    for entry in entries {
      let link = "[\(MarkdownEscaping.text(entry.stream))](\(MarkdownEscaping.link(entry.stream + ".md")))"
      let here = MarkdownEscaping.text(entry.here)
      out += entry.incoming ? "- \(here): handed over from \(link)\n" : "- \(here): hands over to \(link)\n"
    }
    return out + "\n"
  }

  /// " (runs [STREAM](STREAM.md))" after the title of a step that runs another stream (its figures are that stream's,
  /// whose page is linked); nothing otherwise.
  func runsLink(_ step: Step) -> String {
    guard let runs = step.runs else { return "" }
    return " (runs [\(MarkdownEscaping.text(runs.stream))](\(MarkdownEscaping.link(runs.stream + ".md"))))"
  }
}
