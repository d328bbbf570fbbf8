import VStreamModel
import VStreamSource
import VStreamSyntax

/// Each arrow is written once (VS411); a label does not make an arrow new. Written again with another meaning, another
/// kind or another share, it is an error (VS339): the order of the lines would decide which one counts.
enum ArrowsAreWrittenOnce: CheckRule {
  static func findings(in context: CheckContext) -> Findings {
    var findings = context.findings()
    let file = context.file
    for arrow in context.flow.conflictingArrows {
      findings.add(.conflictingArrow, at: arrow.from.union(arrow.to)) {
        .conflictingArrow(from: file.text(arrow.from), to: file.text(arrow.to), arrow)
      }
    }
    for arrow in context.flow.repeatedArrows {
      findings.add(.duplicateArrow, at: arrow.from.union(arrow.to)) {
        .arrowWrittenTwice(
          from: file.text(arrow.from), to: file.text(arrow.to), first: arrow.first,
          share: arrow.share < 0 ? nil : Percentage(hundredths: Int64(arrow.share)).formatted)
      }
    }
    return findings
  }
}

extension Message {
  /// `share`: the share only the repeat has, which counts and must not be lost with it.
  static func arrowWrittenTwice(from: String, to: String, first: SourceRange, share: String?) -> Message {
    Message(
      text: "the arrow `\(from) -> \(to)` is written twice", label: "again",
      secondary: [Diagnostic.Label(range: first, message: "first written here")],
      help: share.map { "write its share, \($0), where it is first written, and remove the repeat" }
        ?? "remove the repeat")
  }

  static func conflictingArrow(from: String, to: String, _ arrow: ConflictingArrow) -> Message {
    let list = { (items: [String]) in
      items.count <= 2
        ? items.joined(separator: " and ") : items.dropLast().joined(separator: ", ") + " and " + items.last!
    }
    let others = arrow.others.map { Diagnostic.Label(range: $0, message: "also written here") }
    guard arrow.kindsDiffer else {
      let shares = arrow.shares.map { Percentage(hundredths: Int64($0)).formatted }
      return Message(
        text: "the arrow `\(from) -> \(to)` is written with different shares, \(list(shares))",
        label: "written again", secondary: others,
        help: "keep the share on one writing of the arrow, or make them agree")
    }
    let kinds = arrow.kinds.compactMap(FlowKind.init(rawValue:))
    return Message(
      text: "the arrow `\(from) -> \(to)` is written as \(list(arrow.kinds.map { "`\($0)`" }))",
      label: "written again", secondary: others,
      notes: kinds.filter { $0 != .main || !kinds.contains(.flow) }.map { Self.meaning($0, from: from, to: to) },
      help: "keep the writing that says what happens, and remove the others")
  }

  private static func meaning(_ kind: FlowKind, from: String, to: String) -> String {
    switch kind {
    case .flow, .main: return "as `\(kind.rawValue)`, `\(to)` is one way work goes on from `\(from)`"
    case .parallel: return "as `parallel`, `\(to)` starts at the same time as the other branches out of `\(from)`"
    case .rework: return "as `rework`, work goes back from `\(from)` to be done again at `\(to)`"
    }
  }
}
