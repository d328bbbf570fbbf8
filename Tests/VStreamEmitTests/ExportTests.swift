import Foundation
import TestSupport
import VStream
import VStreamEmit
import VStreamModel
import VStreamSource
import XCTest

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// The exchange formats (ArchiMate, BPMN, CSV) read back as their tools would read them: the XML parsed, every
/// reference resolved, the structure counted against the stream.
final class ExportTests: XCTestCase {
  /// The bundled examples, a hostile stream and generated ones of several sizes.
  func streams() throws -> [ValueStream] {
    // Checked together, so that a step that runs another stream is linked (alone it has no model).
    var streams = Compiler.checkRepository(Repository.streams(in: ["examples"])).compactMap(\.stream)
    XCTAssertGreaterThan(streams.count, 3)
    streams.append(try Generated.hostile())
    for steps in [1, 2, 7, 23] { streams.append(try Generated.stream(steps: steps)) }
    streams.append(try branching())
    streams.append(try linked())
    streams.append(try parallelWork())
    return streams
  }

  /// Work that forks (build, then test and a security review at the same time, joining at deploy), with rework out
  /// of the fork's node and within a branch (a test run again).
  func parallelWork() throws -> ValueStream {
    let step = { (id: String, activity: String, practice: String) in
      "step \(id) \"\(id)\"\n  activity \(activity)\n  practices \(practice)\n  time 1h\n  ca 80%\n"
    }
    let text =
      "stream release \"Release\"\ndemand d \"Need\"\n" + step("triage", "engage", "service-desk")
      + step("build", "obtain-build", "software-development-and-management")
      + step("secure", "design-and-transition", "information-security-management")
      + step("test", "obtain-build", "service-validation-and-testing")
      + step("deploy", "design-and-transition", "deployment-management") + "value v \"Live\"\n"
      + "flow d -> triage -> build\nparallel build -> test\nparallel build -> secure\nflow test -> deploy\n"
      + "flow secure -> deploy -> v\nrework build -> triage\nrework test -> test\n"
    let result = Compiler.check(SourceFile(path: "release.vstream", text: text))
    return try XCTUnwrap(result.stream, "\(result.diagnostics.map(\.message))")
  }

  /// A stream with a demand that branches, a value reached from two steps, a second value and no roles.
  func branching() throws -> ValueStream {
    let text = """
      stream fork "Fork"
      demand d "Need"
      step a "A"
        activity engage
        practices service-desk
      step b "B"
        activity plan
        practices service-desk
      step c "C"
        activity improve
        practices continual-improvement
      value v "V"
      value w "W"
      flow d -> a -> v
      flow d -> 30% b -> c -> w
      flow b -> v
      rework c -> b

      """
    let result = Compiler.check(SourceFile(path: "fork.vstream", text: text))
    return try XCTUnwrap(result.stream, "\(result.diagnostics.map(\.message))")
  }

  /// A stream that hands over to other streams at a step and a value and whose demand comes from a third.
  func linked() throws -> ValueStream {
    let text = """
      stream linked "Linked"
      demand d "Need"
        from-stream upstream
      step a "A"
        activity engage
        practices service-desk
        hands-over-to next
      value v "V"
        hands-over-to other
      flow d -> a -> v

      """
    let result = Compiler.check(SourceFile(path: "linked.vstream", text: text))
    return try XCTUnwrap(result.stream, "\(result.diagnostics.map(\.message))")
  }

  func parse(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> XMLElement {
    let document = try XMLDocument(xmlString: text, options: [])
    return try XCTUnwrap(document.rootElement(), file: file, line: line)
  }

  func descendants(_ element: XMLElement, named name: String) -> [XMLElement] {
    var found: [XMLElement] = []
    for child in element.children ?? [] {
      guard let child = child as? XMLElement else { continue }
      if child.name == name || child.localName == name { found.append(child) }
      found += descendants(child, named: name)
    }
    return found
  }

  /// By qualified name, as written: FoundationXML's `attribute(forName:)` finds nothing on an element in a default
  /// namespace.
  func attribute(_ element: XMLElement, _ name: String) -> String? {
    element.attributes?.first { $0.name == name }?.stringValue
  }

  func testArchiMateHoldsEveryStepArrowAndPracticeWithResolvedReferences() throws {
    for stream in try streams() {
      let text = ArchiMateEmitter().emit(stream)
      let root = try parse(text)
      XCTAssertEqual(root.name, "model")
      let elements = descendants(root, named: "element")
      let relationships = descendants(root, named: "relationship")
      var identifiers = Set<String>()
      for node in elements + relationships + descendants(root, named: "node")
        + descendants(root, named: "connection") + descendants(root, named: "propertyDefinition")
      {
        let identifier = try XCTUnwrap(attribute(node, "identifier"))
        XCTAssertTrue(identifiers.insert(identifier).inserted, "\(stream.id): identifier \(identifier) twice")
        XCTAssertNotNil(identifier.range(of: #"^[A-Za-z_\p{L}][\p{L}0-9._-]*$"#, options: .regularExpression))
      }
      func type(_ element: XMLElement) -> String? { attribute(element, "xsi:type") }
      let practices = Set(stream.steps.flatMap(\.practices))
      // The stream and its stages, the demand, the values, one capability per practice.
      let others = Set(
        [stream.demand.fromStream] + stream.steps.map(\.handsOverTo) + stream.values.map(\.handsOverTo)
          + stream.steps.map(\.runs)
      ).compactMap { $0?.stream }
      XCTAssertEqual(Set(others).count, ["linked": 3, "develop-new-service": 1][stream.id] ?? 0, stream.id)
      XCTAssertEqual(
        elements.filter { type($0) == "ValueStream" }.count, stream.steps.count + 1 + Set(others).count, stream.id)
      XCTAssertEqual(elements.filter { type($0) == "BusinessEvent" }.count, 1)
      XCTAssertEqual(elements.filter { type($0) == "Value" }.count, stream.values.count)
      XCTAssertEqual(elements.filter { type($0) == "Capability" }.count, practices.count)
      // Arrows between steps and a step's hand-over are flows; the demand's and values' arrows and hand-overs are
      // associations.
      let betweenSteps = stream.edges.filter { $0.from.stepIndex != nil && $0.to.stepIndex != nil }.count
      let stepHandOvers = stream.steps.filter { $0.handsOverTo != nil }.count
      let otherHandOvers =
        (stream.demand.fromStream == nil ? 0 : 1) + stream.values.filter { $0.handsOverTo != nil }.count
      XCTAssertEqual(relationships.filter { type($0) == "Flow" }.count, betweenSteps + stepHandOvers)
      XCTAssertEqual(
        relationships.filter { type($0) == "Association" }.count, stream.edges.count - betweenSteps + otherHandOvers)
      XCTAssertEqual(relationships.filter { type($0) == "Composition" }.count, stream.steps.count)
      // A step that runs another stream aggregates it.
      XCTAssertEqual(
        relationships.filter { type($0) == "Aggregation" }.count, stream.steps.filter { $0.runs != nil }.count)
      XCTAssertEqual(
        relationships.filter { type($0) == "Serving" }.count, stream.steps.map(\.practices.count).reduce(0, +))
      // Every reference names something defined: relationship ends, view nodes and connections, properties.
      let elementIDs = Set(elements.compactMap { attribute($0, "identifier") })
      for relationship in relationships {
        XCTAssertTrue(elementIDs.contains(attribute(relationship, "source") ?? ""))
        XCTAssertTrue(elementIDs.contains(attribute(relationship, "target") ?? ""))
      }
      let nodes = descendants(root, named: "node")
      XCTAssertEqual(nodes.count, elements.count, "every element is drawn once")
      for node in nodes { XCTAssertTrue(elementIDs.contains(attribute(node, "elementRef") ?? "")) }
      let nodeIDs = Set(nodes.compactMap { attribute($0, "identifier") })
      let relationshipIDs = Set(relationships.compactMap { attribute($0, "identifier") })
      let connections = descendants(root, named: "connection")
      XCTAssertEqual(connections.count, relationships.count - stream.steps.count, "all but the nesting is drawn")
      for connection in connections {
        XCTAssertTrue(relationshipIDs.contains(attribute(connection, "relationshipRef") ?? ""))
        XCTAssertTrue(nodeIDs.contains(attribute(connection, "source") ?? ""))
        XCTAssertTrue(nodeIDs.contains(attribute(connection, "target") ?? ""))
      }
      let definitions = Set(descendants(root, named: "propertyDefinition").compactMap { attribute($0, "identifier") })
      for property in descendants(root, named: "property") {
        XCTAssertTrue(definitions.contains(attribute(property, "propertyDefinitionRef") ?? ""))
      }
      // A stage nested in the stream's box lies inside it.
      let streamNode = try XCTUnwrap(nodes.first { ($0.children ?? []).contains { $0 is XMLElement } })
      func box(_ node: XMLElement) -> (Int, Int, Int, Int) {
        (
          Int(attribute(node, "x")!)!, Int(attribute(node, "y")!)!, Int(attribute(node, "w")!)!,
          Int(attribute(node, "h")!)!
        )
      }
      let outer = box(streamNode)
      for child in (streamNode.children ?? []).compactMap({ $0 as? XMLElement }) {
        let inner = box(child)
        XCTAssertTrue(inner.0 >= outer.0 && inner.0 + inner.2 <= outer.0 + outer.2, "\(stream.id): stage outside")
        XCTAssertTrue(inner.1 >= outer.1 && inner.1 + inner.3 <= outer.1 + outer.3, "\(stream.id): stage outside")
      }
      XCTAssertEqual(text, ArchiMateEmitter().emit(stream), "the same bytes every time")
    }
  }

  /// The relationships the export uses, each allowed by ArchiMate 3.1's relationship table between the types it
  /// joins (letters as in Archi's `relationships.xml`, which Archi's model checker applies after an import:
  /// c composition, f flow, g aggregation, o association, v serving). Association is allowed between any two elements.
  func testArchiMateRelationshipsAreAllowedBetweenTheirTypes() throws {
    let allowed: [String: String] = [
      "ValueStream>ValueStream": "cfgostv", "Capability>ValueStream": "fotv", "ValueStream>Value": "no",
      "Value>ValueStream": "o", "ValueStream>BusinessEvent": "o",
    ]
    let letter = ["Composition": "c", "Flow": "f", "Serving": "v", "Association": "o", "Aggregation": "g"]
    for stream in try streams() {
      let root = try parse(ArchiMateEmitter().emit(stream))
      var types: [String: String] = [:]
      for element in descendants(root, named: "element") {
        types[attribute(element, "identifier")!] = attribute(element, "xsi:type")!
      }
      for relationship in descendants(root, named: "relationship") {
        let type = try XCTUnwrap(attribute(relationship, "xsi:type"))
        let pair = "\(types[attribute(relationship, "source")!]!)>\(types[attribute(relationship, "target")!]!)"
        let code = try XCTUnwrap(letter[type], "\(type) is not a relationship the mapping uses")
        XCTAssertTrue(code == "o" || (allowed[pair] ?? "o").contains(code), "\(stream.id): \(type) \(pair)")
      }
    }
  }

  func testArchiMateFiguresArePlainNumbers() throws {
    let (stream, _) = try Fixtures.stream("examples/restore-live-service.vstream")
    let root = try parse(ArchiMateEmitter().emit(stream))
    let triage = try XCTUnwrap(
      descendants(root, named: "element").first { attribute($0, "identifier") == "vs.restore-live-service.step.triage" }
    )
    let values = descendants(triage, named: "property").map {
      (attribute($0, "propertyDefinitionRef")!, $0.stringValue!.trimmingCharacters(in: .whitespacesAndNewlines))
    }
    XCTAssertTrue(values.contains { $0 == ("vstream.property.process-time-seconds", "300") })
    XCTAssertTrue(values.contains { $0 == ("vstream.property.wait-time-seconds", "120") })
    XCTAssertTrue(values.contains { $0 == ("vstream.property.complete-accurate", "0.9") })
    let rework = try XCTUnwrap(
      descendants(root, named: "relationship").first { $0.stringValue?.contains("rework") == true })
    XCTAssertEqual(attribute(rework, "source"), "vs.restore-live-service.step.fix")
    XCTAssertEqual(attribute(rework, "target"), "vs.restore-live-service.step.diagnose")
  }

  func testArchiMateValidatesAgainstTheOpenGroupSchemaWhenPresent() throws {
    let folder = Repository.root.appendingPathComponent("../shared/schemas/archimate").standardizedFileURL.path
    guard FileManager.default.fileExists(atPath: folder + "/archimate3_Diagram.xsd") else {
      throw XCTSkip("\(folder) is absent")
    }
    for stream in try streams() {
      let run = try ExternalTool.run(
        "env",
        [
          "XML_CATALOG_FILES=\(folder)/catalog.xml", "xmllint", "--nonet", "--noout", "--schema",
          "\(folder)/archimate3_Diagram.xsd", "{model.xml}",
        ], files: ["model.xml": ArchiMateEmitter().emit(stream)])
      guard let run, !run.errors.contains("No such file") else { throw XCTSkip("xmllint is not installed") }
      XCTAssertEqual(run.status, 0, "\(stream.id): \(run.errors)")
    }
  }

  func testBPMNHasATaskPerStepAGatewayPerBranchAndResolvedFlows() throws {
    for stream in try streams() {
      let root = try parse(BPMNEmitter().emit(stream))
      let process = try XCTUnwrap(descendants(root, named: "process").first)
      let calls = descendants(process, named: "callActivity")
      XCTAssertEqual(descendants(process, named: "task").count + calls.count, stream.steps.count)
      XCTAssertEqual(calls.count, stream.steps.filter { $0.runs != nil }.count)
      for call in calls {
        XCTAssertTrue(attribute(call, "calledElement")?.hasSuffix(".process") == true, "\(stream.id): calledElement")
      }
      XCTAssertEqual(descendants(process, named: "startEvent").count, 1)
      let ends = descendants(process, named: "endEvent").count
      let middles = descendants(process, named: "intermediateThrowEvent").count
      XCTAssertEqual(ends + middles, stream.values.count)
      // An exclusive gateway where more than one way leads on (a fork's gateway is one way); a parallel one after
      // each fork's node and before each join.
      let forking = stream.nodes.filter { stream.outgoingEdges(of: $0).contains { $0.kind == .parallel } }
      let branching = stream.nodes.filter { ref in
        stream.outgoingEdges(of: ref).filter { $0.kind != .parallel }.count + (forking.contains(ref) ? 1 : 0) > 1
      }
      let joins = Set(stream.forks.map(\.join))
      let gateways = descendants(process, named: "exclusiveGateway")
      let parallelGateways = descendants(process, named: "parallelGateway")
      XCTAssertEqual(gateways.count, branching.count, stream.id)
      XCTAssertEqual(parallelGateways.count, forking.count + joins.count, stream.id)
      let flows = descendants(process, named: "sequenceFlow")
      XCTAssertEqual(flows.count, stream.edges.count + branching.count + forking.count + joins.count)
      // Every flow joins two flow nodes, each listed in exactly one lane; every gateway has a default flow of its own.
      var laneOf: [String: Int] = [:]
      for lane in descendants(process, named: "lane") {
        for ref in descendants(lane, named: "flowNodeRef") {
          XCTAssertNil(laneOf.updateValue(0, forKey: ref.stringValue!), "in two lanes")
        }
      }
      let nodeIDs = Set(
        (descendants(process, named: "task") + calls + gateways + parallelGateways
          + descendants(process, named: "startEvent")
          + descendants(process, named: "endEvent") + descendants(process, named: "intermediateThrowEvent"))
          .compactMap { attribute($0, "id") })
      XCTAssertEqual(Set(laneOf.keys), nodeIDs)
      let flowIDs = Set(flows.compactMap { attribute($0, "id") })
      for flow in flows {
        XCTAssertTrue(nodeIDs.contains(attribute(flow, "sourceRef") ?? ""))
        XCTAssertTrue(nodeIDs.contains(attribute(flow, "targetRef") ?? ""))
      }
      for gateway in gateways {
        let outgoing = descendants(gateway, named: "outgoing").map { $0.stringValue! }
        XCTAssertGreaterThan(outgoing.count, 1)
        XCTAssertTrue(outgoing.contains(attribute(gateway, "default") ?? ""), "\(stream.id): default not outgoing")
      }
      // The diagram draws every flow node and every flow.
      let shapes = descendants(root, named: "BPMNShape").compactMap { attribute($0, "bpmnElement") }
      XCTAssertTrue(nodeIDs.isSubset(of: Set(shapes)))
      let edges = descendants(root, named: "BPMNEdge")
      XCTAssertEqual(Set(edges.compactMap { attribute($0, "bpmnElement") }), flowIDs)
      for edge in edges { XCTAssertGreaterThanOrEqual(descendants(edge, named: "waypoint").count, 2) }
    }
  }

  /// The fork's branches leave one parallel gateway and meet at another before the join, which is where the lead
  /// time waits for the longest branch; rework goes back through exclusive gateways, not into the join's.
  func testBPMNForksAndJoinsParallelWorkWithParallelGateways() throws {
    let root = try parse(BPMNEmitter().emit(try parallelWork()))
    let process = try XCTUnwrap(descendants(root, named: "process").first)
    var source: [String: String] = [:]
    var target: [String: String] = [:]
    for flow in descendants(process, named: "sequenceFlow") {
      source[attribute(flow, "id")!] = attribute(flow, "sourceRef")
      target[attribute(flow, "id")!] = attribute(flow, "targetRef")
    }
    func ends(_ gateway: String, _ direction: String) throws -> [String] {
      let element = try XCTUnwrap(
        descendants(process, named: "parallelGateway").first { attribute($0, "id") == gateway }, gateway)
      return descendants(element, named: direction).map {
        (direction == "outgoing" ? target : source)[$0.stringValue!]!
      }
    }
    XCTAssertEqual(try ends("release.step.build.fork", "outgoing"), ["release.step.test", "release.step.secure"])
    XCTAssertEqual(try ends("release.step.build.fork", "incoming"), ["release.step.build.split"])
    XCTAssertEqual(
      Set(try ends("release.step.deploy.join", "incoming")), ["release.step.test.split", "release.step.secure"])
    XCTAssertEqual(try ends("release.step.deploy.join", "outgoing"), ["release.step.deploy"])
    // Build either goes back to triage (rework, with its condition) or on to the fork (the default).
    let split = try XCTUnwrap(
      descendants(process, named: "exclusiveGateway").first { attribute($0, "id") == "release.step.build.split" })
    XCTAssertEqual(attribute(split, "default"), "release.step.build.split.to-fork")
    XCTAssertEqual(
      Set(descendants(split, named: "outgoing").map { target[$0.stringValue!]! }),
      ["release.step.build.fork", "release.step.triage"])
  }

  /// The JSON names the streams a stream hands over to and the one its demand comes from, by id.
  func testJSONCarriesTheHandOvers() throws {
    let stream = try linked()
    let json = JSONEmitter().emit(
      stream, diagnostics: [], file: SourceFile(path: "linked.vstream", text: ""), rules: [])
    let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    XCTAssertEqual((object["demand"] as? [String: Any])?["fromStream"] as? String, "upstream")
    XCTAssertEqual(((object["steps"] as? [[String: Any]])?.first)?["handsOverTo"] as? String, "next")
    XCTAssertEqual(((object["values"] as? [[String: Any]])?.first)?["handsOverTo"] as? String, "other")
    let unlinked = try branching()
    let plain = JSONEmitter().emit(
      unlinked, diagnostics: [], file: SourceFile(path: "fork.vstream", text: ""), rules: [])
    XCTAssertTrue(plain.contains("\"handsOverTo\": null"))
  }

  func testCSVHasOneRowAStepWithPlainNumbers() throws {
    for stream in try streams() {
      let text = CSVEmitter().emit(stream)
      XCTAssertTrue(text.hasSuffix("\r\n"))
      let rows = Self.parseCSV(text)
      XCTAssertEqual(rows.first, CSVEmitter.header)
      XCTAssertEqual(rows.count, stream.steps.count + 1, stream.id)
      XCTAssertEqual(Set(rows.dropFirst().map { $0[1] }), Set(stream.steps.map(\.id)))
      for row in rows.dropFirst() {
        XCTAssertEqual(row.count, CSVEmitter.header.count)
        let step = try XCTUnwrap(stream.steps.first { $0.id == row[1] })
        XCTAssertEqual(row[6], step.processTime.map { String($0.seconds) } ?? "")
        XCTAssertEqual(row[7], step.waitTime.map { String($0.seconds) } ?? "")
        if let ca = step.completeAccurate { XCTAssertEqual(Double(row[9])!, ca.fraction, accuracy: 1e-9) }
        XCTAssertEqual(row[2].hasPrefix("'") ? String(row[2].dropFirst()) : row[2], step.title)
        XCTAssertEqual(row[13], step.handsOverTo?.stream ?? "")
      }
    }
  }

  func testCSVQuotingFollowsRFC4180AndDisarmsFormulas() {
    XCTAssertEqual(CSVEscaping.field("plain"), "plain")
    XCTAssertEqual(CSVEscaping.field("a,b"), "\"a,b\"")
    XCTAssertEqual(CSVEscaping.field("say \"hi\""), "\"say \"\"hi\"\"\"")
    XCTAssertEqual(CSVEscaping.field("two\nlines"), "\"two\nlines\"")
    XCTAssertEqual(CSVEscaping.field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"")
    XCTAssertEqual(CSVEscaping.field("-1"), "'-1")
    XCTAssertEqual(CSVEscaping.field(" padded"), "\" padded\"")
    XCTAssertEqual(Self.parseCSV(CSVEscaping.field("a \"b\", c\r\nd") + "\r\n"), [["a \"b\", c\r\nd"]])
  }

  func testXMLEscapingAndIdentifiers() {
    XCTAssertEqual(XMLEscaping.text("a<b>&\"c\"'d'\u{01}\u{FFFE}\te"), "a&lt;b&gt;&amp;&quot;c&quot;&#39;d&#39;\te")
    XCTAssertEqual(XMLEscaping.identifier("vs", "restore", "step", "a_1"), "vs.restore.step.a_1")
    XCTAssertEqual(XMLEscaping.identifier("1st", "a b:c"), "_1st.a_b_c")
    XCTAssertEqual(XMLEscaping.identifier("straße"), "straße")
    XCTAssertEqual(XMLEscaping.identifier(""), "_")
  }

  func testPlainNumbers() {
    XCTAssertEqual(PlainNumber.fraction(Percentage(hundredths: 9050)), "0.905")
    XCTAssertEqual(PlainNumber.fraction(Percentage(hundredths: 10_000)), "1")
    XCTAssertEqual(PlainNumber.fraction(Percentage(hundredths: 5)), "0.0005")
    XCTAssertEqual(PlainNumber.fraction(0.3090909), "0.309091")
    XCTAssertEqual(PlainNumber.fraction(2), "2")
    XCTAssertEqual(PlainNumber.fraction(0.000_000_1), "0")
    XCTAssertNil(PlainNumber.fraction(.infinity))
  }

  /// RFC 4180 read back: quoted fields with doubled quotes and line breaks, rows ended by CRLF.
  static func parseCSV(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var characters = Array(text)[...]
    while let character = characters.popFirst() {
      if quoted {
        if character == "\"" {
          if characters.first == "\"" {
            field.append("\"")
            characters.removeFirst()
          } else {
            quoted = false
          }
        } else {
          field.append(character)
        }
      } else if character == "\"" {
        quoted = true
      } else if character == "," {
        row.append(field)
        field = ""
      } else if character == "\r\n" {
        row.append(field)
        rows.append(row)
        row = []
        field = ""
      } else {
        field.append(character)
      }
    }
    return rows
  }
}

final class ExportGoldenTests: XCTestCase {
  func testRestoreLiveServiceInTheExchangeFormats() throws {
    let (stream, _) = try Fixtures.stream("examples/restore-live-service.vstream")
    try assertGolden(ArchiMateEmitter().emit(stream), "restore-live-service.archimate.xml")
    try assertGolden(BPMNEmitter().emit(stream), "restore-live-service.bpmn")
    try assertGolden(CSVEmitter().emit(stream), "restore-live-service.csv")
  }
}
