import Foundation
import VStream
import VStreamModel
import VStreamSource
import VStreamSyntax

/// `textDocument/completion`, decided by the line being typed: keywords at the start of a line, the attributes a
/// declaration may still have on an indented line, activities after `activity`, practices (the organisation's own
/// included) after `practices`, the workspace's stream ids after `runs`, `hands-over-to` and `from-stream`, ids on
/// flow lines, and units after a duration's number.
enum CompletionFeature {
  /// The CompletionItemKind of LSP for what is offered.
  static func kind(_ offered: Offered) -> Int {
    switch offered {
    case .keyword: return 14
    case .attribute: return 5  // Field
    case .activity: return 20  // EnumMember
    case .practice: return 9  // Module
    case .unit: return 11
    case .id: return 6  // Variable
    }
  }

  enum Offered { case keyword, attribute, activity, practice, unit, id }

  static func completions(at offset: UInt32, in context: FeatureContext) -> [[String: Any]] {
    let file = context.file
    let line = file.lineRange(file.line(of: offset))
    let prefix = Array(file.bytes[Int(line.start)..<Int(max(line.start, min(offset, line.end)))])
    // The word being typed: back to a blank, a comma or an arrow's `>`.
    var wordStart = prefix.count
    while wordStart > 0, !" \t,>".utf8.contains(prefix[wordStart - 1]) { wordStart -= 1 }
    let typed = String(decoding: prefix[wordStart...], as: UTF8.self)
    let replace = SourceRange(start: line.start + UInt32(wordStart), end: line.start + UInt32(prefix.count))
    let words = String(decoding: prefix[..<wordStart], as: UTF8.self).split(whereSeparator: { $0 == " " || $0 == "\t" })
    let indented = prefix.first == UInt8(ascii: " ") || prefix.first == UInt8(ascii: "\t")
    if prefix.contains(UInt8(ascii: "#")) || inString(prefix) { return [] }
    var items: [(label: String, kind: Offered, detail: String, documentation: String?)] = []
    if words.isEmpty && !indented {
      for kind in DeclarationKind.allCases { items.append((kind.rawValue, .keyword, "declaration", nil)) }
      for kind in FlowKind.allCases { items.append((kind.rawValue, .keyword, "line of arrows", nil)) }
    } else if words.isEmpty {
      guard let declaration = context.index.declaration(before: offset) else { return [] }
      let present = Set(context.index.syntax.attributes(of: declaration).map(\.kind))
      // `runs` takes the place of `time` and `ca` (VS346): once one side is written the other is not offered.
      let excluded: Set<AttributeKind> =
        present.contains(.runs) ? [.time, .ca] : present.contains(.time) || present.contains(.ca) ? [.runs] : []
      for kind in declaration.kind.allowedAttributes where !present.contains(kind) && !excluded.contains(kind) {
        items.append((kind.rawValue, .attribute, kind.valueDescription, nil))
      }
    } else {
      switch String(words[0]) {
      case AttributeKind.activity.rawValue where words.count == 1:
        // The document's framework: its front matter's, else its vstream.yml's.
        let framework =
          context.index.syntax.frontMatter?.root?["framework"]?.scalar.flatMap(Framework.named)
          ?? context.configuration.framework
        for activity in framework.activities {
          items.append((activity.id, .activity, activity.name, HoverFeature.describe(activity)))
        }
      case AttributeKind.practices.rawValue:
        let listed = Set(words.dropFirst().map { $0.trimmingCharacters(in: [","]) })
        for practice in context.configuration.catalogue.all where !listed.contains(practice.id) {
          items.append((practice.id, .practice, practice.name, HoverFeature.describe(practice)))
        }
      case AttributeKind.runs.rawValue where words.count == 1,
        AttributeKind.handsOverTo.rawValue where words.count == 1,
        AttributeKind.fromStream.rawValue where words.count == 1:
        // The workspace's streams but this one.
        let own = Compiler.streamID(of: context.index.syntax).map { file.text($0) }
        for id in context.streamIDs() where id != own { items.append((id, .id, "stream", nil)) }
      case AttributeKind.time.rawValue, AttributeKind.wait.rawValue:
        // After a number: the units, each completing the number it follows.
        guard let last = typed.utf8.last, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(last) else { return [] }
        for (unit, name) in [("w", "weeks"), ("d", "days"), ("h", "hours"), ("m", "minutes"), ("s", "seconds")] {
          items.append((typed + unit, .unit, name, nil))
        }
      case let first where FlowKind(rawValue: first) != nil || first.hasPrefix("->"):
        guard typed.first != "\"" else { return [] }
        for item in context.index.syntax.items {
          guard case .declaration(let declaration) = item, declaration.kind != .stream,
            let identifier = declaration.identifier
          else { continue }
          let title = declaration.title.map { $0.value(in: file) } ?? ""
          items.append((file.text(identifier.range), .id, "\(declaration.kind.rawValue) \(title)", nil))
        }
      default:
        return []
      }
    }
    var seen = Set<String>()
    return items.filter { seen.insert($0.label).inserted }.enumerated().map { position, item in
      var json: [String: Any] = [
        "label": item.label, "kind": kind(item.kind), "detail": item.detail,
        "textEdit": context.textEdit(replace, item.label),
        // Keeps the catalogue's order (activities in value-chain order) rather than the client's alphabet.
        "sortText": String(String(10_000 + position).dropFirst()),
        "filterText": item.label,
      ]
      if let documentation = item.documentation {
        json["documentation"] = ["kind": "markdown", "value": documentation]
      }
      return json
    }
  }

  /// Whether the line so far is inside a quoted string (an odd number of unescaped quotes).
  static func inString(_ prefix: [UInt8]) -> Bool {
    var inside = false
    var escaped = false
    for byte in prefix {
      if escaped {
        escaped = false
      } else if byte == UInt8(ascii: "\\") {
        escaped = inside
      } else if byte == UInt8(ascii: "\"") {
        inside.toggle()
      }
    }
    return inside
  }
}
