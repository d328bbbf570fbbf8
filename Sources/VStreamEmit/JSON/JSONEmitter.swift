import VStreamModel
import VStreamReport
import VStreamSource

/// Renders a checked stream as JSON, format `vstream/2`, described by `specs/vstream.schema.json`. Keys are in a
/// fixed order and durations are whole seconds (with the formatted text beside them), so the output is stable.
/// Every ratio (%C/A, shares, flow efficiency, yields) is a fraction from 0 to 1, never a percentage.
public struct JSONEmitter: Sendable {
  public init() {}

  public func emit(
    _ stream: ValueStream, diagnostics: [Diagnostic] = [], file: SourceFile? = nil, rules: [RuleDescriptor] = [],
    catalogue: PracticeCatalogue = .itil
  )
    -> String
  {
    let settings = stream.settings
    func duration(_ value: Duration?) -> JSONValue {
      value.map { .object([("seconds", .int($0.seconds)), ("text", .string($0.formatted(settings)))]) } ?? .null
    }
    func estimate(_ value: Estimate?) -> JSONValue {
      value.map {
        .object([("least", duration($0.least)), ("mostLikely", duration($0.mostLikely)), ("most", duration($0.most))])
      } ?? .null
    }
    func id(_ ref: NodeRef) -> JSONValue { .string(stream.node(ref).id) }
    func path(_ metrics: PathMetrics) -> JSONValue {
      .object([
        ("nodes", .array(metrics.nodes.map(id))),
        ("processTime", duration(metrics.processTime)),
        ("waitTime", duration(metrics.waitTime)),
        ("leadTime", duration(metrics.leadTime)),
        ("flowEfficiency", metrics.flowEfficiency.map { .double(Self.rounded($0)) } ?? .null),
        ("rolledCompleteAccurate", metrics.rolledCompleteAccurate.map { .double(Self.rounded($0)) } ?? .null),
        ("queueingWaitTime", duration(metrics.queueingWaitTime)),
        ("plannedWaitTime", duration(metrics.plannedWaitTime)),
        ("totalEffort", duration(metrics.totalEffort)),
        ("longestWait", .array(metrics.longestWait.map { .string(stream.steps[$0].id) })),
      ])
    }
    func ratio(_ value: Double?) -> JSONValue { value.map { .double(Self.rounded($0)) } ?? .null }
    // An expected time is a mean, so not whole seconds: to the millisecond, with the text of the nearest second.
    func mean(_ seconds: Double) -> JSONValue {
      .object([
        ("seconds", .double((seconds * 1_000).rounded() / 1_000)),
        ("text", .string(Duration(seconds: Int64(seconds.rounded())).formatted(settings))),
      ])
    }
    func expected(_ flow: ExpectedFlow?) -> JSONValue {
      guard let flow else { return .null }
      return .object([
        (
          "visits",
          .array(
            stream.steps.indices.map { index in
              .object([("step", .string(stream.steps[index].id)), ("visits", ratio(flow.visits[index]))])
            })
        ),
        ("processTime", mean(flow.processTime)),
        ("waitTime", mean(flow.leadTime - flow.processTime)),
        ("leadTime", mean(flow.leadTime)),
        ("flowEfficiency", ratio(flow.flowEfficiency)),
        ("firstPassYield", ratio(flow.firstPassYield)),
        ("totalEffort", mean(flow.totalEffort)),
      ])
    }
    let afterValue = Set(stream.metrics.stepsAfterValue)
    let meta = stream.metadata
    let matrix = stream.metrics.practiceMatrix
    let names = Dictionary(rules.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
    let value = JSONValue.object([
      ("format", .string("vstream/2")),
      ("id", .string(stream.id)),
      ("title", .string(stream.title)),
      ("path", .string(stream.path)),
      (
        "metadata",
        .object(
          [
            ("title", .string(meta.title)), ("owner", .string(meta.owner)), ("version", .string(meta.version)),
            ("status", .string(meta.status?.rawValue)), ("consumer", .string(meta.consumer)),
            ("description", .string(meta.description)), ("tags", .array(meta.tags.map { .string($0) })),
            ("languageVersion", .int(meta.languageVersion)), ("framework", .string(stream.framework.id)),
          ] + Self.target(meta))
      ),
      (
        "settings",
        .object([("secondsPerDay", .int(settings.secondsPerDay)), ("daysPerWeek", .int(settings.daysPerWeek))])
      ),
      (
        "demand",
        .object([
          ("id", .string(stream.demand.id)), ("title", .string(stream.demand.title)),
          ("from", .string(stream.demand.from)), ("fromStream", .string(stream.demand.fromStream?.stream)),
          ("note", .string(stream.demand.note)),
        ])
      ),
      (
        "steps",
        .array(
          stream.steps.enumerated().map { index, step in
            .object([
              ("id", .string(step.id)), ("title", .string(step.title)), ("activity", .string(step.activity.id)),
              ("practices", .array(step.practices.map { .string($0) })),
              ("roles", .array(step.roles.map { .string($0) })),
              ("processTime", duration(step.processTime)), ("waitTime", duration(step.waitTime)),
              // The ranges as written: with them the simulation can be redone from the JSON alone.
              ("processEstimate", estimate(step.processEstimate)), ("waitEstimate", estimate(step.waitEstimate)),
              ("waitPlanned", .bool(step.waitIsPlanned)), ("target", duration(step.target)),
              ("completeAccurate", ratio(step.completeAccurate?.fraction)),
              ("afterValue", .bool(afterValue.contains(index))),
              ("handsOverTo", .string(step.handsOverTo?.stream)),
              ("runs", .string(step.runs?.stream)),
              ("note", .string(step.note)),
            ])
          })
      ),
      (
        "values",
        .array(
          stream.values.map { value in
            .object([
              ("id", .string(value.id)), ("title", .string(value.title)), ("for", .string(value.beneficiary)),
              ("handsOverTo", .string(value.handsOverTo?.stream)), ("note", .string(value.note)),
            ])
          })
      ),
      (
        "edges",
        .array(
          stream.edges.map { edge in
            .object([
              ("from", id(edge.from)), ("to", id(edge.to)), ("kind", .string(edge.kind.rawValue)),
              ("share", ratio(edge.share?.fraction)), ("label", .string(edge.label)),
            ])
          })
      ),
      (
        "activities",
        .array(
          stream.metrics.activityBreakdown.map { time in
            .object([
              ("id", .string(time.activity.id)), ("name", .string(time.activity.name)), ("steps", .int(time.steps)),
              ("processTime", duration(time.processTime)), ("waitTime", duration(time.waitTime)),
            ])
          })
      ),
      (
        "practices",
        .array(
          matrix.practices.enumerated().map { row, practice in
            let entry = catalogue.practice(id: practice)
            return .object([
              ("id", .string(practice)), ("name", .string(entry?.name ?? practice)),
              ("group", .string(entry?.group?.rawValue)),
              ("steps", .array(matrix.steps[row].map { .string(stream.steps[$0].id) })),
              (
                "activities",
                .object(
                  stream.framework.activities.enumerated().map { ($1.id, .int(matrix.activityCounts[row][$0])) })
              ),
            ])
          })
      ),
      (
        "metrics",
        .object(
          [
            ("complete", .bool(stream.metrics.isComplete)),
            ("mainPath", path(stream.metrics.mainPath)),
            ("worstCasePath", path(stream.metrics.worstCasePath)),
            ("expected", expected(stream.metrics.expected)),
            (
              "values",
              .array(
                stream.metrics.valuePaths.enumerated().map { index, metrics in
                  .object([("value", .string(stream.values[index].id)), ("worstCasePath", path(metrics))])
                })
            ),
            ("stepsAfterValue", .array(stream.metrics.stepsAfterValue.map { .string(stream.steps[$0].id) })),
            ("afterValueProcessTime", duration(stream.afterValueProcessTime)),
          ] + Self.distribution(stream.metrics))
      ),
      (
        "diagnostics",
        .array(
          file.map { file in diagnostics.map { DiagnosticsJSON.diagnostic(for: $0, in: file, name: names[$0.code]) } }
            ?? [])
      ),
    ])
    return value.rendered()
  }

  /// Ratios to six decimals, so that the text does not depend on the last bits of a floating-point division.
  static func rounded(_ value: Double) -> Double { (value * 1_000_000).rounded() / 1_000_000 }
}
