import VStreamSource
import VStreamSyntax

/// A demand says who it comes from and a value says who it is for (VS460, a note): ITIL defines value as what a
/// stakeholder perceives, and demand as a consumer's or stakeholder's need, so a stream that names neither cannot say
/// whose journey it is. A demand that comes from another stream (`from-stream`) names its source already.
enum DemandAndValueNameTheirPeople: CheckRule {
  static func findings(in context: CheckContext) -> Findings {
    var findings = context.findings()
    let syntax = context.syntax
    for demand in context.declarations.demands where !demand.hasErrors {
      guard syntax.attribute(.from, of: demand) == nil, syntax.attribute(.fromStream, of: demand) == nil else {
        continue
      }
      findings.add(.unnamedParty, at: demand.anchor) {
        .demandWithoutSource(context.text(demand.identifier), insertAt: demand.range.end)
      }
    }
    for value in context.declarations.values where !value.hasErrors && syntax.attribute(.for, of: value) == nil {
      findings.add(.unnamedParty, at: value.anchor) {
        .valueWithoutConsumer(context.text(value.identifier), insertAt: value.range.end)
      }
    }
    return findings
  }
}

extension Message {
  static func demandWithoutSource(_ demand: String, insertAt offset: UInt32) -> Message {
    unnamed(
      "the demand `\(demand)` does not say who it comes from", attribute: "from",
      who: "the consumer or stakeholder who raises the demand", at: offset)
  }

  static func valueWithoutConsumer(_ value: String, insertAt offset: UInt32) -> Message {
    unnamed(
      "the value `\(value)` does not say who it is for", attribute: "for",
      who: "the consumer or stakeholder who perceives the value", at: offset)
  }

  /// The fix inserts a line after the declaration: a placeholder to replace, so never applied without asking.
  private static func unnamed(_ text: String, attribute: String, who: String, at offset: UInt32) -> Message {
    let line = "\(attribute) \"Service consumer\""
    return Message(
      text: text, label: "no `\(attribute)`", help: "add `\(line)` under it, naming \(who)",
      fixes: [
        .replace(
          SourceRange.empty(at: offset), with: "\n  " + line, "add a `\(attribute)` line to fill in", safety: .unsafe)
      ])
  }
}
