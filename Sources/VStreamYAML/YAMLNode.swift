import VStreamSource

/// A YAML value with the position of every node in the file it came from.
///
/// Scalars keep their text as written (no type resolution): the consumer decides what a key's value must be, and can
/// say so with a precise position. The convenience accessors (`intValue`, `boolValue`, `isNull`) follow the YAML 1.2
/// core schema, so `yes`, `on` and `0x10` stay strings.
///
/// Aliases are resolved by sharing the anchored node (arrays are copy-on-write, so a shared subtree costs nothing);
/// the alias node's own range is where `*name` is written, its children keep the ranges of the anchored definition.
public struct YAMLNode: Hashable, Sendable {
  /// What the node holds.
  public enum Kind: Hashable, Sendable {
    case scalar(String)
    case sequence([YAMLNode])
    case mapping([YAMLPair])
  }

  /// How a scalar is written: `plain`, `'single'`, `"double"`, `|` literal or `>` folded.
  public enum ScalarStyle: Hashable, Sendable {
    case plain, singleQuoted, doubleQuoted, literal, folded
  }

  public var kind: Kind
  /// File-absolute UTF-8 byte offsets. The range starts at the node's properties (`&anchor`, `!tag`) when it has any.
  /// A block collection ends where its last entry ends, a flow collection after its closing bracket, and a block
  /// scalar (`|`, `>`) at its last non-blank character.
  public var range: SourceRange
  /// How the scalar was written; nil for sequences and mappings.
  public var style: ScalarStyle?
  /// The explicit tag, if one was written. Standard tags are kept in their short form whichever way they were written
  /// (`!!str` for `!<tag:yaml.org,2002:str>` too); `!` (the non-specific tag) is kept as `!`. Other tags are
  /// reported as unsupported and dropped, so this is nil for them.
  public var tag: String?

  public init(kind: Kind, range: SourceRange, style: ScalarStyle? = nil, tag: String? = nil) {
    self.kind = kind
    self.range = range
    self.style = style
    self.tag = tag
  }

  /// The text of a scalar; nil for sequences and mappings.
  public var scalar: String? {
    if case .scalar(let text) = kind { return text }
    return nil
  }

  /// The items of a sequence; nil for scalars and mappings.
  public var sequence: [YAMLNode]? {
    if case .sequence(let items) = kind { return items }
    return nil
  }

  /// The pairs of a mapping in source order; nil for scalars and sequences.
  public var mapping: [YAMLPair]? {
    if case .mapping(let pairs) = kind { return pairs }
    return nil
  }

  /// The value of the first pair whose key is the scalar `key`.
  public subscript(key: String) -> YAMLNode? {
    mapping?.first { $0.key.scalar == key }?.value
  }

  /// A null: a plain empty, `~`, `null`, `Null` or `NULL` scalar, or any scalar tagged `!!null`.
  public var isNull: Bool {
    guard let text = scalar else { return false }
    if tag == "!!null" { return true }
    guard isUntaggedPlain else { return false }
    return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
  }

  /// A plain (or `!!int`) decimal integer such as `1`, `+2` or `-3`; nil otherwise, and nil when it does not fit.
  public var intValue: Int? {
    guard let text = scalar, isUntaggedPlain || tag == "!!int" else { return nil }
    var digits = Substring(text)
    if digits.first == "+" || digits.first == "-" { digits = digits.dropFirst() }
    guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
    return Int(text)
  }

  /// A plain (or `!!bool`) `true`/`True`/`TRUE` or `false`/`False`/`FALSE`. YAML 1.2's core schema has no other
  /// booleans: `yes`, `no`, `on` and `off` are strings.
  public var boolValue: Bool? {
    guard let text = scalar, isUntaggedPlain || tag == "!!bool" else { return nil }
    switch text {
    case "true", "True", "TRUE": return true
    case "false", "False", "FALSE": return false
    default: return nil
    }
  }

  /// What the node is, for messages: "a list", "a mapping", "a scalar", "an empty value".
  public var kindDescription: String {
    switch kind {
    case .scalar: return isNull ? "an empty value" : "a scalar"
    case .sequence: return "a list"
    case .mapping: return "a mapping"
    }
  }

  /// Plain and untagged: the only scalars whose type the core schema infers from the text.
  private var isUntaggedPlain: Bool {
    (style == .plain || style == nil) && tag == nil
  }
}
