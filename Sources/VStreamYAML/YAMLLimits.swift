/// Bounds that keep hostile YAML harmless: a few kilobytes must not be able to exhaust time, memory or the stack.
public struct YAMLLimits: Hashable, Sendable {
  /// How deeply sequences and mappings may nest. Reaching it stops the read: metadata never needs more.
  public var maxDepth: Int
  /// How many nodes the document may have once every alias is expanded, so a "billion laughs" document stops after
  /// this many nodes instead of after a billion.
  public var maxNodes: Int
  /// How many bytes of YAML are read at all; a larger range is refused without parsing.
  public var maxBytes: Int

  /// Limits generous for front matter and `vstream.yml`, and small enough that the worst input is read in
  /// milliseconds.
  public init(maxDepth: Int = 64, maxNodes: Int = 10_000, maxBytes: Int = 1 << 20) {
    self.maxDepth = maxDepth
    self.maxNodes = maxNodes
    self.maxBytes = maxBytes
  }
}
