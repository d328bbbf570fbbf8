import VStreamModel
import VStreamSource

/// The restore stream of the shared brief, built by hand as the checker would build it:
///
///     demand outage; step triage (engage, 5m, wait 2m, 90%); step diagnose (deliver-and-support, 30m, wait 1h);
///     value restored
///     flow outage -> triage -> diagnose -> restored
///     flow diagnose -> triage "needs more information" -> restored
enum RestoreStream {
  static let range = SourceRange(start: 0, end: 0)

  static let steps = [
    Step(
      id: "triage", title: "Log and classify the incident", activity: .engage,
      practices: ["service-desk", "incident-management"], roles: ["Service desk agent"],
      processTime: Duration(5, .minute), waitTime: Duration(2, .minute),
      completeAccurate: Percentage(hundredths: 9_000),
      note: nil, range: range),
    Step(
      id: "diagnose", title: "Investigate and diagnose", activity: .deliverAndSupport,
      practices: ["incident-management", "monitoring-and-event-management"], roles: [],
      processTime: Duration(30, .minute), waitTime: Duration(1, .hour), completeAccurate: nil, note: nil, range: range),
  ]

  static let edges = [
    Edge(from: .demand, to: .step(0)), Edge(from: .step(0), to: .step(1)), Edge(from: .step(1), to: .value(0)),
    Edge(from: .step(1), to: .step(0), label: "needs more information", kind: .rework),
    Edge(from: .step(0), to: .value(0), label: "needs more information"),
  ]

  static func stream() -> ValueStream {
    ValueStream(
      id: "restore-live-service", title: "Restore a live service", path: "restore.vstream",
      metadata: Metadata(title: "Restore a live service", status: .live, tags: ["incident"]),
      demand: Demand(
        id: "outage", title: "Customer reports that online banking is down", from: "Retail customer", note: nil,
        range: range),
      steps: steps,
      values: [
        Value(id: "restored", title: "Customer can bank online again", beneficiary: nil, note: nil, range: range)
      ],
      edges: edges,
      metrics: FlowAnalysis.metrics(steps: steps, valueCount: 1, edges: edges, catalogue: .itil))
  }
}
