import Foundation
import VStreamDiff
import VStreamEmit
import VStreamModel
import VStreamSource

/// `vstream diff --pictures DIR`: for each stream that changed, one SVG of its base above its head with what changed
/// marked (`ID.svg`), and `index.html` with every stream's comparison and picture inline.
enum DiffPictures {
  /// What each side marks: the base its removed and changed nodes and removed arrows, the head its added and changed
  /// nodes and added arrows, so that each picture shows only what exists in it.
  static func marks(_ diff: StreamDiff) -> (base: DiagramMarks, head: DiagramMarks) {
    var base = DiagramMarks()
    var head = DiagramMarks()
    for node in diff.nodes {
      switch node.change {
      case .added: head.nodes[node.id] = .added
      case .removed: base.nodes[node.id] = .removed
      case .changed:
        // A node whose own fields are the same but whose arrows changed has moved in the flow.
        let mark: DiagramMarks.Mark = node.fields.isEmpty ? .moved : .changed
        base.nodes[node.id] = mark
        head.nodes[node.id] = mark
      }
    }
    for arrow in diff.arrowsRemoved { base.arrows[DiagramMarks.Arrow(from: arrow.from, to: arrow.to)] = .removed }
    for arrow in diff.arrowsAdded { head.arrows[DiagramMarks.Arrow(from: arrow.from, to: arrow.to)] = .added }
    return (base, head)
  }

  /// The files to write into `folder`: a picture per stream that changed and has a checked stream on a side, and the
  /// page. Graphviz renders every side on every core; without Graphviz the page says so and no picture is written.
  static func outputs(_ report: DiffReport, folder: String) -> [AtomicWriter.Output] {
    let streams = report.noteworthy.filter { $0.base?.stream != nil || $0.head?.stream != nil }
    let sides = streams.flatMap { diff -> [(stream: ValueStream?, marks: DiagramMarks)] in
      let marks = marks(diff)
      return [(diff.base?.stream, marks.base), (diff.head?.stream, marks.head)]
    }
    let rendered = Parallel.map(sides.count) { index -> Result<String, CommandFailure>? in
      guard let stream = sides[index].stream else { return nil }
      let dot = DOTEmitter(options: DOTEmitter.Options(legend: false, marks: sides[index].marks)).emit(stream)
      do {
        let svg = try Graphviz.render(dot, format: "svg")
        return .success(GraphvizSVG.titlesFromTooltips(String(decoding: svg, as: UTF8.self)))
      } catch let failure as CommandFailure {
        return .failure(failure)
      } catch {
        return .failure(CommandFailure("dot failed: \(error)"))
      }
    }
    var files: [AtomicWriter.Output] = []
    var entries: [HTMLEmitter.Comparison] = []
    var names = Set<String>()
    for (number, diff) in streams.enumerated() {
      let before = rendered[2 * number]
      let after = rendered[2 * number + 1]
      let summary = DiffRenderer.human(
        DiffReport(baseName: report.baseName, headName: report.headName, streams: [diff]))
      let heading = diff.title.isEmpty || diff.title == diff.id ? diff.id : "\(diff.id): \(diff.title)"
      let failure = [before, after].lazy.compactMap { side -> CommandFailure? in
        if case .failure(let failure) = side { return failure }
        return nil
      }.first
      if let failure {
        entries.append(
          HTMLEmitter.Comparison(heading: heading, summary: summary, picture: .missing(reason: failure.description)))
        continue
      }
      let svg = BeforeAfterSVG.compose(
        title: "\(heading): \(report.baseName) → \(report.headName)",
        before: BeforeAfterSVG.Side(caption: "Before: \(report.baseName)", svg: try? before?.get()),
        after: BeforeAfterSVG.Side(caption: "After: \(report.headName)", svg: try? after?.get()))
      // Two streams can share an id (an error the checker reports on one side): the second picture gets a number.
      var name = diff.id
      var copy = 1
      while !names.insert(name).inserted {
        copy += 1
        name = "\(diff.id)-\(copy)"
      }
      files.append(AtomicWriter.Output(content: Array(svg.utf8), path: folder + "/" + name + ".svg"))
      entries.append(HTMLEmitter.Comparison(heading: heading, summary: summary, picture: .svg(svg)))
    }
    let page = HTMLEmitter().comparison(title: "Changes: \(report.baseName) → \(report.headName)", entries)
    files.append(AtomicWriter.Output(content: Array(page.utf8), path: folder + "/index.html"))
    return files
  }
}
