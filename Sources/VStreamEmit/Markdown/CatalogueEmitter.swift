import VStreamModel

/// The pages of a whole repository: `index.md`, every stream with owner, status, step count, lead time and flow
/// efficiency, and the practice matrix, which value streams each practice supports.
public struct CatalogueEmitter: Sendable {
  public init() {}

  /// `streams` in the order they should be listed (the caller sorts by path). `pageName` gives each stream's page;
  /// `diagramName`, when the diagrams were built beside it, each stream's SVG, linked from a Diagram column.
  public func index(
    _ streams: [ValueStream], diagramName: ((ValueStream) -> String)? = nil, pageName: (ValueStream) -> String
  ) -> String {
    var out = "# Value streams\n\n\(streams.count) value stream\(streams.count == 1 ? "" : "s"). "
    out += "See also the [practice matrix](practices.md).\n\n"
    // The target column only when a stream states a target: otherwise it would be a column of dashes.
    let hasTargets = streams.contains { $0.metadata.target != nil }
    out +=
      "| Stream | Owner | Status | Steps | Lead time | Flow efficiency |" + (hasTargets ? " Target |" : "")
      + (diagramName == nil ? "" : " Diagram |")
      + "\n| --- | --- | --- | ---: | ---: | ---: |" + (hasTargets ? " --- |" : "")
      + (diagramName == nil ? "" : " --- |")
      + "\n"
    for stream in streams {
      let main = stream.metrics.mainPath
      out +=
        "| [\(MarkdownEscaping.text(stream.title))](\(pageName(stream))) | \(stream.metadata.owner.map(MarkdownEscaping.text) ?? "–") | "
        + "\(stream.metadata.status?.rawValue ?? "–") | \(stream.steps.count) | \(main.leadTime.readable(stream.settings)) | "
        + "\(percentText(main.flowEfficiency)) |" + (hasTargets ? " \(TargetStanding.cell(stream)) |" : "")
        + (diagramName.map { " [SVG](\($0(stream))) |" } ?? "") + "\n"
    }
    return out
  }

  public func practiceMatrix(_ streams: [ValueStream], catalogue: PracticeCatalogue = .itil) -> String {
    var used = Set<String>()
    for stream in streams { used.formUnion(stream.metrics.practiceMatrix.practices) }
    let practices = catalogue.all.map(\.id).filter(used.contains) + used.subtracting(catalogue.all.map(\.id)).sorted()
    var out = "# Practice matrix\n\nFor each practice, the number of steps it supports in each value stream.\n\n"
    out += "| Practice | " + streams.map { MarkdownEscaping.text($0.title) }.joined(separator: " | ") + " | Streams |\n"
    out += "| --- |" + String(repeating: " ---: |", count: streams.count) + " ---: |\n"
    for practice in practices {
      let counts = streams.map { stream -> Int in
        guard let row = stream.metrics.practiceMatrix.practices.firstIndex(of: practice) else { return 0 }
        return stream.metrics.practiceMatrix.steps[row].count
      }
      out +=
        "| \(MarkdownEscaping.text(catalogue.practice(id: practice)?.name ?? practice)) | "
        + counts.map { $0 == 0 ? "" : String($0) }.joined(separator: " | ") + " | \(counts.filter { $0 > 0 }.count) |\n"
    }
    let unused = catalogue.all.filter { !used.contains($0.id) }
    if !unused.isEmpty {
      out +=
        "\nPractices no stream names: " + unused.map { MarkdownEscaping.text($0.name) }.joined(separator: ", ") + ".\n"
    }
    return out
  }
}
