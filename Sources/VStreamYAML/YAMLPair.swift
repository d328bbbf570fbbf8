/// One `key: value` entry of a mapping.
public struct YAMLPair: Hashable, Sendable {
  public var key: YAMLNode
  public var value: YAMLNode

  public init(key: YAMLNode, value: YAMLNode) {
    self.key = key
    self.value = value
  }
}
