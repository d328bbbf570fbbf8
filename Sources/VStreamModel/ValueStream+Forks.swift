/// A fork of parallel work in a checked stream, by node: where the `parallel` arrows leave, where their branches
/// meet, and the nodes between (the fork's branches, the join left out).
public struct Fork: Sendable, Hashable {
  public var fork: NodeRef
  public var join: NodeRef
  public var inside: Set<NodeRef>
}

extension ValueStream {
  /// The stream's forks, in node order, found as the checker and the figures find them (`ParallelSections`, ties by
  /// id), so that an export draws the same joins the lead time waits at. Empty without `parallel` arrows; a fork
  /// whose branches never meet is left out (a checked stream has none).
  public var forks: [Fork] {
    guard edges.contains(where: { $0.kind == .parallel }) else { return [] }
    let all = nodes
    var number: [NodeRef: Int] = [:]
    for (index, ref) in all.enumerated() { number[ref] = index }
    let sections = ParallelSections.find(
      nodeCount: all.count, isValue: { $0 > steps.count }, ranks: FlowAnalysis.ranks(ids: all.map(id(of:))),
      arrows: edges.filter { $0.kind != .rework }.map {
        (from: number[$0.from]!, to: number[$0.to]!, isParallel: $0.kind == .parallel)
      })
    return sections.compactMap { section in
      section.join.map { join in
        Fork(
          fork: all[section.fork], join: all[join], inside: Set(section.regions.joined().map { all[$0] }))
      }
    }
  }
}
