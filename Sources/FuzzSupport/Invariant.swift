import VStream
import VStreamReport
import VStreamSource

/// The checks the fuzz harnesses make besides "does not crash": each broken invariant is a crash, so libFuzzer keeps
/// the input that broke it as a finding.
public enum Invariant {
  /// Stops the process with `message` when `holds` is false. `fatalError` traps in every build configuration, unlike
  /// `assert`, and the fuzz targets are built optimised.
  public static func require(
    _ holds: @autoclosure () -> Bool, _ message: @autoclosure () -> String, file: StaticString = #fileID,
    line: UInt = #line
  ) {
    if !holds() { fatalError("invariant broken: \(message())", file: file, line: line) }
  }

  /// A range lies inside `bounds` (by default the whole file) and does not end before it starts.
  public static func inside(
    _ range: SourceRange, _ file: SourceFile, bounds: SourceRange? = nil, _ what: @autoclosure () -> String,
    line: UInt = #line
  ) {
    let limit = bounds ?? SourceRange(start: 0, end: UInt32(file.bytes.count))
    require(
      range.start <= range.end && range.start >= limit.start && range.end <= limit.end,
      "\(what()) has range \(range.start)..<\(range.end), outside \(limit.start)..<\(limit.end)", line: line)
  }

  /// What every stage's diagnostics promise: positions inside the file (or `bounds`), a code that `vstream explain`
  /// knows, a non-empty message, and renderers that show them without trouble.
  public static func diagnostics(_ diagnostics: [Diagnostic], in file: SourceFile, bounds: SourceRange? = nil) {
    for diagnostic in diagnostics {
      inside(diagnostic.range, file, bounds: bounds, "diagnostic \(diagnostic.code)")
      for label in diagnostic.secondary where label.path == nil {
        inside(label.range, file, bounds: bounds, "a secondary label of \(diagnostic.code)")
      }
      if let suppression = diagnostic.suppression?.range {
        inside(suppression, file, "the suppression of \(diagnostic.code)")
      }
      require(Compiler.rules.contains { $0.code == diagnostic.code }, "\(diagnostic.code) is not a known rule")
      require(!diagnostic.message.isEmpty, "\(diagnostic.code) has an empty message")
      let short = ShortRenderer.render(diagnostic, in: file)
      require(
        short.contains(diagnostic.code.rawValue), "the gcc-style line of \(diagnostic.code) does not name it: \(short)")
      let human = HumanRenderer().render(diagnostic, in: file)
      require(!human.isEmpty, "the human rendering of \(diagnostic.code) is empty")
    }
  }
}
