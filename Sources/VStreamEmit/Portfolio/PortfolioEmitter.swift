import VStreamModel
import VStreamSource

/// Prints a repository's `Portfolio`: as `portfolio.json` (format `vstream-portfolio/1`, described by
/// `specs/vstream-portfolio.schema.json`), and as the portfolio section of `index.md` and `index.html`.
public struct PortfolioEmitter: Sendable {
  public init() {}

  public func json(_ portfolio: Portfolio, catalogue: PracticeCatalogue = .itil) -> String {
    JSONValue.object([
      ("format", .string("vstream-portfolio/1")),
      ("streamCount", .int(portfolio.streams.count)),
      (
        "unusedPractices",
        .array(
          portfolio.unusedPractices.map { id in
            .object([("id", .string(id)), ("name", .string(catalogue.practice(id: id)?.name ?? id))])
          })
      ),
      (
        "unusedActivities",
        .array(portfolio.unusedActivities.map { .object([("id", .string($0.id)), ("name", .string($0.name))]) })
      ),
      ("streamsWithoutOwner", .array(portfolio.streamsWithoutOwner.map { .string($0) })),
      (
        "streams",
        .array(
          portfolio.streams.map { entry in
            .object([
              ("id", .string(entry.id)), ("title", .string(entry.title)), ("path", .string(entry.path)),
              ("owner", .string(entry.owner)), ("handOffCount", .int(entry.handOffs.count)),
              ("mainPathHandOffs", .int(entry.mainPathHandOffs)),
              ("stepsWithoutRoles", .int(entry.stepsWithoutRoles)),
              ("handsOverTo", .array(entry.handsOverTo.map { .string($0) })),
              (
                "endToEndLeadTime",
                entry.endToEndLeadTime.map {
                  .object([("seconds", .int($0.seconds)), ("text", .string($0.formatted(entry.settings)))])
                } ?? .null
              ),
              (
                "handOffs",
                .array(
                  entry.handOffs.map { handOff in
                    .object([
                      ("from", .string(handOff.from)), ("to", .string(handOff.to)),
                      ("fromRole", .string(handOff.fromRole)), ("toRole", .string(handOff.toRole)),
                      ("rework", .bool(handOff.isRework)),
                    ])
                  })
              ),
            ])
          })
      ),
    ]).rendered()
  }

  /// The `## Portfolio` section appended to `index.md`.
  public func markdown(_ portfolio: Portfolio, catalogue: PracticeCatalogue = .itil, pageName: (String) -> String)
    -> String
  {
    let e = MarkdownEscaping.text
    var out = "\n## Portfolio\n\n"
    out +=
      "| Stream | Owner | Hand-offs | On the main path | Hands over to | End to end |\n"
      + "| --- | --- | ---: | ---: | --- | ---: |\n"
    for entry in portfolio.streams {
      out +=
        "| [\(e(entry.title))](\(pageName(entry.id))) | \(entry.owner.map(e) ?? "**none**") | \(entry.handOffs.count) | "
        + "\(entry.mainPathHandOffs) | \(list(entry.handsOverTo.map { "[\(e($0))](\(pageName($0)))" })) | "
        + "\(entry.endToEndLeadTime.map { $0.formatted(entry.settings) } ?? "–") |\n"
    }
    out += "\nA hand-off is an arrow between two steps that share no role.\n\n"
    for (label, names) in lists(portfolio, catalogue) { out += "- \(label): \(list(names.map(e)))\n" }
    return out
  }

  /// The portfolio section of `index.html`.
  public func html(_ portfolio: Portfolio, catalogue: PracticeCatalogue = .itil, pageName: (String) -> String)
    -> String
  {
    let e = HTMLEscaping.text
    var out = "<h2 id=\"portfolio\">Portfolio</h2>\n<table>\n<thead><tr><th scope=\"col\">Stream</th>"
    out += "<th scope=\"col\">Owner</th><th scope=\"col\">Hand-offs</th><th scope=\"col\">On the main path</th>"
    out += "<th scope=\"col\">Hands over to</th><th scope=\"col\">End to end</th>"
    out += "</tr></thead>\n<tbody>\n"
    for entry in portfolio.streams {
      out +=
        "<tr><td><a href=\"\(HTMLEscaping.href(pageName(entry.id)))\">\(e(entry.title))</a></td>"
        + "<td>\(entry.owner.map(e) ?? "<strong>none</strong>")</td><td>\(entry.handOffs.count)</td>"
        + "<td>\(entry.mainPathHandOffs)</td><td>"
        + list(entry.handsOverTo.map { "<a href=\"\(HTMLEscaping.href(pageName($0)))\">\(e($0))</a>" })
        + "</td><td>\(entry.endToEndLeadTime.map { $0.formatted(entry.settings) } ?? "–")</td></tr>\n"
    }
    out += "</tbody>\n</table>\n<p>A hand-off is an arrow between two steps that share no role.</p>\n<ul>\n"
    for (label, names) in lists(portfolio, catalogue) { out += "<li>\(label): \(list(names.map(e)))</li>\n" }
    out += "</ul>\n"
    return out
  }

  /// The lists under the table, by name, as plain text: each format escapes them.
  func lists(_ portfolio: Portfolio, _ catalogue: PracticeCatalogue) -> [(String, [String])] {
    [
      ("Practices that support no stream", portfolio.unusedPractices.map { catalogue.practice(id: $0)?.name ?? $0 }),
      ("Activities no stream maps to", portfolio.unusedActivities.map(\.name)),
      ("Streams without an owner", portfolio.streamsWithoutOwner),
    ]
  }

  /// Names already escaped, joined; "none" for an empty list.
  func list(_ names: [String]) -> String { names.isEmpty ? "none" : names.joined(separator: ", ") }
}
