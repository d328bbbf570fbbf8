import VStreamModel

/// Renders a checked stream as BPMN 2.0 XML with a diagram (BPMN DI), for process tools (Camunda Modeler, bpmn.io,
/// Signavio and others). The mapping (specs/exports.md):
///
/// - the stream is a process in a pool (a collaboration with one participant, which tools need to draw lanes);
/// - the demand is the start event; each step a task (a call activity of the other stream's process when it runs
///   one); each value an end event, or an intermediate event when steps
///   follow it;
/// - a node with more than one arrow out gets an exclusive gateway after it: the arrows are alternatives (XOR), and
///   a rework arrow is one of them (the work goes back). The main path's arrow is the gateway's default flow; the
///   others carry the arrow's label as their condition and the share written after the arrow as documentation.
///   Several arrows into one node need no gateway: in BPMN a task with several incoming flows starts on each, which
///   is the exclusive merge;
/// - a fork's `parallel` arrows leave a parallel gateway (AND) after their node, and the arrows from its branches
///   into the join (the node the figures wait at, `ValueStream.forks`) enter a parallel gateway before it, which
///   waits for every branch. Other arrows into the join (rework, an alternative around the fork) go to the node
///   itself. A fork's node with a rework arrow out has its exclusive gateway first: back, or on to the fork;
/// - lanes are roles: a step sits in the lane of its first role (steps without one in a lane of their own), an
///   event or gateway in the lane of the step beside it.
public struct BPMNEmitter: Sendable {
  public static let model = "http://www.omg.org/spec/BPMN/20100524/MODEL"

  public init() {}

  /// One node of the BPMN flow.
  enum FlowNode: Hashable {
    case node(NodeRef)
    /// The exclusive gateway after a node with several arrows out.
    case split(NodeRef)
    /// The parallel gateway after a node with `parallel` arrows out.
    case fork(NodeRef)
    /// The parallel gateway before the node a fork's branches meet at.
    case join(NodeRef)
  }

  /// One sequence flow: the arrow it comes from (nil for the flow into a gateway), and its ends.
  struct SequenceFlow {
    var id: String
    var edge: Int?
    var from: FlowNode
    var to: FlowNode
  }

  public func emit(_ stream: ValueStream) -> String {
    let plan = Plan(stream)
    var xml = XMLWriter()
    xml.open(
      "definitions",
      [
        "xmlns": Self.model, "xmlns:bpmndi": "http://www.omg.org/spec/BPMN/20100524/DI",
        "xmlns:dc": "http://www.omg.org/spec/DD/20100524/DC", "xmlns:di": "http://www.omg.org/spec/DD/20100524/DI",
        "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance", "id": plan.id("definitions"),
        "targetNamespace": "urn:vstream:\(stream.id)", "exporter": "vstream",
      ])
    xml.open("collaboration", ["id": plan.id("collaboration")])
    xml.empty("participant", ["id": plan.id("participant"), "name": stream.title, "processRef": plan.id("process")])
    xml.close()

    xml.open("process", ["id": plan.id("process"), "name": stream.title, "isExecutable": "false"])
    if let description = stream.metadata.description { xml.leaf("documentation", text: description) }
    xml.open("laneSet", ["id": plan.id("lanes")])
    // Each lane's nodes in drawing order, gathered in one pass (a stream may have as many roles as steps).
    var members = [[FlowNode]](repeating: [], count: plan.lanes.count)
    for node in plan.order { members[plan.lane[node]!].append(node) }
    for (index, lane) in plan.lanes.enumerated() {
      xml.open("lane", ["id": plan.laneID(index), "name": lane])
      for node in members[index] { xml.leaf("flowNodeRef", text: plan.id(node)) }
      xml.close()
    }
    xml.close()
    for node in plan.order { flowNode(&xml, node, stream, plan) }
    for flow in plan.flows { sequenceFlow(&xml, flow, stream, plan) }
    xml.close()

    diagram(&xml, stream, plan)
    xml.close()
    return xml.text
  }

  func flowNode(_ xml: inout XMLWriter, _ node: FlowNode, _ stream: ValueStream, _ plan: Plan) {
    let tag: String
    var name: String? = nil
    var documentation: String? = nil
    var defaultFlow: String? = nil
    var calledElement: String? = nil
    switch node {
    case .node(.demand):
      tag = "startEvent"
      name = stream.demand.title
      documentation = [
        stream.demand.from.map { "from: \($0)" }, stream.demand.fromStream.map { "from stream: \($0.stream)" },
        stream.demand.note,
      ].compactMap { $0 }.joined(
        separator: "\n")
    case .node(.step(let index)):
      // A step that runs another stream calls that stream's process, as its own export names it.
      tag = stream.steps[index].runs == nil ? "task" : "callActivity"
      calledElement = stream.steps[index].runs.map { XMLEscaping.identifier($0.stream, "process") }
      name = stream.steps[index].title
      documentation = Self.figures(stream.steps[index], stream.settings)
    case .node(.value(let index)):
      tag = plan.outgoing[node, default: []].isEmpty ? "endEvent" : "intermediateThrowEvent"
      name = stream.values[index].title
      documentation = [
        stream.values[index].beneficiary.map { "for: \($0)" },
        stream.values[index].handsOverTo.map { "hands over to: \($0.stream)" }, stream.values[index].note,
      ]
      .compactMap { $0 }.joined(separator: "\n")
    case .split:
      tag = "exclusiveGateway"
      defaultFlow = plan.defaultFlow[node]
    case .fork, .join:
      tag = "parallelGateway"
    }
    xml.open(tag, ["id": plan.id(node), "name": name, "calledElement": calledElement, "default": defaultFlow])
    if let documentation, !documentation.isEmpty { xml.leaf("documentation", text: documentation) }
    for flow in plan.incoming[node, default: []] { xml.leaf("incoming", text: plan.flows[flow].id) }
    for flow in plan.outgoing[node, default: []] { xml.leaf("outgoing", text: plan.flows[flow].id) }
    xml.close()
  }

  /// A step's figures and roles for people, as the task's documentation.
  static func figures(_ step: Step, _ settings: DurationSettings) -> String {
    var lines = ["activity: \(step.activity.id)"]
    if !step.practices.isEmpty { lines.append("practices: " + step.practices.joined(separator: ", ")) }
    if !step.roles.isEmpty { lines.append("roles: " + step.roles.joined(separator: ", ")) }
    if let time = step.processTime { lines.append("process time: \(time.formatted(settings))") }
    if let wait = step.waitTime { lines.append("wait: \(wait.formatted(settings))") }
    if let ca = step.completeAccurate { lines.append("%C/A: \(ca.formatted)") }
    if let link = step.runs { lines.append("runs: \(link.stream)") }
    if let link = step.handsOverTo { lines.append("hands over to: \(link.stream)") }
    if let note = step.note { lines.append(note) }
    return lines.joined(separator: "\n")
  }

  func sequenceFlow(_ xml: inout XMLWriter, _ flow: SequenceFlow, _ stream: ValueStream, _ plan: Plan) {
    let edge = flow.edge.map { stream.edges[$0] }
    let attributes: XMLWriter.Attributes = [
      "id": flow.id, "name": edge?.label, "sourceRef": plan.id(flow.from), "targetRef": plan.id(flow.to),
    ]
    let fromGateway: Bool
    if case .split = flow.from { fromGateway = true } else { fromGateway = false }
    let isDefault = fromGateway && plan.defaultFlow[flow.from] == flow.id
    var documentation: [String] = []
    if let edge, edge.kind == .rework { documentation.append("rework") }
    if let share = edge?.share { documentation.append("probability: \(PlainNumber.fraction(share))") }
    let condition = fromGateway && !isDefault ? (edge?.label ?? (edge?.kind == .rework ? "rework" : "otherwise")) : nil
    guard !documentation.isEmpty || condition != nil else {
      xml.empty("sequenceFlow", attributes)
      return
    }
    xml.open("sequenceFlow", attributes)
    if !documentation.isEmpty { xml.leaf("documentation", text: documentation.joined(separator: "\n")) }
    if let condition { xml.leaf("conditionExpression", ["xsi:type": "tFormalExpression"], text: condition) }
    xml.close()
  }
}

extension BPMNEmitter {
  /// What the export holds, worked out once: the nodes in drawing order, the flows, the lanes.
  struct Plan {
    let streamID: String
    let nodeIDs: [NodeRef: String]
    /// Flow nodes in drawing order: the start, then each step (in `FlowShape` order) or value followed by its
    /// gateway.
    var order: [FlowNode] = []
    var flows: [SequenceFlow] = []
    var incoming: [FlowNode: [Int]] = [:]
    var outgoing: [FlowNode: [Int]] = [:]
    var defaultFlow: [FlowNode: String] = [:]
    /// Lane names in order of first appearance, and each flow node's lane.
    var lanes: [String] = []
    var lane: [FlowNode: Int] = [:]
    /// Each flow node's column in the diagram.
    var column: [FlowNode: Int] = [:]

    init(_ stream: ValueStream) {
      streamID = stream.id
      var ids: [NodeRef: String] = [:]
      for ref in stream.nodes { ids[ref] = XMLEscaping.identifier(streamID, Self.kind(ref), stream.id(of: ref)) }
      nodeIDs = ids
      let shape = FlowShape(stream)
      let forks = stream.forks
      let forking = Set(stream.nodes.filter { ref in stream.outgoingEdges(of: ref).contains { $0.kind == .parallel } })
      // A node needs an exclusive gateway when more than one way leads on from it: its arrows that are not
      // `parallel`, and the fork's gateway counted as one.
      let branching = Set(
        stream.nodes.filter { ref in
          stream.outgoingEdges(of: ref).filter { $0.kind != .parallel }.count + (forking.contains(ref) ? 1 : 0) > 1
        })
      let joining = Set(forks.map(\.join))
      let refs = [NodeRef.demand] + shape.stepOrder.map { .step($0) } + stream.values.indices.map { .value($0) }
      for ref in refs {
        if joining.contains(ref) { order.append(.join(ref)) }
        order.append(.node(ref))
        if branching.contains(ref) { order.append(.split(ref)) }
        if forking.contains(ref) { order.append(.fork(ref)) }
      }
      for (slot, node) in order.enumerated() { column[node] = slot }

      func add(_ from: FlowNode, _ to: FlowNode, edge: Int?) {
        // An arrow's flow is numbered as the arrow; a flow between a node and its gateway is named for where it
        // leaves and what it enters.
        let id = edge.map(flowID) ?? self.id(from) + ".to-" + Self.gatewayKind(to)
        incoming[to, default: []].append(flows.count)
        outgoing[from, default: []].append(flows.count)
        flows.append(SequenceFlow(id: id, edge: edge, from: from, to: to))
      }
      for ref in refs {
        if joining.contains(ref) { add(.join(ref), .node(ref), edge: nil) }
        if branching.contains(ref) { add(.node(ref), .split(ref), edge: nil) }
        if forking.contains(ref) {
          add(branching.contains(ref) ? .split(ref) : .node(ref), .fork(ref), edge: nil)
          // Only rework can leave a fork's node beside its branches: going on to the fork is the default.
          if branching.contains(ref) { defaultFlow[.split(ref)] = flows.last!.id }
        }
      }
      for (index, edge) in stream.edges.enumerated() {
        let from: FlowNode =
          edge.kind == .parallel
          ? .fork(edge.from) : branching.contains(edge.from) ? .split(edge.from) : .node(edge.from)
        // Into the join's gateway only from inside the fork: an arrow from elsewhere would wait for ever.
        let into =
          edge.kind != .rework
          && forks.contains { $0.join == edge.to && ($0.fork == edge.from || $0.inside.contains(edge.from)) }
        add(from, into ? .join(edge.to) : .node(edge.to), edge: index)
        // The main path's arrow is what happens when no condition holds; failing that, the first forward arrow.
        if case .split = from, shape.kinds[index] == .main { defaultFlow[from] = flows.last!.id }
      }
      for (index, edge) in stream.edges.enumerated() where branching.contains(edge.from) && edge.kind != .parallel {
        let gateway = FlowNode.split(edge.from)
        if defaultFlow[gateway] == nil, edge.kind != .rework {
          defaultFlow[gateway] = flowID(index)
        }
      }
      placeInLanes(stream)
    }

    /// Steps by their first role; the start in the lane of the first step it leads to; a value in the lane of the
    /// first step that leads to it; a gateway in its node's lane.
    mutating func placeInLanes(_ stream: ValueStream) {
      var laneIndex: [String: Int] = [:]
      func laneOf(_ name: String) -> Int {
        if let index = laneIndex[name] { return index }
        laneIndex[name] = lanes.count
        lanes.append(name)
        return lanes.count - 1
      }
      for case .node(.step(let index)) in order {
        lane[.node(.step(index))] = laneOf(stream.steps[index].roles.first ?? "no role")
      }
      let firstLane = lanes.isEmpty ? laneOf("no role") : 0
      func neighbourLane(_ ref: NodeRef) -> Int {
        let neighbours =
          ref == .demand
          ? stream.successors(of: ref) : stream.edges.filter { $0.to == ref }.map(\.from)
        for case .step(let index) in neighbours { return lane[.node(.step(index))]! }
        return firstLane
      }
      lane[.node(.demand)] = neighbourLane(.demand)
      for index in stream.values.indices { lane[.node(.value(index))] = neighbourLane(.value(index)) }
      for node in order {
        switch node {
        case .split(let ref), .fork(let ref), .join(let ref): lane[node] = lane[.node(ref)]
        case .node: break
        }
      }
    }

    /// What a flow without an arrow enters, for its id: a gateway, or the node after a join.
    static func gatewayKind(_ node: FlowNode) -> String {
      switch node {
      case .split: return "split"
      case .fork: return "fork"
      case .join: return "join"
      case .node: return "node"
      }
    }

    static func kind(_ ref: NodeRef) -> String {
      switch ref {
      case .demand: return "demand"
      case .step: return "step"
      case .value: return "value"
      }
    }

    func id(_ name: String) -> String { XMLEscaping.identifier(streamID, name) }
    func id(_ node: FlowNode) -> String {
      switch node {
      case .node(let ref): return nodeIDs[ref]!
      case .split(let ref): return nodeIDs[ref]! + ".split"
      case .fork(let ref): return nodeIDs[ref]! + ".fork"
      case .join(let ref): return nodeIDs[ref]! + ".join"
      }
    }
    /// The flow of the arrow at `index` in the stream's edges.
    func flowID(_ index: Int) -> String { XMLEscaping.identifier(streamID, "flow", String(index + 1)) }
    func laneID(_ index: Int) -> String { XMLEscaping.identifier(streamID, "lane", String(index + 1)) }
  }
}
