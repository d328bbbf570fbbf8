import VStreamModel

extension ArchiMateEmitter {
  /// The one view: the demand on the left, the stream's box with its stages nested in flow order (`FlowShape`), the
  /// values on the right, the capabilities in rows beneath. Arrows between neighbours are straight; an arrow that
  /// skips stages runs beneath them and a rework arrow above them, so that no line crosses a stage. Coordinates are
  /// absolute, as the exchange format defines them (nested or not), and depend only on the stream.
  func view(_ xml: inout XMLWriter, _ stream: ValueStream, shape: FlowShape, ids: Identifiers, practices: [String]) {
    typealias L = Layout
    let stageY = L.streamTop + L.stageTop
    let streamWidth = max(1, stream.steps.count) * L.column + 20
    func stageX(_ index: Int) -> Int { L.streamLeft + 20 + shape.position[index] * L.column }
    func valueY(_ index: Int) -> Int { stageY + index * (L.boxHeight + 20) }
    let valueX = L.streamLeft + streamWidth + 40
    /// Each node's box, by element identifier.
    var boxes: [String: (x: Int, y: Int)] = [:]
    boxes[ids.node(.demand)] = (L.margin, stageY)
    for index in stream.steps.indices { boxes[ids.node(.step(index))] = (stageX(index), stageY) }
    for index in stream.values.indices { boxes[ids.node(.value(index))] = (valueX, valueY(index)) }
    // The capabilities in rows as wide as the stream, in the order the steps first name them, so that each sits
    // near the stages it serves.
    let perRow = max(4, stream.steps.count)
    // The other streams of the hand-overs in a column right of the values.
    for (slot, id) in linkedStreams(stream).enumerated() {
      boxes[XMLEscaping.identifier("vs", id)] = (valueX + L.column, stageY + slot * (L.boxHeight + 20))
    }
    for (slot, practice) in practices.enumerated() {
      boxes[ids.practice(practice)] = (
        L.streamLeft + 20 + (slot % perRow) * L.column, L.capabilityTop + (slot / perRow) * (L.boxHeight + 30)
      )
    }

    func node(_ element: String) {
      let box = boxes[element]!
      xml.empty(
        "node",
        [
          "identifier": ids.viewNode(element), "elementRef": element, "xsi:type": "Element", "x": String(box.x),
          "y": String(box.y), "w": String(L.boxWidth), "h": String(L.boxHeight),
        ])
    }

    xml.open("views")
    xml.open("diagrams")
    xml.open("view", ["identifier": ids.view, "xsi:type": "Diagram"])
    xml.leaf("name", ["xml:lang": "en"], text: stream.title)
    node(ids.node(.demand))
    xml.open(
      "node",
      [
        "identifier": ids.viewNode(ids.stream), "elementRef": ids.stream, "xsi:type": "Element",
        "x": String(L.streamLeft), "y": String(L.streamTop), "w": String(streamWidth), "h": String(L.streamHeight),
      ])
    for index in shape.stepOrder { node(ids.node(.step(index))) }
    xml.close()
    for index in stream.values.indices { node(ids.node(.value(index))) }
    for practice in practices { node(ids.practice(practice)) }
    for id in linkedStreams(stream) { node(XMLEscaping.identifier("vs", id)) }

    func connection(_ relationship: String, from source: String, to target: String, bends: [(Int, Int)] = []) {
      let attributes: XMLWriter.Attributes = [
        "identifier": ids.viewConnection(relationship), "relationshipRef": relationship, "xsi:type": "Relationship",
        "source": ids.viewNode(source), "target": ids.viewNode(target),
      ]
      guard !bends.isEmpty else {
        xml.empty("connection", attributes)
        return
      }
      xml.open("connection", attributes)
      for (x, y) in bends { xml.empty("bendpoint", ["x": String(x), "y": String(y)]) }
      xml.close()
    }
    let centre = L.boxWidth / 2
    for (index, edge) in stream.edges.enumerated() {
      let source = ids.node(edge.from)
      let target = ids.node(edge.to)
      var bends: [(Int, Int)] = []
      if let from = edge.from.stepIndex, let to = edge.to.stepIndex {
        let backwards = shape.position[to] <= shape.position[from]
        if shape.kinds[index] == .rework || backwards {
          let y = stageY - 25
          bends = [(stageX(from) + centre, y), (stageX(to) + centre, y)]
        } else if shape.position[to] > shape.position[from] + 1 {
          let y = stageY + L.boxHeight + 25
          bends = [(stageX(from) + centre, y), (stageX(to) + centre, y)]
        }
      }
      connection(ids.edge(index), from: source, to: target, bends: bends)
    }
    for (index, step) in stream.steps.enumerated() {
      for practice in step.practices {
        connection(ids.serving(practice, index), from: ids.practice(practice), to: ids.node(.step(index)))
      }
    }
    // A hand-over runs beneath the stream's box (out of a stage or value) or above it (into the demand), so that it
    // crosses no node on its way to the column of other streams.
    for handOver in handOvers(stream, ids: ids) {
      let incoming = handOver.target == ids.node(.demand)
      let y = incoming ? 8 : L.streamTop + L.streamHeight + 25
      let bends = [handOver.source, handOver.target].map { (boxes[$0]!.x + centre, y) }
      connection(handOver.identifier, from: handOver.source, to: handOver.target, bends: bends)
    }
    xml.close()
    xml.close()
    xml.close()
  }
}
