import VStreamSyntax

/// The declarations of one kind, in source order, as positions in the file's items.
///
/// The rules read "the steps" everywhere; holding them as positions costs four bytes a step instead of a copy of each
/// declaration, which matters for memory on a stream of 100,000s of steps.
struct DeclarationList: RandomAccessCollection {
  private let items: [ItemSyntax]
  private var positions: [Int32] = []

  init(items: [ItemSyntax]) {
    self.items = items
  }

  mutating func reserveCapacity(_ count: Int) { positions.reserveCapacity(count) }

  /// Adds the declaration at `position` in the items.
  mutating func append(position: Int) { positions.append(Int32(position)) }

  var startIndex: Int { 0 }
  var endIndex: Int { positions.count }

  subscript(index: Int) -> DeclarationSyntax {
    guard case .declaration(let declaration) = items[Int(positions[index])] else {
      preconditionFailure("a declaration list holds only positions of declarations")
    }
    return declaration
  }
}
