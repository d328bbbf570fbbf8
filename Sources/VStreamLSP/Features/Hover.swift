import VStream
import VStreamModel
import VStreamSource
import VStreamSyntax

/// `textDocument/hover`: an activity's or a practice's description from the catalogue, and a step's figures (or
/// any declaration's title) on its id, where it is declared or used in a flow.
enum HoverFeature {
  static func hover(at offset: UInt32, in context: FeatureContext) -> [String: Any]? {
    let index = context.index
    if let (_, attribute) = index.attribute(at: offset) {
      for word in index.words(of: attribute) where word.range.start <= offset && offset <= word.range.end {
        let text: String?
        switch attribute.kind {
        case .activity: text = Activity.resolve(word.text).entry.map(describe)
        case .practices: text = context.configuration.catalogue.resolve(word.text).entry.map(describe)
        default: text = nil
        }
        return text.map { result($0, range: word.range, context: context) }
      }
    }
    guard let occurrence = index.occurrence(at: offset), let declaration = index.declarations[occurrence.text] else {
      return nil
    }
    return result(
      describe(declaration, id: occurrence.text, index: index, settings: context.configuration.durationSettings),
      range: occurrence.range, context: context)
  }

  static func describe(_ activity: Activity) -> String {
    "**\(activity.name)** (value chain activity `\(activity.id)`)\n\n\(activity.purpose)\n\nOutputs: \(activity.outputs)"
  }

  static func describe(_ practice: Practice) -> String {
    let kind = practice.isCustom ? "the organisation's practice" : practice.group.map { $0.name } ?? "practice"
    return "**\(practice.name)** (`\(practice.id)`, \(kind))\n\n\(practice.purpose)"
  }

  /// A declaration's kind, id and title, and for a step the figures as written and its lead time (wait plus process
  /// time, with the configuration's days and weeks); for a step that runs another stream, that stream instead of a
  /// lead time, which only linking with it gives.
  static func describe(
    _ declaration: DeclarationSyntax, id: String, index: DocumentIndex, settings: DurationSettings
  ) -> String {
    let file = index.file
    var lines = [
      "**\(declaration.kind.rawValue) `\(id)`**" + (declaration.title.map { " " + $0.value(in: file) } ?? "")
    ]
    guard declaration.kind == .step else { return lines.joined(separator: "\n\n") }
    var figures: [String] = []
    var lead = Duration.zero
    var timed = false
    for attribute in index.syntax.attributes(of: declaration) {
      switch attribute.kind {
      case .activity, .practices:
        let words = index.words(of: attribute).map(\.text).joined(separator: ", ")
        figures.append("- \(attribute.kind.rawValue): \(words)")
      case .time, .wait, .ca:
        let label = [AttributeKind.time: "process time", .wait: "wait", .ca: "%C/A"][attribute.kind]!
        if case .duration(let duration) = attribute.value {
          figures.append("- \(label): \(file.text(duration.range))")
          duration.forEachPart(in: file) { part in
            guard let unit = DurationUnit(rawValue: part.unit.rawValue) else { return }
            lead = lead + Duration(part.amount, unit, settings: settings)
          }
          timed = true
        } else if case .percentage(let percentage) = attribute.value {
          figures.append("- \(label): \(file.text(percentage.range))")
        }
      case .runs:
        guard case .word(let called) = attribute.value else { continue }
        figures.append("- runs `\(called.text(in: file))`: its figures are that stream's, added after this step's wait")
      default: continue
      }
    }
    let runs = index.syntax.hasAttribute(.runs, of: declaration)
    if timed && !runs { figures.append("- lead time: \(lead.formatted(settings))") }
    if !figures.isEmpty { lines.append(figures.joined(separator: "\n")) }
    return lines.joined(separator: "\n\n")
  }

  static func result(_ markdown: String, range: SourceRange, context: FeatureContext) -> [String: Any] {
    ["contents": ["kind": "markdown", "value": markdown], "range": context.range(range)]
  }
}
