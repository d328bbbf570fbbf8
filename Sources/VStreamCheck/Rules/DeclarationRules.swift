import VStreamModel
import VStreamSource
import VStreamSyntax

extension CheckRun {
  mutating func collectDeclarations() {
    // Count first so that each list is allocated once at its size (a large stream has 100,000s of steps).
    var stepCount = 0
    for item in syntax.items { if case .declaration(let declaration) = item, declaration.kind == .step { stepCount += 1 } }
    steps.reserveCapacity(stepCount)
    for (position, item) in syntax.items.enumerated() {
      guard case .declaration(let declaration) = item else { continue }
      switch declaration.kind {
      case .stream: streams.append(position: position)
      case .demand: demands.append(position: position)
      case .step: steps.append(position: position)
      case .value: values.append(position: position)
      }
    }
  }

  /// One stream, one demand, at least one value (VS301-VS305). A declaration whose line is broken still counts, so a
  /// syntax error in it is not reported again as "missing".
  mutating func checkDeclarationCounts() {
    let start = SourceRange.empty(at: syntax.frontMatter?.range.end ?? 0)
    if streams.isEmpty {
      report(
        CheckMessages.missingStream, "the file has no `stream` line", at: start, label: "expected `stream ID \"Title\"`",
        help: "start the body with `stream some-id \"Title\"`")
    }
    for extra in streams.dropFirst() {
      report(
        CheckMessages.duplicateStream, "a file holds one stream, but this is the second `stream` line", at: anchor(extra),
        label: "second stream", secondary: [Diagnostic.Label(range: anchor(streams[0]), message: "first stream")],
        help: "put each stream in its own file")
    }
    if demands.isEmpty {
      report(
        CheckMessages.missingDemand, "the stream has no demand", at: streams.first.map(anchor) ?? start,
        label: "every value stream starts with demand", help: "add `demand some-id \"What the consumer asks for\"`")
    }
    for extra in demands.dropFirst() {
      report(
        CheckMessages.multipleDemands, "a stream answers one demand, but this is the second", at: anchor(extra),
        label: "second demand", secondary: [Diagnostic.Label(range: anchor(demands[0]), message: "first demand")],
        help: "split the file into one stream per demand")
    }
    if values.isEmpty {
      report(
        CheckMessages.missingValue, "the stream has no value", at: streams.first.map(anchor) ?? start,
        label: "every value stream ends with value", help: "add `value some-id \"What the consumer gets\"`")
    }
  }

  /// The demand, steps and values share one namespace (VS306).
  mutating func checkUniqueIdentifiers() {
    nodes = ByteKeyedTable(capacity: demands.count + steps.count + values.count)
    var stepIndex = 0
    var valueIndex = 0
    var demandSeen = false
    let bytes = file.bytes
    let items = syntax.items
    let ahead = ByteKeyedTable<NodeEntry>.prefetchDistance
    for (index, item) in items.enumerated() {
      // The id a few declarations on is fetched while this one is looked up (see `ByteKeyedTable.prefetch`).
      if index + ahead < items.count, case .declaration(let later) = items[index + ahead], let identifier = later.identifier {
        bytes.withUnsafeBufferPointer { nodes.prefetch($0, identifier.range) }
      }
      guard case .declaration(let declaration) = item, declaration.kind != .stream else { continue }
      // Each declaration's position among its kind, counted as we go (looking it up would be quadratic).
      let ref: NodeRef?
      switch declaration.kind {
      case .step:
        ref = .step(stepIndex)
        stepIndex += 1
      case .value:
        ref = .value(valueIndex)
        valueIndex += 1
      case .demand:
        ref = demandSeen ? nil : .demand
        demandSeen = true
      case .stream:
        ref = nil
      }
      guard let identifier = declaration.identifier else { continue }
      let entry = NodeEntry(ref: ref, anchor: anchor(declaration), hasErrors: declaration.hasErrors)
      let (index, inserted) = nodes.insertIfAbsent(bytes, identifier.range, value: entry)
      guard !inserted else { continue }
      let earlier = nodes.value(at: index)
      // A declaration recovered from a broken line (`stpe work`) is often the same thing written twice.
      guard !earlier.hasErrors, !declaration.hasErrors else { continue }
      report(
        CheckMessages.duplicateIdentifier, "`\(identifier.text(in: file))` is declared twice", at: identifier.range,
        label: "declared again here", secondary: [Diagnostic.Label(range: earlier.anchor, message: "first declared here")],
        help: "rename one; flows refer to declarations by id")
    }
  }
}
