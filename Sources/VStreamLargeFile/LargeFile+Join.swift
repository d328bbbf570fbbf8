import VStreamSource
import VStreamSyntax

extension LargeFile {
  /// The tree of one parse of consecutive parts of a file, from the trees of the parts each parsed on its own (the
  /// head, then `Parser.parseLines` over consecutive ranges of the body): each list is the parts' lists one after
  /// the other, and each span (a declaration's attributes, a flow's nodes and arrows, a list attribute's words or
  /// strings) is moved by the length of the lists before its part. This is the only place spans are shifted.
  ///
  /// The byte order mark and the front matter are the first part's; the later parts' are not looked at.
  static func join(_ parts: [FileSyntax]) -> FileSyntax {
    guard var tree = parts.first else { return FileSyntax() }
    guard parts.count > 1 else { return tree }
    tree.items = []
    tree.attributeList = []
    tree.listElements = []
    tree.flowNodeList = []
    tree.flowArrowList = []
    tree.comments = []
    tree.directives = []
    tree.items.reserveCapacity(parts.reduce(0) { $0 + $1.items.count })
    tree.attributeList.reserveCapacity(parts.reduce(0) { $0 + $1.attributeList.count })
    tree.listElements.reserveCapacity(parts.reduce(0) { $0 + $1.listElements.count })
    tree.flowNodeList.reserveCapacity(parts.reduce(0) { $0 + $1.flowNodeList.count })
    tree.flowArrowList.reserveCapacity(parts.reduce(0) { $0 + $1.flowArrowList.count })
    tree.comments.reserveCapacity(parts.reduce(0) { $0 + $1.comments.count })
    for part in parts {
      let attributeShift = UInt32(tree.attributeList.count)
      let (nodeShift, arrowShift) = (UInt32(tree.flowNodeList.count), UInt32(tree.flowArrowList.count))
      let elementShift = UInt32(tree.listElements.count)
      for item in part.items {
        switch item {
        case .declaration(var declaration):
          declaration.attributeSpan.start += attributeShift
          tree.items.append(.declaration(declaration))
        case .flow(var flow):
          flow.nodeSpan.start += nodeShift
          flow.arrowSpan.start += arrowShift
          tree.items.append(.flow(flow))
        }
      }
      for var attribute in part.attributeList {
        switch attribute.value {
        case .words(var span):
          span.start += elementShift
          attribute.value = .words(span)
        case .strings(var span):
          span.start += elementShift
          attribute.value = .strings(span)
        default:
          break
        }
        tree.attributeList.append(attribute)
      }
      tree.listElements += part.listElements
      tree.flowNodeList += part.flowNodeList
      tree.flowArrowList += part.flowArrowList
      tree.comments += part.comments
      tree.directives += part.directives
    }
    return tree
  }
}
