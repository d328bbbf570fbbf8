import VStreamCheck
import VStreamModel
import VStreamSource
import VStreamSyntax

/// The outcome of migrating one file to another framework (`vstream migrate`).
public enum MigrationResult: Sendable {
  /// The new text (the same bytes when nothing changed) and a VS450 finding, on the new text, for each step left
  /// for a person to choose.
  case migrated(String, [Diagnostic])
  /// The file has errors that stop it from being migrated (syntax, or a `framework:` vstream does not know); it is
  /// not rewritten.
  case refused([Diagnostic])
}

/// Moves a stream to another framework by editing its text at the ranges that change, so comments, layout and
/// everything else stay byte for byte: each activity with one counterpart in the target framework
/// (`ActivityCorrespondence`, vstream's table, not ITIL's) is rewritten, `framework:` is set, and each activity with
/// several counterparts is left as written and reported (VS450) with every counterpart as an unsafe fix. Running it
/// again changes nothing and reports the same choices.
enum Migration {
  static func migrate(
    _ file: SourceFile, syntax: FileSyntax, to target: Framework, configuration: Configuration,
    checkedDiagnostics: () -> [Diagnostic]
  ) -> MigrationResult {
    let frameworkNode = syntax.frontMatter?.root?["framework"]
    var source = configuration.framework
    if let node = frameworkNode {
      guard let named = node.scalar.flatMap(Framework.named) else {
        return .refused(checkedDiagnostics().filter { $0.code == .unknownFramework || $0.code == .frontMatterType })
      }
      source = named
    }
    var edits: [Diagnostic.Edit] = []
    var choices:
      [(
        range: SourceRange, step: String, written: String, activity: Activity, candidates: [Activity], because: [String]
      )] =
        []
    for case .declaration(let step) in syntax.items where step.kind == .step {
      guard let attribute = syntax.attribute(.activity, of: step), case .word(let word) = attribute.value else {
        continue
      }
      let written = word.text(in: file)
      // Already the target's (an id or an alias: `fmt` writes aliases as ids), or known to no framework (VS308).
      guard target.resolve(written).entry == nil,
        let activity = ([source] + source.others).lazy.compactMap({ $0.resolve(written).entry }).first
      else { continue }
      let counterparts = ActivityCorrespondence.counterparts(of: activity, in: target)
      if counterparts.count == 1 {
        edits.append(Diagnostic.Edit(range: word.range, replacement: counterparts[0].id))
      } else {
        let (candidates, because) = ActivityCorrespondence.ranked(
          counterparts, practices: practices(of: step, syntax, file, configuration))
        choices.append((word.range, step.identifier?.text(in: file) ?? "?", written, activity, candidates, because))
      }
    }
    if let edit = frameworkEdit(file, syntax, frameworkNode?.range, source: source, target, configuration) {
      edits.append(edit)
    }
    let bytes = Diagnostic.Edit.apply(edits, to: Array(file.bytes))
    let diagnostics = choices.map { choice -> Diagnostic in
      let range = shifted(choice.range, by: edits)
      let names = choice.candidates.map { "`\($0.id)`" }.joined(separator: ", ")
      return Diagnostic(
        code: .migrationChoice, severity: .warning,
        message:
          "step `\(choice.step)`: `\(choice.written)` has no one \(target.name) counterpart; choose one of \(names)",
        range: range, label: "left as written",
        // What each candidate is for, so that the choice can be made from the diagnostic alone.
        notes: choice.candidates.map { "`\($0.id)`: \($0.purpose)" }
          + (choice.because.isEmpty
            ? []
            : [
              "`\(choice.candidates[0].id)` is first because the step names "
                + choice.because.map { "`\($0)`" }.joined(separator: ", ")
            ]) + [
            "\(choice.activity.framework.name)'s \(choice.activity.id) corresponds to \(names) in vstream's own table, "
              + "not ITIL's"
          ],
        help: "write the one that says what this step does",
        fixes: choice.candidates.map { .replace(range, with: $0.id, "write `\($0.id)`", safety: .unsafe) })
    }
    return .migrated(String(decoding: bytes, as: UTF8.self), diagnostics)
  }

  /// The edit that makes the front matter name `target`: its `framework:` value replaced, or the key added
  /// (`FrameworkKey`). None when the file already follows `target`
  /// without saying so, because it is the repository's framework; and a `framework:` line of its own is removed when
  /// `target` is the repository's, so that migrating there and back gives the file it was.
  static func frameworkEdit(
    _ file: SourceFile, _ syntax: FileSyntax, _ valueRange: SourceRange?, source: Framework, _ target: Framework,
    _ configuration: Configuration
  ) -> Diagnostic.Edit? {
    if let range = valueRange {
      let line = file.lineRange(file.line(of: range.start))
      var whole = line
      // With its line break, `\n` or `\r\n`.
      while Int(whole.end) < file.bytes.count, file.bytes[Int(whole.end)] != 0x0A { whole.end += 1 }
      if Int(whole.end) < file.bytes.count { whole.end += 1 }
      if target == configuration.framework,
        file.text(line).split(separator: " ") == ["framework:", "\(file.text(range))"]
      {
        return Diagnostic.Edit(range: whole, replacement: "")
      }
      return file.text(range) == target.id ? nil : Diagnostic.Edit(range: range, replacement: target.id)
    }
    guard target != configuration.framework else { return nil }
    return FrameworkKey.insertion(target, syntax: syntax, file: file)
  }

  /// The practice ids a step names (those the catalogue knows), to rank its candidates.
  static func practices(
    of step: DeclarationSyntax, _ syntax: FileSyntax, _ file: SourceFile, _ configuration: Configuration
  ) -> [String] {
    guard let attribute = syntax.attribute(.practices, of: step), case .words(let span) = attribute.value else {
      return []
    }
    return syntax.words(span).compactMap { configuration.catalogue.resolve($0.text(in: file)).entry?.id }
  }

  /// Where `range` of the old text is in the new one, the edits (none overlapping it) applied.
  static func shifted(_ range: SourceRange, by edits: [Diagnostic.Edit]) -> SourceRange {
    var delta = 0
    for edit in edits where edit.range.end <= range.start {
      delta += edit.replacement.utf8.count - Int(edit.range.end - edit.range.start)
    }
    return SourceRange(start: UInt32(Int(range.start) + delta), end: UInt32(Int(range.end) + delta))
  }
}

extension Compiler {
  /// Migrates one file to `target` (see ``Migration``), or refuses when it does not parse cleanly or names a
  /// framework vstream does not know. The diagnostics are positioned in the new text.
  public static func migrate(
    _ file: SourceFile, to target: Framework, configuration: Configuration = .default,
    parserOptions: ParserOptions = ParserOptions()
  ) -> MigrationResult {
    let parsed = parse(file, options: parserOptions)
    let errors = parsed.diagnostics.filter { $0.severity == .error }
    guard errors.isEmpty else { return .refused(errors) }
    return Migration.migrate(file, syntax: parsed.syntax, to: target, configuration: configuration) {
      check(file, configuration: configuration, options: parserOptions, buildingModel: false).diagnostics
    }
  }
}
