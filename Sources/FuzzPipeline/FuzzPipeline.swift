import Foundation
import FuzzSupport
import VStream
import VStreamEmit
import VStreamReport
import VStreamSource
import VStreamSyntax

/// libFuzzer's entry point for the whole pipeline, as `vstream check`, `build` and `fmt` run it: parse, check, every
/// report format, every back end when the file checks, and the formatter with its promises (the output parses, is a
/// fixed point, and says what the input said).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPipeline(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  PipelineTarget.run(SourceFile(path: "fuzz.vstream", bytes: FuzzDriver.bytes(data, size)))
  return 0
}

enum PipelineTarget {
  /// The alias notes are what `fmt` fixes; every other finding must survive formatting.
  static let aliasNotes: Set<String> = ["VS408", "VS409"]
  /// A forward loop, which `fmt` upgrades to rework lines.
  static let loopUpgrade = "VS322"

  static func run(_ file: SourceFile) {
    let result = Compiler.checkRepository([file])[0]
    Invariant.syntax(result.syntax, in: file)
    Invariant.diagnostics(result.diagnostics, in: file)
    Invariant.require(result.diagnostics == Diagnostic.normalized(result.diagnostics), "diagnostics are not sorted")
    let failed = result.diagnostics.contains { $0.severity == .error && !$0.isSuppressed }
    Invariant.require(failed == (result.stream == nil), "a stream was built despite errors, or not built without any")

    let reports = [FileReport(file: file, diagnostics: result.diagnostics)]
    // Only the rules that fired: the CLI passes them all, but writing 80 explanations per input would take most of
    // the fuzzer's time and exercise nothing that depends on the input.
    let codes = Set(result.diagnostics.map(\.code))
    let rules = Compiler.rules.filter { codes.contains($0.code) }
    json(DiagnosticsJSON.render(reports, rules: rules), "the JSON report")
    json(SARIFRenderer.render(reports, rules: rules, version: "fuzz"), "the SARIF report")
    for diagnostic in result.diagnostics {
      let line = GitHubRenderer.render(diagnostic, in: file, name: file.path)
      Invariant.require(
        !line.utf8.contains(0x0A) && !line.utf8.contains(0x0D), "a GitHub annotation spans lines: \(line)")
    }

    if let stream = result.stream {
      for options in [DOTEmitter.Options(), DOTEmitter.Options(lanes: true, legend: false, theme: .dark)] {
        let dot = DOTEmitter(options: options).emit(stream)
        Invariant.require(dot.hasPrefix("digraph ") && dot.hasSuffix("}\n"), "the DOT output is not one digraph")
        // Graphviz refuses empty HTML-like labels and empty font elements (an empty title once wrote `<B></B>`).
        for empty in ["label=<>", "<B></B>", "<I></I>", "\"></FONT>"] {
          Invariant.require(!dot.contains(empty), "the DOT output has \(empty), which Graphviz rejects")
        }
      }
      let markdown = MarkdownEmitter().emit(stream, diagnostics: result.diagnostics, file: file)
      Invariant.require(markdown.hasPrefix("# "), "the Markdown page does not start with a title")
      json(
        JSONEmitter().emit(stream, diagnostics: result.diagnostics, file: file, rules: rules),
        "the JSON back end")
    }
    format(file, findings: findings(result.diagnostics))
  }

  static func format(_ file: SourceFile, findings before: [String]) {
    let parseErrors = Compiler.parse(file).diagnostics.filter { $0.severity == .error }
    switch Compiler.format(file) {
    case .syntaxErrors(let errors):
      Invariant.require(
        !errors.isEmpty && errors == parseErrors, "fmt refused the file for other reasons than its errors")
    case .formatted(let text):
      Invariant.require(parseErrors.isEmpty, "fmt formatted a file with syntax errors")
      let formatted = SourceFile(path: file.path, text: text)
      let reparsed = Compiler.parse(formatted)
      let errors = reparsed.diagnostics.filter { $0.severity == .error }
      Invariant.require(errors.isEmpty, "the formatted text has syntax errors: \(errors.map(\.message))")
      guard case .formatted(let again) = Compiler.format(formatted), again == text else {
        return Invariant.require(false, "formatting is not idempotent")
      }
      // A flow whose forward arrows loop (VS322) is upgraded by fmt: the arrows that the old, written-order rule took
      // for rework become `rework` lines, which changes what the checker finds about the flow on purpose.
      guard !before.contains(where: { $0.hasPrefix(loopUpgrade) }) else { return }
      // Checked as the input was (a repository of one file): a `runs` judged across files is VS341 alone, not in
      // `Compiler.check`, which leaves the files a stream names to the repository.
      let after = findings(Compiler.checkRepository([formatted])[0].diagnostics)
      Invariant.require(
        after == before.filter { !aliasNotes.contains(String($0.prefix(5))) },
        "formatting changed the findings from \(before) to \(after)")
    }
  }

  /// The findings without positions, which formatting may move.
  static func findings(_ diagnostics: [Diagnostic]) -> [String] {
    diagnostics.map { "\($0.code) \($0.severity) \($0.isSuppressed)" }.sorted()
  }

  static func json(_ text: String, _ what: String) {
    let parsed = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    Invariant.require(parsed != nil, "\(what) is not valid JSON")
  }
}

@main
enum Harness {
  static func main() { FuzzDriver.run(fuzzPipeline) }
}
