import VStreamModel
import VStreamSource
import VStreamSyntax

/// Makes the checked ``ValueStream`` from a context in which no error remains.
enum StreamBuilder {
  /// The checked stream; nil only where a rule should have reported an error.
  static func stream(of context: CheckContext) -> ValueStream? {
    let (file, syntax, declarations) = (context.file, context.syntax, context.declarations)
    guard let stream = declarations.streams.first, let demand = declarations.demands.first,
      let streamID = stream.identifier?.text(in: file), let demandID = demand.identifier?.text(in: file)
    else { return nil }
    let catalogue = context.configuration.catalogue
    let resolved = context.steps
    var steps: [Step] = []
    steps.reserveCapacity(declarations.steps.count)
    for (index, step) in declarations.steps.enumerated() {
      guard let id = step.identifier?.text(in: file), let activity = resolved.activities[index] else { return nil }
      var roles: [String] = []
      if let attribute = syntax.attribute(.roles, of: step), case .strings(let span) = attribute.value {
        roles = syntax.strings(span).map { $0.value(in: file) }
      }
      var model = Step(
        id: id, title: title(step, file), activity: activity,
        practices: resolved.practices(ofStep: index).map { catalogue.all[Int($0)].id }, roles: roles,
        processTime: resolved.processTimes[index], waitTime: resolved.waitTimes[index],
        waitIsPlanned: resolved.plannedWaits[index],
        completeAccurate: resolved.completeAccurate[index], note: string(.note, of: step, syntax, file),
        range: step.range, processEstimate: resolved.estimate(ofStep: index, isWait: false),
        waitEstimate: resolved.estimate(ofStep: index, isWait: true), target: resolved.target(ofStep: index))
      model.handsOverTo = link(.handsOverTo, of: step, syntax, file)
      model.runs = link(.runs, of: step, syntax, file)
      steps.append(model)
    }
    let values = declarations.values.compactMap { value -> Value? in
      guard let id = value.identifier?.text(in: file) else { return nil }
      var model = Value(
        id: id, title: title(value, file), beneficiary: string(.for, of: value, syntax, file),
        note: string(.note, of: value, syntax, file), range: value.range)
      model.handsOverTo = link(.handsOverTo, of: value, syntax, file)
      return model
    }
    let edges = context.flow.edges(declarations, syntax: syntax, file: file)
    let ranks = FlowAnalysis.ranks(ids: [demandID] + steps.map(\.id) + values.map(\.id))
    let metrics = FlowAnalysis.metrics(
      steps: steps, valueCount: values.count, edges: edges, catalogue: catalogue, ranks: ranks,
      framework: context.framework)
    var demandModel = Demand(
      id: demandID, title: title(demand, file), from: string(.from, of: demand, syntax, file),
      note: string(.note, of: demand, syntax, file), range: demand.range)
    demandModel.fromStream = link(.fromStream, of: demand, syntax, file)
    var metadata = context.frontMatter.metadata
    if metadata.title == nil, stream.title != nil { metadata.title = title(stream, file) }
    return ValueStream(
      id: streamID, title: context.frontMatter.metadata.title ?? title(stream, file), path: file.path,
      metadata: metadata,
      demand: demandModel, steps: steps, values: values, edges: edges, metrics: metrics,
      settings: context.configuration.durationSettings, framework: context.framework)
  }

  /// A declaration's title, or its id when it has none.
  static func title(_ declaration: DeclarationSyntax, _ file: SourceFile) -> String {
    declaration.title.map { $0.value(in: file) } ?? declaration.identifier?.text(in: file) ?? ""
  }

  /// A `hands-over-to`, `from-stream` or `runs` attribute as a link to the stream it names.
  static func link(_ kind: AttributeKind, of declaration: DeclarationSyntax, _ syntax: FileSyntax, _ file: SourceFile)
    -> StreamLink?
  {
    guard let attribute = syntax.attribute(kind, of: declaration), case .word(let word) = attribute.value else {
      return nil
    }
    return StreamLink(stream: word.text(in: file), range: word.range)
  }

  static func string(_ kind: AttributeKind, of declaration: DeclarationSyntax, _ syntax: FileSyntax, _ file: SourceFile)
    -> String?
  {
    guard let attribute = syntax.attribute(kind, of: declaration), case .string(let string) = attribute.value else {
      return nil
    }
    return string.value(in: file)
  }
}
