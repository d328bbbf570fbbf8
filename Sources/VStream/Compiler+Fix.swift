import VStreamCheck
import VStreamSource
import VStreamSyntax

extension Compiler {
  /// The result of fixing one file: its new bytes (nil when nothing was fixed) and how many fixes were applied.
  public struct Fixed: Sendable {
    public var bytes: [UInt8]?
    public var applied: Int
  }

  /// The fixes `vstream check --fix` applies to a finding: its first fix when that is safe, or with `unsafe` when
  /// it is the finding's only fix (a did-you-mean with one candidate). Suppressed findings are left alone.
  public static func applicableFix(_ diagnostic: Diagnostic, unsafe: Bool) -> Diagnostic.Fix? {
    guard !diagnostic.isSuppressed, let first = diagnostic.fixes.first else { return nil }
    if first.safety == .safe { return first }
    return unsafe && diagnostic.fixes.count == 1 ? first : nil
  }

  /// Applies the fixes of `file`'s findings, checking again after each round until no fix applies (a fix can
  /// reveal another: an alias repeated in one step is first renamed, then removed as a repeat). At most `rounds`
  /// rounds, so that fixes that undo each other cannot loop. No I/O: the caller writes the bytes.
  public static func fixing(
    _ file: SourceFile, configuration: Configuration = .default, options: ParserOptions = ParserOptions(),
    unsafe: Bool = false, rounds: Int = 4
  ) -> Fixed {
    var current = file
    var applied = 0
    for _ in 0..<rounds {
      let diagnostics = check(current, configuration: configuration, options: options, buildingModel: false).diagnostics
      let fixes = Diagnostic.Edit.compatible(diagnostics.compactMap { applicableFix($0, unsafe: unsafe) })
      guard !fixes.isEmpty else { break }
      applied += fixes.count
      current = SourceFile(
        path: file.path, bytes: Diagnostic.Edit.apply(fixes.flatMap(\.edits), to: Array(current.bytes)))
    }
    return Fixed(bytes: applied > 0 ? Array(current.bytes) : nil, applied: applied)
  }
}
