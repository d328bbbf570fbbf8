import VStreamModel
import VStreamSource

extension DiffRenderer {
  /// The format name of the JSON document (`specs/vstream-diff.schema.json`).
  public static let jsonFormat = "vstream-diff/1"

  /// For tools: every stream on either side (unchanged ones too), keys in a documented order.
  public static func json(_ report: DiffReport, gate: [GateFailure] = []) -> JSONValue {
    let count = { (status: StreamDiff.Status) in JSONValue.int(report.streams.filter { $0.status == status }.count) }
    return .object([
      ("format", .string(jsonFormat)),
      ("base", .string(report.baseName)),
      ("head", .string(report.headName)),
      (
        "summary",
        .object([
          ("streams", .int(report.streams.count)),
          ("changed", count(.changed)), ("added", count(.added)), ("removed", count(.removed)),
          ("unchanged", count(.unchanged)), ("incomparable", count(.incomparable)),
          ("moved", .int(report.streams.filter(\.moved).count)),
          ("idChanged", .int(report.streams.filter(\.idChanged).count)),
        ])
      ),
      ("streams", .array(report.streams.map(json))),
      ("gate", .array(gate.map(json))),
    ])
  }

  private static func json(_ stream: StreamDiff) -> JSONValue {
    let complete: JSONValue =
      stream.completeness.map { .object([("before", .bool($0.before)), ("after", .bool($0.after))]) } ?? .null
    let arrows: JSONValue = .object([
      ("added", .array(stream.arrowsAdded.map(json))), ("removed", .array(stream.arrowsRemoved.map(json))),
    ])
    let contributors: [JSONValue] = stream.contributors.map { contribution -> JSONValue in
      .object([
        ("step", .string(contribution.stepID)), ("title", .string(contribution.title)),
        ("before", .int(contribution.before)), ("after", .int(contribution.after)), ("delta", .int(contribution.delta)),
      ])
    }
    let base: JSONValue = stream.base.map(json) ?? .null
    let head: JSONValue = stream.head.map(json) ?? .null
    let title: JSONValue = stream.titleChange.map { pair($0.before, $0.after) } ?? .null
    let wait: JSONValue = stream.longestWait.map { pair($0.before, $0.after) } ?? .null
    let target: JSONValue = stream.targetChange.map { pair($0.before, $0.after) } ?? .null
    var members: [(String, JSONValue)] = [("id", .string(stream.id)), ("status", .string(stream.status.rawValue))]
    members += [("title", .string(stream.title)), ("base", base), ("head", head)]
    members += [("moved", .bool(stream.moved)), ("idChanged", .bool(stream.idChanged)), ("titleChange", title)]
    members += [("targetChange", target)]
    members += [("figures", .array(stream.figures.map(json))), ("longestWait", wait), ("complete", complete)]
    members += [("nodes", .array(stream.nodes.map(json))), ("arrows", arrows), ("contributors", .array(contributors))]
    return .object(members)
  }

  private static func json(_ side: StreamDiff.Side) -> JSONValue {
    .object([
      ("path", .string(side.path)),
      ("id", .string(side.id)),
      (
        "errors",
        .array(
          side.errors.map {
            .object([
              ("line", .int($0.line)), ("column", .int($0.column)), ("code", .string($0.code)),
              ("message", .string($0.message)),
            ])
          })
      ),
    ])
  }

  private static func json(_ change: FigureChange) -> JSONValue {
    let number = { (value: Double?) -> JSONValue in
      guard let value else { return .null }
      return change.figure.isDuration ? .int(Int64(value)) : .double(value)
    }
    return .object([
      ("figure", .string(change.figure.rawValue)),
      ("path", .string(change.path.rawValue)),
      ("unit", .string(change.figure.isDuration ? "seconds" : "ratio")),
      ("before", number(change.before)),
      ("after", number(change.after)),
      ("delta", number(change.delta)),
      ("relative", change.relative.map { .double($0) } ?? .null),
      ("direction", .string(change.direction.rawValue)),
    ])
  }

  private static func json(_ node: NodeChange) -> JSONValue {
    let neighbours = { (pair: (before: [String], after: [String])?) -> JSONValue in
      guard let pair else { return .null }
      return .object([
        ("before", .array(pair.before.map { .string($0) })), ("after", .array(pair.after.map { .string($0) })),
      ])
    }
    return .object([
      ("kind", .string(node.kind.rawValue)),
      ("id", .string(node.id)),
      ("change", .string(node.change.rawValue)),
      ("title", .string(node.title)),
      (
        "fields",
        .array(
          node.fields.map {
            .object([("name", .string($0.name)), ("before", .string($0.before)), ("after", .string($0.after))])
          })
      ),
      ("predecessors", neighbours(node.predecessors)),
      ("successors", neighbours(node.successors)),
    ])
  }

  private static func json(_ arrow: ArrowChange) -> JSONValue {
    .object([("from", .string(arrow.from)), ("to", .string(arrow.to)), ("label", .string(arrow.label))])
  }

  private static func json(_ failure: GateFailure) -> JSONValue {
    .object([
      ("stream", .string(failure.streamID)),
      ("threshold", .string(failure.threshold.text)),
      ("figure", .string(failure.change.figure.rawValue)),
      ("path", .string(failure.change.path.rawValue)),
      ("before", failure.change.before.map { .double($0) } ?? .null),
      ("after", failure.change.after.map { .double($0) } ?? .null),
    ])
  }

  private static func pair(_ before: String?, _ after: String?) -> JSONValue {
    .object([("before", .string(before)), ("after", .string(after))])
  }
}
