import ArgumentParser
import Foundation
import VStream
import VStreamDiff
import VStreamSource

struct DiffCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "diff",
    abstract: "Compare value streams by meaning: two git revisions, two folders, or a current and a future state.",
    discussion: """
      BASE and HEAD are two git revisions (read with git, not from the working tree), two folders, or two files \
      (the current and the future state of one stream). PATH... narrows a comparison of revisions to files and \
      folders, relative to the working directory. A name that exists on disk is a folder or a file; anything else \
      is a revision.

      Streams are matched by stream id, so a moved or renamed file is followed; a file whose id changed is matched by \
      its path and reported as such. For each stream: steps added, removed, retitled, moved in the flow or changed; \
      arrows added and removed; the lead time, process time, wait time, flow efficiency and rolled %C/A of the main \
      path and the worst case, each marked better or worse; and the steps that moved the lead time most. A change of \
      formatting, comments or declaration order reports no change in meaning.

      Examples:
        vstream diff main HEAD
        vstream diff "$BASE_SHA" "$HEAD_SHA" streams/ --format md >> "$GITHUB_STEP_SUMMARY"
        vstream diff current.vstream future.vstream
        vstream diff main HEAD --fail-on lead-time=+10% --fail-on flow-efficiency=-5pt

      Formats (--format is repeatable; FORMAT=FILE writes to FILE instead):
        human   for a terminal (the default); colour as for check
        md      Markdown for a pull-request comment or job summary; starts
                with the marker <!-- vstream-diff -->
        json    vstream-diff/1 (specs/vstream-diff.schema.json)

      --pictures DIR writes, for each stream that changed, DIR/ID.svg (the base above the head, drawn as build draws \
      them, with added, removed and changed steps and arrows marked in purple and labelled NEW, REMOVED or CHANGED) \
      and DIR/index.html (every comparison with its picture inline). It needs Graphviz; without it the page says why.

      --fail-on FIGURE=LIMIT fails (exit 1) when a stream's figure moves the worse way by more than LIMIT. \
      Figures: lead-time, process-time, wait-time (limits as 10% or a duration, 2d), flow-efficiency, rolled-ca \
      (limits as 5pt, percentage points, or 10%, relative); worst-lead-time and so on for the worst-case path.

      Exit status: 0 no gate tripped; 1 a --fail-on threshold was passed or a stream on the HEAD side has errors; 2 \
      usage error, an unknown revision, a folder outside a git repository, or an input or output that could not be \
      read or written.
      """)

  @Argument(help: "The base: a git revision, a folder or a file.")
  var base: String

  @Argument(help: "The head: a git revision, a folder or a file.")
  var head: String

  @Argument(help: "With revisions: the files and folders to compare (default: the whole repository).")
  var paths: [String] = []

  @Option(
    name: .customLong("format"),
    help: "human, md or json; FORMAT=FILE writes that format to FILE. Repeatable. (default: human)")
  var formats: [DiffFormatRequest] = []

  @Option(
    help: ArgumentHelp(
      "Write a before/after SVG of each changed stream (changes marked) and index.html into this folder.",
      valueName: "dir"))
  var pictures: String?

  @Option(name: .customLong("fail-on"), help: "FIGURE=LIMIT, e.g. lead-time=+10% or flow-efficiency=-5pt. Repeatable.")
  var failOn: [String] = []

  @Option(help: "auto, always or never.")
  var color: Terminal.ColorChoice = .auto

  @OptionGroup
  var input: InputOptions

  func validate() throws {
    for argument in [base, head] + paths where argument.hasPrefix("-") {
      throw ValidationError(
        "`\(argument)` looks like an option, not a revision or a path (write ./\(argument) for a file of that name)")
    }
    for threshold in failOn {
      if case .failure(let error) = DiffThreshold.parse(threshold) { throw ValidationError("--fail-on \(error)") }
    }
  }

  func run() throws {
    let thresholds = try failOn.map { try DiffThreshold.parse($0).get() }
    let sides = try DiffSides.read(base: base, head: head, paths: paths, input: input)
    let report = Compiler.diff(
      base: sides.base, head: sides.head, baseName: base, headName: head, baseReferences: sides.baseReferences,
      headReferences: sides.headReferences,
      configuration: { file, isBase in sides.configuration(for: file, isBase: isBase) },
      sameConfiguration: sides.hasSameConfiguration,
      options: input.parserOptions, pairingSingleFiles: sides.areSingleFiles)
    let gate = report.gateFailures(thresholds)

    let requests = formats.isEmpty ? [DiffFormatRequest(format: .human)] : formats
    var files: [AtomicWriter.Output] = []
    for request in requests {
      let colors = request.path == nil && request.format == .human && Terminal.standardOutput.usesColor(color)
      let text: String
      switch request.format {
      case .human: text = DiffRenderer.human(report, gate: gate, colors: colors)
      case .md: text = DiffRenderer.markdown(report, gate: gate)
      case .json: text = DiffRenderer.json(report, gate: gate).rendered()
      }
      if let path = request.path {
        files.append(AtomicWriter.Output(content: Array(text.utf8), path: path))
      } else {
        Terminal.standardOutput.write(text)
      }
    }
    if let pictures { files += DiffPictures.outputs(report, folder: pictures) }
    var failed = false
    do {
      _ = try AtomicWriter.writeAll(files)
    } catch let failure as CommandFailure {
      Terminal.standardError.write("error: \(failure.description)\n")
      failed = true
    }
    for failure in sides.failures { Terminal.standardError.write("error: \(failure)\n") }
    if failed || !sides.failures.isEmpty { throw ExitCode(ExitStatus.usageOrIO.rawValue) }
    if !gate.isEmpty || report.headHasErrors { throw ExitCode(ExitStatus.findings.rawValue) }
  }
}

/// The formats of `vstream diff`.
enum DiffFormat: String, CaseIterable {
  case human, md, json
}

/// One `--format` of `vstream diff`: a format, to standard output or, as `md=diff.md`, to a file.
typealias DiffFormatRequest = FormatRequest<DiffFormat>
