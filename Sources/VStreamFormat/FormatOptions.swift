import VStreamModel

/// Options for the canonical layout.
public struct FormatOptions: Sendable {
  /// Flow chains longer than this many columns (the `flow` keyword, names and arrows; not the label or a trailing
  /// comment) are wrapped before an arrow onto `  -> ...` continuation lines.
  public var flowWidth: Int
  /// The framework of a file whose front matter names none (the repository's): activity aliases are rewritten to
  /// that framework's ids, and `build` stays `build` in an ITIL (Version 5) stream.
  public var framework: Framework

  public init(flowWidth: Int = 100, framework: Framework = .itil4) {
    self.flowWidth = flowWidth
    self.framework = framework
  }
}
