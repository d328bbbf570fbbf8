import VStreamModel

extension BPMNEmitter {
  /// Geometry of the diagram, in pixels: one column per flow node in drawing order, one horizontal lane per role.
  enum Layout {
    static let poolX = 20
    static let poolY = 20
    /// The pool's name runs down its left edge, in a band this wide.
    static let poolHeader = 30
    static let laneHeight = 140
    static let column = 150
    static let task = (width: 100, height: 80)
    static let event = 36
    static let gateway = 50
  }

  /// The BPMN DI: the pool, its lanes, a shape per flow node and an edge per sequence flow, with waypoints that go
  /// right to the next column (with an elbow when the lane changes), over the nodes to a column further on, and
  /// under them for an arrow back, so that no flow runs through a node.
  func diagram(_ xml: inout XMLWriter, _ stream: ValueStream, _ plan: Plan) {
    typealias L = Layout
    let laneX = L.poolX + L.poolHeader
    let width = plan.order.count * L.column + 20
    let height = max(1, plan.lanes.count) * L.laneHeight
    func size(_ node: FlowNode) -> (width: Int, height: Int) {
      switch node {
      case .node(.step): return L.task
      case .node: return (L.event, L.event)
      case .split, .fork, .join: return (L.gateway, L.gateway)
      }
    }
    func centre(_ node: FlowNode) -> (x: Int, y: Int) {
      (
        laneX + L.column / 2 + plan.column[node]! * L.column,
        L.poolY + plan.lane[node]! * L.laneHeight + L.laneHeight / 2
      )
    }
    func bounds(_ xml: inout XMLWriter, x: Int, y: Int, width: Int, height: Int) {
      xml.empty("dc:Bounds", ["x": String(x), "y": String(y), "width": String(width), "height": String(height)])
    }

    xml.open("bpmndi:BPMNDiagram", ["id": plan.id("diagram"), "name": stream.title])
    xml.open("bpmndi:BPMNPlane", ["id": plan.id("plane"), "bpmnElement": plan.id("collaboration")])
    xml.open(
      "bpmndi:BPMNShape",
      ["id": plan.id("participant-shape"), "bpmnElement": plan.id("participant"), "isHorizontal": "true"])
    bounds(&xml, x: L.poolX, y: L.poolY, width: width + L.poolHeader, height: height)
    xml.close()
    for index in plan.lanes.indices {
      xml.open(
        "bpmndi:BPMNShape",
        ["id": plan.laneID(index) + ".shape", "bpmnElement": plan.laneID(index), "isHorizontal": "true"])
      bounds(&xml, x: laneX, y: L.poolY + index * L.laneHeight, width: width, height: L.laneHeight)
      xml.close()
    }
    for node in plan.order {
      let (w, h) = size(node)
      let (x, y) = centre(node)
      var attributes: XMLWriter.Attributes = ["id": plan.id(node) + ".shape", "bpmnElement": plan.id(node)]
      if case .split = node {
        attributes = ["id": plan.id(node) + ".shape", "bpmnElement": plan.id(node), "isMarkerVisible": "true"]
      }
      xml.open("bpmndi:BPMNShape", attributes)
      bounds(&xml, x: x - w / 2, y: y - h / 2, width: w, height: h)
      xml.close()
    }
    for flow in plan.flows {
      let (sx, sy) = centre(flow.from)
      let (tx, ty) = centre(flow.to)
      let source = size(flow.from)
      let target = size(flow.to)
      var points: [(Int, Int)]
      if plan.column[flow.to]! > plan.column[flow.from]! {
        let start = (sx + source.width / 2, sy)
        let end = (tx - target.width / 2, ty)
        let elbow = end.0 - 20
        if plan.column[flow.to]! == plan.column[flow.from]! + 1 {
          points = sy == ty ? [start, end] : [start, (elbow, sy), (elbow, ty), end]
        } else {
          // Past other columns: up out of the source, along the top of its lane (above every node there), down the
          // gap before the target's column; a straight line would run through the nodes between.
          let top = L.poolY + plan.lane[flow.from]! * L.laneHeight + 12
          points = [(sx, sy - source.height / 2), (sx, top), (elbow, top), (elbow, ty), end]
        }
      } else {
        // Back (rework): down from the source, along the bottom of the lower lane, up into the target.
        let bottom = L.poolY + (max(plan.lane[flow.from]!, plan.lane[flow.to]!) + 1) * L.laneHeight - 12
        points = [(sx, sy + source.height / 2), (sx, bottom), (tx, bottom), (tx, ty + target.height / 2)]
      }
      xml.open("bpmndi:BPMNEdge", ["id": flow.id + ".edge", "bpmnElement": flow.id])
      for (x, y) in points { xml.empty("di:waypoint", ["x": String(x), "y": String(y)]) }
      xml.close()
    }
    xml.close()
    xml.close()
  }
}
