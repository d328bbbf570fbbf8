import VStreamSource

/// Builds the node tree from parser events with an explicit stack, enforcing the depth and node limits.
///
/// The builder never recurses, so the depth of the input cannot exhaust the stack; and it counts logical nodes (an
/// alias counts as the whole subtree it stands for), so an alias bomb stops after `maxNodes` nodes of work however
/// far it would expand. Memory stays bounded too: an expanded alias shares the anchored node's storage.
struct YAMLTreeBuilder {
  /// A sequence or mapping whose end has not been seen yet.
  private struct Frame {
    var isMapping: Bool
    var isFlow: Bool
    var start: UInt32
    /// The end of the last thing in the collection: a block collection ends there.
    var end: UInt32
    var anchor: YAMLEvent.Anchor?
    var tag: String?
    var items: [YAMLNode] = []
    var pairs: [YAMLPair] = []
    var pendingKey: YAMLNode?
    /// Where each scalar key was first written, to point at both places of a duplicate.
    var keys: [String: SourceRange] = [:]
    /// Logical nodes in this collection, itself included.
    var size = 1
  }

  private struct Anchored {
    var node: YAMLNode
    var size: Int
  }

  /// The full names of the standard tags, by their short form.
  private static let standardTags: [String: String] = [
    "tag:yaml.org,2002:str": "!!str", "tag:yaml.org,2002:int": "!!int", "tag:yaml.org,2002:float": "!!float",
    "tag:yaml.org,2002:bool": "!!bool", "tag:yaml.org,2002:null": "!!null", "tag:yaml.org,2002:seq": "!!seq",
    "tag:yaml.org,2002:map": "!!map",
  ]

  let limits: YAMLLimits
  private(set) var diagnostics: [Diagnostic] = []
  /// Set when a fatal problem ended the read; the tree is then incomplete and not returned.
  private(set) var stopped = false
  private var root: YAMLNode?
  private var stack: [Frame] = []
  private var anchors: [String: Anchored] = [:]
  /// Logical nodes so far, aliases counted at their expanded size.
  private var total = 0
  private var sawAlias = false
  private var documents = 0

  init(limits: YAMLLimits) {
    self.limits = limits
  }

  /// The document's root: nil when the document is empty or the read stopped.
  var result: YAMLNode? {
    guard !stopped, let root = root else { return nil }
    // An explicit empty document (`---` and nothing else) gives an empty plain scalar; it is as empty as no document.
    if root.scalar == "", root.style == .plain, root.tag == nil { return nil }
    return root
  }

  /// Records a fatal problem found outside the builder (a syntax error): the tree is incomplete.
  mutating func stop(with diagnostic: Diagnostic) {
    diagnostics.append(diagnostic)
    stopped = true
  }

  /// Takes one event; false once the read must stop.
  mutating func handle(_ event: YAMLEvent) -> Bool {
    guard !stopped else { return false }
    switch event {
    case .documentStart(let range):
      documents += 1
      if documents > 1 {
        // The first document is complete, so it is kept: its own problems are reported in the same run.
        diagnostics.append(YAMLMessages.multipleDocumentsDiagnostic(at: range))
        return false
      }
    case .scalar(let text, let style, let range, let anchor, let tag):
      guard count(1, at: range) else { break }
      add(YAMLNode(kind: .scalar(text), range: range, style: style, tag: checked(tag)), size: 1, anchor: anchor)
    case .collectionStart(let isMapping, let isFlow, let range, let anchor, let tag):
      if stack.count >= limits.maxDepth {
        stop(with: YAMLMessages.tooDeepDiagnostic(limit: limits.maxDepth, at: range))
        break
      }
      guard count(1, at: range) else { break }
      stack.append(
        Frame(
          isMapping: isMapping, isFlow: isFlow, start: range.start, end: range.end, anchor: anchor, tag: checked(tag)))
    case .collectionEnd(let range):
      guard let frame = stack.popLast() else { break }
      let end = frame.isFlow ? Swift.max(frame.start, range.end) : frame.end
      let kind: YAMLNode.Kind = frame.isMapping ? .mapping(frame.pairs) : .sequence(frame.items)
      add(
        YAMLNode(kind: kind, range: SourceRange(start: frame.start, end: end), tag: frame.tag), size: frame.size,
        anchor: frame.anchor)
    case .alias(let name, let range):
      sawAlias = true
      // An anchor on a collection that is still open names the collection itself (YAML defines the anchor where it
      // is written), even when an earlier value had the same anchor: the alias would make the value infinite.
      if let anchor = stack.last(where: { $0.anchor?.name == name })?.anchor {
        stop(with: YAMLMessages.recursiveAliasDiagnostic(name, at: range, anchor: anchor.range))
        break
      }
      guard let anchored = anchors[name] else {
        stop(with: YAMLMessages.undefinedAliasDiagnostic(name, at: range))
        break
      }
      guard count(anchored.size, at: range) else { break }
      var node = anchored.node
      node.range = range
      add(node, size: anchored.size, anchor: nil)
    }
    return !stopped
  }

  /// Counts `size` more logical nodes; false (and stopped) when that passes the limit.
  private mutating func count(_ size: Int, at range: SourceRange) -> Bool {
    total += size
    guard total > limits.maxNodes else { return true }
    stop(with: YAMLMessages.tooManyValues(limit: limits.maxNodes, at: range, aliases: sawAlias))
    return false
  }

  /// Keeps a standard tag in its short form; reports any other tag and drops it.
  private mutating func checked(_ tag: YAMLEvent.Tag?) -> String? {
    guard let tag = tag else { return nil }
    if tag.resolved == "!" { return "!" }
    if let short = Self.standardTags[tag.resolved] { return short }
    diagnostics.append(YAMLMessages.unsupportedTagDiagnostic(tag.written, at: tag.range))
    return nil
  }

  /// Adds a finished node to the collection being built, or makes it the root.
  private mutating func add(_ node: YAMLNode, size: Int, anchor: YAMLEvent.Anchor?) {
    if let anchor = anchor { anchors[anchor.name] = Anchored(node: node, size: size) }
    guard !stack.isEmpty else {
      root = node
      return
    }
    // Mutating through the index keeps the arrays uniquely referenced, so appending never copies them.
    let top = stack.count - 1
    stack[top].size += size
    stack[top].end = Swift.max(stack[top].end, node.range.end)
    guard stack[top].isMapping else {
      stack[top].items.append(node)
      return
    }
    if let key = stack[top].pendingKey {
      stack[top].pairs.append(YAMLPair(key: key, value: node))
      stack[top].pendingKey = nil
      return
    }
    stack[top].pendingKey = node
    guard let text = node.scalar else {
      diagnostics.append(YAMLMessages.complexKeyDiagnostic(kind: node.kindDescription, at: node.range))
      return
    }
    if text == "<<", node.style == .plain, node.tag == nil {
      diagnostics.append(YAMLMessages.mergeKeyDiagnostic(at: node.range))
    }
    if let first = stack[top].keys[text] {
      diagnostics.append(YAMLMessages.duplicateKeyDiagnostic(text, at: node.range, first: first))
    } else {
      stack[top].keys[text] = node.range
    }
  }
}
