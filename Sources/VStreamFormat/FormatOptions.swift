/// Options for the canonical layout.
public struct FormatOptions: Sendable {
  /// Flow chains longer than this many columns (the `flow` keyword, names and arrows; not the label or a trailing
  /// comment) are wrapped before an arrow onto `  -> ...` continuation lines.
  public var flowWidth: Int

  public init(flowWidth: Int = 100) {
    self.flowWidth = flowWidth
  }
}
