import VStreamSource
import VStreamYAML

extension Invariant {
  /// A YAML tree that `YAMLReader` returned stays within its limits, with every node inside the YAML that was read.
  /// The walk counts aliases at their expanded size, as the limit does, and stops once the count passes the limit,
  /// so a tree that broke the limit cannot make the check itself slow.
  public static func yaml(_ root: YAMLNode, in file: SourceFile, bounds: SourceRange, limits: YAMLLimits) {
    var pending: [(node: YAMLNode, depth: Int)] = [(root, root.scalar == nil ? 1 : 0)]
    var nodes = 0
    while let (node, depth) = pending.popLast() {
      nodes += 1
      require(nodes <= limits.maxNodes, "the tree has more than \(limits.maxNodes) nodes")
      require(depth <= limits.maxDepth, "the tree nests \(depth) collections, more than \(limits.maxDepth)")
      inside(node.range, file, bounds: bounds, "a YAML node")
      let children: [YAMLNode]
      switch node.kind {
      case .scalar: children = []
      case .sequence(let items): children = items
      case .mapping(let pairs): children = pairs.flatMap { [$0.key, $0.value] }
      }
      for child in children { pending.append((child, child.scalar == nil ? depth + 1 : depth)) }
    }
  }
}
