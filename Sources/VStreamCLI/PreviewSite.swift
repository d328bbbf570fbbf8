import Foundation
import VStream
import VStreamEmit
import VStreamModel
import VStreamPreview
import VStreamReport
import VStreamSource

/// The site `vstream preview` serves, built in memory from the streams as they are on disk now: the HTML site of
/// `vstream build --format html`, with a page of diagnostics in place of each stream that does not compile, and the
/// live-reload script in every page. Used from one thread at a time (the first build, then the watcher's).
final class PreviewSite {
  struct Outcome {
    var resources: [String: LiveSite.Resource]
    /// The page to open first: the only stream's page, or the index.
    var firstPage: String
    var built: Int
    var broken: Int
    /// The DOT of the diagrams Graphviz has not drawn yet: their pages show the stream's last diagram meanwhile.
    var undrawn: [String]
  }

  private let paths: [String]
  private let input: InputOptions
  private let config: String?
  private let dot = DOTEmitter.Options()
  /// Each file's page at its last successful build, so that a broken save replaces the page the browser is on.
  private var pageNames: [String: String] = [:]
  /// The diagrams drawn, shared by the rebuilds and the drawing (two queues), under the lock.
  private let lock = NSLock()
  /// Graphviz's SVG for each DOT text drawn: a save that changes no box does not run dot again.
  private var svgs: [String: Result<[UInt8], Error>] = [:]
  /// Each stream's last SVG, shown while its new one is drawn.
  private var lastSVG: [String: Result<[UInt8], Error>] = [:]

  init(paths: [String], input: InputOptions, config: String?) {
    self.paths = paths
    self.input = input
    self.config = config
  }

  /// The site as the files are now. Graphviz is run only when `drawing` is set (the first build): otherwise a
  /// diagram whose DOT has not been drawn shows the stream's last one and its DOT is in `undrawn`, for `draw(_:)`.
  /// Graphviz takes a second or more on a stream of 100 steps; the rest of a rebuild, milliseconds.
  func build(generation: Int, drawing: Bool = false) throws -> Outcome {
    // As `build`: the repository's other streams resolve what the streams shown name (not watched: a change to one
    // of them shows at the next save of a stream shown).
    let inputs = try input.read(
      paths, standardInputName: nil, configPath: config, loadsConfiguration: true, readsReferences: true)
    let results = Compiler.checkRepository(
      inputs.files, references: inputs.references, configuration: inputs.configuration(for:),
      options: input.parserOptions)
    let built = results.filter { $0.stream != nil }
    let dots = built.map {
      DOTEmitter(options: dot).emit($0.stream!, catalogue: inputs.configuration(for: $0.file).catalogue)
    }
    if drawing { draw(dots) }
    var undrawn: [String] = []
    let rendered = lock.withLock { () -> [Result<[UInt8], Error>] in
      // Only what this build shows stays, so the cache cannot grow with every save.
      svgs = svgs.filter { dots.contains($0.key) }
      return zip(built, dots).map { result, dot in
        let id = result.stream!.id
        if let svg = svgs[dot] {
          lastSVG[id] = svg
          return svg
        }
        undrawn.append(dot)
        return lastSVG[id] ?? .failure(CommandFailure("the diagram is being drawn"))
      }
    }
    let html = HTMLEmitter()
    var pages: [String: String] = [:]
    for (result, svg) in zip(built, rendered) {
      let stream = result.stream!
      let diagram: HTMLEmitter.Diagram
      switch svg {
      case .success(let bytes): diagram = .svg(String(decoding: bytes, as: UTF8.self))
      case .failure(let error): diagram = .missing(reason: BuildCommand.reason(error))
      }
      let name = HTMLEmitter.pageName(stream)
      pageNames[result.file.path] = name
      pages[name] = html.page(
        stream, diagram: diagram, map: .svg(VSMEmitter().emit(stream)), diagnostics: result.diagnostics,
        catalogue: inputs.configuration(for: result.file).catalogue)
    }
    let broken = results.filter { $0.stream == nil }
    let renderer = HumanRenderer(options: .init(colors: false))
    var problems: [HTMLEmitter.Problem] = []
    for result in broken {
      let shown = result.diagnostics.filter { !$0.isSuppressed && $0.severity >= .warning }
      let report = shown.map { renderer.render($0, in: result.file) + "\n" }.joined()
      let name = pageNames[result.file.path] ?? Self.guessedPageName(result.file.path)
      // A stream that compiles keeps its page: two files claiming one name show the one that works.
      if pages[name] == nil {
        problems.append(HTMLEmitter.Problem(file: result.file.path, page: name))
        pages[name] = html.problemPage(
          file: result.file.path, report: report, errors: shown.filter { $0.severity == .error }.count)
      }
    }
    let streams = built.map { $0.stream! }
    pages["index.html"] = html.index(streams, problems: problems)
    pages["practices.html"] = html.practiceMatrix(streams)
    var resources: [String: LiveSite.Resource] = [:]
    for (name, page) in pages {
      let live = LiveReload.inject(
        into: Array(page.utf8), staticPolicy: HTMLEmitter.contentSecurityPolicy, generation: generation)
      resources[name] = LiveSite.Resource(bytes: live, contentType: "text/html; charset=utf-8")
    }
    let only = results.count == 1 ? results[0].file.path : nil
    return Outcome(
      resources: resources,
      firstPage: only.map { pageNames[$0] ?? Self.guessedPageName($0) } ?? "index.html",
      built: built.count, broken: broken.count, undrawn: undrawn)
  }

  /// The page of a file that has never compiled: its name without `.vstream` (a stream's id is usually its file's
  /// name), so that the page keeps its address once it compiles.
  static func guessedPageName(_ path: String) -> String {
    let name = (path as NSString).lastPathComponent
    return (name.hasSuffix(".vstream") ? String(name.dropLast(".vstream".count)) : name) + ".html"
  }

  /// Draws each DOT text not drawn yet with Graphviz, on every core, for the next build to show.
  func draw(_ dots: [String]) {
    let missing = lock.withLock { Array(Set(dots.filter { svgs[$0] == nil })).sorted() }
    var drawn = [Result<[UInt8], Error>?](repeating: nil, count: missing.count)
    let results = NSLock()
    DispatchQueue.concurrentPerform(iterations: missing.count) { index in
      let outcome = Result {
        Array(
          GraphvizSVG.titlesFromTooltips(
            String(decoding: try Graphviz.render(missing[index], format: "svg"), as: UTF8.self)
          ).utf8)
      }
      results.withLock { drawn[index] = outcome }
    }
    lock.withLock {
      for (dot, svg) in zip(missing, drawn) { svgs[dot] = svg! }
    }
  }
}
