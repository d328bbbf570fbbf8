import VStreamSource

/// A YAML value with the position of every node in the file it came from.
///
/// Scalars keep their text as written (no type resolution): the consumer decides what a key's value must be, and
/// can say so with a precise position. Aliases are resolved by sharing the anchored node (arrays are copy-on-write,
/// so a shared subtree costs nothing), and their expanded size is bounded by ``YAMLLimits/maxNodes``.
public struct YAMLNode: Hashable, Sendable {
  public enum Kind: Hashable, Sendable {
    case scalar(String)
    case sequence([YAMLNode])
    case mapping([YAMLPair])
  }

  public enum ScalarStyle: Hashable, Sendable {
    case plain, singleQuoted, doubleQuoted, literal, folded
  }

  public var kind: Kind
  /// File-absolute UTF-8 byte offsets.
  public var range: SourceRange
  /// For scalars: how the scalar was written.
  public var style: ScalarStyle?
  /// The explicit tag, resolved (`!!str` is `tag:yaml.org,2002:str`), if one was written.
  public var tag: String?

  public init(kind: Kind, range: SourceRange, style: ScalarStyle? = nil, tag: String? = nil) {
    self.kind = kind
    self.range = range
    self.style = style
    self.tag = tag
  }

  public var scalar: String? {
    if case .scalar(let text) = kind { return text }
    return nil
  }

  public var sequence: [YAMLNode]? {
    if case .sequence(let items) = kind { return items }
    return nil
  }

  public var mapping: [YAMLPair]? {
    if case .mapping(let pairs) = kind { return pairs }
    return nil
  }

  /// The value of the first pair whose key is the scalar `key`.
  public subscript(key: String) -> YAMLNode? {
    mapping?.first { $0.key.scalar == key }?.value
  }

  /// A plain `~`, `null` (any case) or empty scalar.
  public var isNull: Bool {
    guard let text = scalar, style == .plain || style == nil, tag == nil || tag == "tag:yaml.org,2002:null" else { return false }
    return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
  }

  /// A plain decimal integer such as `1` or `-3` (YAML 1.2 core schema).
  public var intValue: Int? {
    guard let text = scalar, style == .plain || style == nil else { return nil }
    return Int(text)
  }

  /// A plain `true` or `false` (YAML 1.2 core schema: `yes`/`no`/`on`/`off` are strings).
  public var boolValue: Bool? {
    guard let text = scalar, style == .plain || style == nil else { return nil }
    switch text {
    case "true", "True", "TRUE": return true
    case "false", "False", "FALSE": return false
    default: return nil
    }
  }

  /// What the node is, for messages: "a list", "a mapping", "a string".
  public var kindDescription: String {
    switch kind {
    case .scalar: return isNull ? "an empty value" : "a scalar"
    case .sequence: return "a list"
    case .mapping: return "a mapping"
    }
  }
}

/// One `key: value` entry of a mapping.
public struct YAMLPair: Hashable, Sendable {
  public var key: YAMLNode
  public var value: YAMLNode

  public init(key: YAMLNode, value: YAMLNode) {
    self.key = key
    self.value = value
  }
}

/// Bounds that keep hostile YAML harmless.
public struct YAMLLimits: Hashable, Sendable {
  /// Nesting of sequences and mappings.
  public var maxDepth: Int
  /// Nodes after alias expansion: a "billion laughs" document stops here.
  public var maxNodes: Int
  /// Bytes of YAML read at all.
  public var maxBytes: Int

  public init(maxDepth: Int = 64, maxNodes: Int = 10_000, maxBytes: Int = 1 << 20) {
    self.maxDepth = maxDepth
    self.maxNodes = maxNodes
    self.maxBytes = maxBytes
  }
}
