import VStreamModel
import VStreamSource

/// The JSON of what issue 18 added, kept apart so that each appears only when the stream has it: the target lead
/// time in the metadata and the Monte Carlo distribution in the metrics. Durations are seconds.
extension JSONEmitter {
  /// `("target", {...})` for a stream with a target; nothing otherwise.
  static func target(_ metadata: Metadata) -> [(String, JSONValue)] {
    guard let target = metadata.target else { return [] }
    return [
      (
        "target",
        .object([("leadTimeSeconds", .int(target.duration.seconds)), ("measure", .string(target.measure.rawValue))])
      )
    ]
  }

  /// `("leadTimeDistribution", {...})` once the simulation has run; nothing otherwise.
  static func distribution(_ metrics: FlowMetrics) -> [(String, JSONValue)] {
    guard let distribution = metrics.distribution else { return [] }
    return [
      (
        "leadTimeDistribution",
        .object([
          ("samples", .int(Int64(distribution.samples))),
          // As text: a 64-bit seed does not fit every JSON reader's numbers.
          ("seed", .string(String(distribution.seed, radix: 16))),
          ("p50Seconds", .int(distribution.p50.seconds)), ("p85Seconds", .int(distribution.p85.seconds)),
          ("p95Seconds", .int(distribution.p95.seconds)), ("meanSeconds", .int(distribution.mean.seconds)),
          ("leastSeconds", .int(distribution.least.seconds)), ("mostSeconds", .int(distribution.most.seconds)),
          ("truncated", .int(Int64(distribution.truncated))),
          (
            "histogram",
            .array(
              distribution.histogram.map {
                .object([("lowerSeconds", .int($0.lower.seconds)), ("count", .int(Int64($0.count)))])
              })
          ),
        ])
      )
    ]
  }
}
