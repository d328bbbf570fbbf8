import VStreamCheck
import VStreamSource
import VStreamSyntax

/// Hand-overs between streams (`hands-over-to` on a step or value, `from-stream` on a demand), checked across the
/// files of a run: the stream named exists among them (VS341, in a run of several files: one file alone cannot know
/// the others), is not the stream itself (VS342), and the hand-overs form no cycle (VS343, reported once per cycle
/// with its chain). Read from the syntax, so `check` needs no model.
extension RepositoryRules {
  /// One reference to another stream, in the direction the work goes: `from` hands over to `to`.
  struct HandOver {
    var file: Int
    var from: String
    var to: String
    /// The other stream's id as written.
    var range: SourceRange
    /// The id this file writes (the target of `hands-over-to`, the source of `from-stream`).
    var named: String
  }

  /// A file's hand-overs, read where its tree is still at hand (`diagnoseRepository` lets trees go on their core).
  static func handOvers(in syntax: FileSyntax, file: SourceFile, index: Int) -> [HandOver] {
    guard let range = streamID(of: syntax) else { return [] }
    let streamID = file.text(range)
    var result: [HandOver] = []
    for item in syntax.items {
      guard case .declaration(let declaration) = item else { continue }
      for kind in [AttributeKind.handsOverTo, .fromStream] {
        guard let attribute = syntax.attribute(kind, of: declaration), case .word(let word) = attribute.value else {
          continue
        }
        let named = word.text(in: file)
        let (from, to) = kind == .handsOverTo ? (streamID, named) : (named, streamID)
        result.append(HandOver(file: index, from: from, to: to, range: word.range, named: named))
      }
    }
    return result
  }

  /// `handOvers[i]` are file `i`'s, from `handOvers(in:file:index:)`.
  static func checkHandOvers(
    _ streamIDs: [SourceRange?], handOvers: [[HandOver]], files: [SourceFile], add: (Int, Diagnostic) -> Void
  ) {
    let all = handOvers.flatMap { $0 }
    guard !all.isEmpty else { return }
    // One file alone (an editor, `build FILE`) cannot know the others: only a run of several judges the names.
    let edges = followable(
      all, known: streamsByID(streamIDs, files: files), judgesUnknown: files.count > 1,
      itself: Diagnostic.handOverToItself, add: add)
    reportCycles(
      edges, files: files, label: { "`\($0.from)` → `\($0.to)`" }, finding: Diagnostic.handOverCycle, add: add)
  }

  /// The links between streams that can be followed, each pair of streams once: a link to its own stream gets
  /// `itself`, one to a stream not in the run VS341 when `judgesUnknown`.
  static func followable(
    _ links: [HandOver], known: [String: Int], judgesUnknown: Bool,
    itself: (String, SourceRange) -> Diagnostic, add: (Int, Diagnostic) -> Void
  ) -> [HandOver] {
    var edges: [HandOver] = []
    var seen = Set<[String]>()
    for link in links {
      if link.from == link.to {
        add(link.file, itself(link.named, link.range))
      } else if known[link.named] == nil {
        if judgesUnknown { add(link.file, .unknownStream(link.named, known: known.keys.sorted(), at: link.range)) }
      } else if seen.insert([link.from, link.to]).inserted {
        edges.append(link)
      }
    }
    return edges
  }

  /// Each cycle of `edges` once (see `cycles`), at its first edge, with its chain (`a` → `b` → `a`) and the other
  /// edges labelled in the files that write them.
  static func reportCycles(
    _ edges: [HandOver], files: [SourceFile], label: (HandOver) -> String,
    finding: (String, SourceRange, [Diagnostic.Label]) -> Diagnostic, add: (Int, Diagnostic) -> Void
  ) {
    for cycle in cycles(edges) {
      let first = cycle[0]
      let chain = ([first.from] + cycle.map(\.to)).map { "`\($0)`" }.joined(separator: " → ")
      let others = cycle.dropFirst().map {
        Diagnostic.Label(range: $0.range, message: label($0), path: files[$0.file].path)
      }
      add(first.file, finding(chain, first.range, Array(others)))
    }
  }

  /// Each cycle of the hand-over graph once, as its edges in order, starting from its first-written edge: for each
  /// edge in written order whose target leads back to its source, the shortest way back (breadth first, neighbours
  /// in written order), unless an edge of it is already in a reported cycle. Deterministic by construction.
  static func cycles(_ edges: [HandOver]) -> [[HandOver]] {
    var leaving: [String: [Int]] = [:]
    for (index, edge) in edges.enumerated() { leaving[edge.from, default: []].append(index) }
    var reported = Set<Int>()
    var result: [[HandOver]] = []
    for (start, edge) in edges.enumerated() where !reported.contains(start) {
      // Breadth first from the edge's target back to its source.
      var previous: [String: Int] = [edge.to: start]
      var queue = [edge.to]
      var head = 0
      var found = false
      while head < queue.count, !found {
        let node = queue[head]
        head += 1
        for next in leaving[node] ?? [] where previous[edges[next].to] == nil || edges[next].to == edge.from {
          previous[edges[next].to] = next
          if edges[next].to == edge.from {
            found = true
            break
          }
          queue.append(edges[next].to)
        }
      }
      guard found else { continue }
      var path: [Int] = []
      var node = edge.from
      while let index = previous[node], index != start {
        path.append(index)
        node = edges[index].from
      }
      let cycle = [start] + path.reversed()
      guard cycle.allSatisfy({ !reported.contains($0) }) else { continue }
      reported.formUnion(cycle)
      result.append(cycle.map { edges[$0] })
    }
    return result
  }
}

extension Diagnostic {
  static func unknownStream(_ id: String, known: [String], at range: SourceRange) -> Diagnostic {
    let suggestion = Spelling.closest(to: id, among: known)
    return Diagnostic(
      code: .unknownStream, severity: .error, message: "no stream `\(id)` in this run", range: range,
      label: "unknown stream",
      help: suggestion.map { "did you mean `\($0)`?" }
        ?? "name the id after `stream` in another file, and check that file with this one (`vstream check .`)")
  }

  static func handOverToItself(_ id: String, at range: SourceRange) -> Diagnostic {
    Diagnostic(
      code: .handOverToItself, severity: .error, message: "the stream `\(id)` hands over to itself", range: range,
      label: "this stream", help: "a flow within the stream is an arrow: write it on a `flow` line")
  }

  static func handOverCycle(_ chain: String, at range: SourceRange, others: [Label]) -> Diagnostic {
    Diagnostic(
      code: .handOverCycle, severity: .error, message: "hand-overs between streams form a cycle: \(chain)",
      range: range, label: "the cycle starts here", secondary: others,
      help: "work that comes back is rework inside a stream, or a new demand: remove one hand-over of the cycle")
  }
}
