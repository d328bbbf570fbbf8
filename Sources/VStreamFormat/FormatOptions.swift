import VStreamModel

/// Options for the canonical layout.
public struct FormatOptions: Sendable {
  /// Flow chains longer than this many columns (the `flow` keyword, names and arrows; not the label or a trailing
  /// comment) are wrapped before an arrow onto `  -> ...` continuation lines.
  public var flowWidth: Int
  /// The framework of a file whose front matter names none (the repository's): activity aliases are rewritten to
  /// that framework's ids, and `build` stays `build` in an ITIL (Version 5) stream.
  public var framework: Framework

  /// Writes `d` and `w` as `wd` and `ww`: under the legacy `time: hours-per-day` setting they mean a working day
  /// and week already, so this keeps every figure and lets the file move to `working-day` (see VS505).
  public var daysAsWorkingDays: Bool

  public init(flowWidth: Int = 100, daysAsWorkingDays: Bool = false, framework: Framework = .itil4) {
    self.flowWidth = flowWidth
    self.daysAsWorkingDays = daysAsWorkingDays
    self.framework = framework
  }
}
