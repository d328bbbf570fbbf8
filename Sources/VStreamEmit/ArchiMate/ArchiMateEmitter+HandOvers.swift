import VStreamModel

extension ArchiMateEmitter {
  /// One hand-over to or from another stream: that stream is a `ValueStream` element with the identifier its own
  /// export gives it (`vs.ID`), so that models merged in a tool join up. A step hands over by a `Flow` (allowed
  /// between value streams); a value, and the other stream to the demand it raises, by a directed `Association`
  /// (the only relationship ArchiMate allows between those types). A step that runs another stream aggregates it
  /// (allowed between value streams): the stage is made of that whole stream.
  struct HandOver {
    var identifier: String
    var source: String
    var target: String
    var type: String
  }

  /// The other streams named, each once, in the order first named.
  func linkedStreams(_ stream: ValueStream) -> [String] {
    var seen = Set<String>()
    let named = HandOverList.entries(stream).map(\.stream) + stream.steps.compactMap { $0.runs?.stream }
    return named.filter { seen.insert($0).inserted }
  }

  func handOvers(_ stream: ValueStream, ids: Identifiers) -> [HandOver] {
    var result: [HandOver] = []
    func other(_ id: String) -> String { XMLEscaping.identifier("vs", id) }
    if let link = stream.demand.fromStream {
      result.append(
        HandOver(
          identifier: ids.handOver("demand", stream.demand.id), source: other(link.stream), target: ids.node(.demand),
          type: "Association"))
    }
    for (index, step) in stream.steps.enumerated() {
      guard let link = step.handsOverTo else { continue }
      result.append(
        HandOver(
          identifier: ids.handOver("step", step.id), source: ids.node(.step(index)), target: other(link.stream),
          type: "Flow"))
    }
    for (index, step) in stream.steps.enumerated() {
      guard let link = step.runs else { continue }
      result.append(
        HandOver(
          identifier: XMLEscaping.identifier("vs", ids.streamID, "runs", step.id), source: ids.node(.step(index)),
          target: other(link.stream), type: "Aggregation"))
    }
    for (index, value) in stream.values.enumerated() {
      guard let link = value.handsOverTo else { continue }
      result.append(
        HandOver(
          identifier: ids.handOver("value", value.id), source: ids.node(.value(index)), target: other(link.stream),
          type: "Association"))
    }
    return result
  }

  func writeHandOverElements(_ xml: inout XMLWriter, _ stream: ValueStream) {
    for id in linkedStreams(stream) {
      element(
        &xml, XMLEscaping.identifier("vs", id), "ValueStream", id,
        note:
          "Another value stream, which this one hands over to, takes over from or runs in a stage; its own export "
          + "describes it.",
        [])
    }
  }

  func writeHandOverRelationships(_ xml: inout XMLWriter, _ stream: ValueStream, ids: Identifiers) {
    for handOver in handOvers(stream, ids: ids) {
      xml.empty(
        "relationship",
        [
          "identifier": handOver.identifier, "source": handOver.source, "target": handOver.target,
          "xsi:type": handOver.type, "isDirected": handOver.type == "Association" ? "true" : nil,
        ])
    }
  }
}
