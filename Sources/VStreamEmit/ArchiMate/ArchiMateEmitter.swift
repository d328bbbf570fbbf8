import VStreamModel

/// Renders a checked stream in the Open Group's ArchiMate Model Exchange File Format (3.1, the schema
/// `archimate3_Diagram.xsd`), which Archi and other ArchiMate tools import. The mapping, chosen from the ArchiMate
/// 3.1/3.2 relationship table (specs/exports.md says why):
///
/// - the stream is a `ValueStream` element composed of one `ValueStream` element per step (its stages);
/// - each arrow between steps is a `Flow` relationship, with the kind (main, forward, rework) and the share as
///   properties; the demand is a `BusinessEvent` and the values are `Value` elements, joined to the steps by directed
///   `Association`s (the only relationship ArchiMate allows from an event to a value stream stage, and the usual one
///   from a stage to the value it delivers);
/// - each practice is a `Capability` that serves the stages it supports;
/// - the figures are properties (plain numbers: seconds, fractions), and one view draws it all: the demand, the
///   stream with its stages nested in flow order, the values, and the capabilities in a row beneath.
///
/// Identifiers are made from the stream's and the nodes' ids (`XMLEscaping.identifier`), so they are stable from one
/// export to the next; a practice's capability has the same identifier in every stream's export.
public struct ArchiMateEmitter: Sendable {
  /// The namespace of the exchange format, the same for 3.0 and 3.1.
  public static let namespace = "http://www.opengroup.org/xsd/archimate/3.0/"

  public init() {}

  /// The properties the export defines, in the order written; each element uses the ones it has a value for.
  enum Property: String, CaseIterable {
    case owner, version, status, consumer, activity, roles, from
    case beneficiary = "for"
    case processTime = "process-time-seconds"
    case waitTime = "wait-time-seconds"
    case leadTime = "lead-time-seconds"
    case completeAccurate = "complete-accurate"
    case flowEfficiency = "flow-efficiency"
    case rolledCompleteAccurate = "rolled-complete-accurate"
    case expectedLeadTime = "expected-lead-time-seconds"
    case kind = "flow-kind"
    case share

    var identifier: String { XMLEscaping.identifier("vstream", "property", rawValue) }
    var isNumber: Bool {
      switch self {
      case .processTime, .waitTime, .leadTime, .completeAccurate, .flowEfficiency, .rolledCompleteAccurate,
        .expectedLeadTime, .share:
        return true
      default: return false
      }
    }
  }

  /// Geometry of the view, in pixels.
  enum Layout {
    static let margin = 20
    static let boxWidth = 140
    static let boxHeight = 60
    static let column = 180
    /// The stream's box starts here; its stages sit `stageTop` below its top, leaving room for its name and for
    /// rework arrows drawn above the stages.
    static let streamLeft = margin + column
    static let streamTop = margin
    static let stageTop = 70
    static let streamHeight = stageTop + boxHeight + 50
    static let capabilityTop = streamTop + streamHeight + 60
  }

  public func emit(_ stream: ValueStream, catalogue: PracticeCatalogue = .itil) -> String {
    let shape = FlowShape(stream)
    let ids = Identifiers(stream)
    var xml = XMLWriter()
    xml.open(
      "model",
      [
        "xmlns": Self.namespace, "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
        "xsi:schemaLocation":
          "\(Self.namespace) http://www.opengroup.org/xsd/archimate/3.1/archimate3_Diagram.xsd",
        "identifier": ids.model,
      ])
    xml.leaf("name", ["xml:lang": "en"], text: stream.title)
    if let description = stream.metadata.description {
      xml.leaf("documentation", ["xml:lang": "en"], text: description)
    }

    let practices = practiceOrder(stream)
    xml.open("elements")
    element(&xml, ids.stream, "ValueStream", stream.title, note: stream.metadata.description, streamProperties(stream))
    element(
      &xml, ids.node(.demand), "BusinessEvent", stream.demand.title, note: stream.demand.note,
      [(.from, stream.demand.from)])
    for step in stream.steps {
      element(&xml, ids.step(step.id), "ValueStream", step.title, note: step.note, stepProperties(step, stream))
    }
    for value in stream.values {
      element(&xml, ids.value(value.id), "Value", value.title, note: value.note, [(.beneficiary, value.beneficiary)])
    }
    for practice in practices {
      let entry = catalogue.practice(id: practice)
      element(&xml, ids.practice(practice), "Capability", entry?.name ?? practice, note: entry?.purpose, [])
    }
    writeHandOverElements(&xml, stream)
    xml.close()

    xml.open("relationships")
    for index in stream.steps.indices {
      xml.empty(
        "relationship",
        [
          "identifier": ids.composition(index), "source": ids.stream, "target": ids.node(.step(index)),
          "xsi:type": "Composition",
        ])
    }
    for (index, edge) in stream.edges.enumerated() {
      let between = edge.from.stepIndex != nil && edge.to.stepIndex != nil
      let attributes: XMLWriter.Attributes = [
        "identifier": ids.edge(index), "source": ids.node(edge.from), "target": ids.node(edge.to),
        "xsi:type": between ? "Flow" : "Association", "isDirected": between ? nil : "true",
      ]
      let properties: [(Property, String?)] = [
        (.kind, Self.kindName(shape.kinds[index])), (.share, edge.share.map(PlainNumber.fraction)),
      ]
      guard edge.label != nil || properties.contains(where: { $0.1 != nil }) else {
        xml.empty("relationship", attributes)
        continue
      }
      xml.open("relationship", attributes)
      if let label = edge.label { xml.leaf("name", ["xml:lang": "en"], text: label) }
      write(&xml, properties: properties)
      xml.close()
    }
    for (index, step) in stream.steps.enumerated() {
      for practice in step.practices {
        xml.empty(
          "relationship",
          [
            "identifier": ids.serving(practice, index), "source": ids.practice(practice),
            "target": ids.node(.step(index)), "xsi:type": "Serving",
          ])
      }
    }
    writeHandOverRelationships(&xml, stream, ids: ids)
    xml.close()

    xml.open("propertyDefinitions")
    for property in Property.allCases {
      xml.open(
        "propertyDefinition", ["identifier": property.identifier, "type": property.isNumber ? "number" : "string"])
      xml.leaf("name", ["xml:lang": "en"], text: property.rawValue)
      xml.close()
    }
    xml.close()

    view(&xml, stream, shape: shape, ids: ids, practices: practices)
    xml.close()
    return xml.text
  }

  /// The practices in the order the steps first name them, each once.
  func practiceOrder(_ stream: ValueStream) -> [String] {
    var seen = Set<String>()
    return stream.steps.flatMap(\.practices).filter { seen.insert($0).inserted }
  }

  static func kindName(_ kind: FlowShape.Kind) -> String {
    switch kind {
    case .main: return "main"
    case .forward: return "forward"
    case .rework: return "rework"
    case .afterValue: return "after-value"
    }
  }

  func streamProperties(_ stream: ValueStream) -> [(Property, String?)] {
    let meta = stream.metadata
    let main = stream.metrics.mainPath
    return [
      (.owner, meta.owner), (.version, meta.version), (.status, meta.status?.rawValue), (.consumer, meta.consumer),
      (.processTime, String(main.processTime.seconds)), (.waitTime, String(main.waitTime.seconds)),
      (.leadTime, String(main.leadTime.seconds)), (.flowEfficiency, main.flowEfficiency.flatMap(PlainNumber.fraction)),
      (.rolledCompleteAccurate, main.rolledCompleteAccurate.flatMap(PlainNumber.fraction)),
      (.expectedLeadTime, stream.metrics.expected.flatMap { PlainNumber.fraction($0.leadTime) }),
    ]
  }

  func stepProperties(_ step: Step, _ stream: ValueStream) -> [(Property, String?)] {
    [
      (.activity, step.activity.id), (.roles, step.roles.isEmpty ? nil : step.roles.joined(separator: ", ")),
      (.processTime, step.processTime.map { String($0.seconds) }),
      (.waitTime, step.waitTime.map { String($0.seconds) }),
      (.leadTime, step.processTime == nil && step.waitTime == nil ? nil : String(step.leadTime.seconds)),
      (.completeAccurate, step.completeAccurate.map(PlainNumber.fraction)),
    ]
  }

  func element(
    _ xml: inout XMLWriter, _ identifier: String, _ type: String, _ name: String, note: String?,
    _ properties: [(Property, String?)]
  ) {
    xml.open("element", ["identifier": identifier, "xsi:type": type])
    xml.leaf("name", ["xml:lang": "en"], text: name)
    if let note { xml.leaf("documentation", ["xml:lang": "en"], text: note) }
    write(&xml, properties: properties)
    xml.close()
  }

  func write(_ xml: inout XMLWriter, properties: [(Property, String?)]) {
    let present = properties.compactMap { property, value in value.map { (property, $0) } }
    guard !present.isEmpty else { return }
    xml.open("properties")
    for (property, value) in present {
      xml.open("property", ["propertyDefinitionRef": property.identifier])
      xml.leaf("value", ["xml:lang": "en"], text: value)
      xml.close()
    }
    xml.close()
  }
}

extension ArchiMateEmitter {
  /// The identifiers of one stream's export, all derived from ids the file declares.
  struct Identifiers {
    let streamID: String
    let stream: String
    let model: String
    let view: String
    let demandID: String
    let stepIDs: [String]
    let valueIDs: [String]

    init(_ stream: ValueStream) {
      streamID = stream.id
      self.stream = XMLEscaping.identifier("vs", stream.id)
      model = XMLEscaping.identifier("model", stream.id)
      view = XMLEscaping.identifier("view", stream.id)
      demandID = stream.demand.id
      stepIDs = stream.steps.map(\.id)
      valueIDs = stream.values.map(\.id)
    }

    func node(_ ref: NodeRef) -> String {
      switch ref {
      case .demand: return XMLEscaping.identifier("vs", streamID, "demand", demandID)
      case .step(let index): return step(stepIDs[index])
      case .value(let index): return value(valueIDs[index])
      }
    }
    func step(_ id: String) -> String { XMLEscaping.identifier("vs", streamID, "step", id) }
    func value(_ id: String) -> String { XMLEscaping.identifier("vs", streamID, "value", id) }
    /// Shared by every stream's export: the same practice is the same capability.
    func practice(_ id: String) -> String { XMLEscaping.identifier("practice", id) }
    /// By position: two arrows may join the same nodes (a flow and a rework arrow).
    func edge(_ index: Int) -> String { XMLEscaping.identifier("vs", streamID, "arrow", String(index + 1)) }
    func composition(_ index: Int) -> String { XMLEscaping.identifier("vs", streamID, "stage", stepIDs[index]) }
    func serving(_ practice: String, _ index: Int) -> String {
      XMLEscaping.identifier("vs", streamID, "serves", stepIDs[index], practice)
    }
    /// A hand-over at the demand, a step or a value (`kind`) with this id.
    func handOver(_ kind: String, _ id: String) -> String {
      XMLEscaping.identifier("vs", streamID, "hands-over", kind, id)
    }
    func viewNode(_ identifier: String) -> String { "n." + identifier }
    func viewConnection(_ identifier: String) -> String { "c." + identifier }
  }
}
