/// One of the tree's two large lists (items, attributes) as a parse appends to it: an array of its own, or, for a
/// piece of a large body parsed on its own core, a region of the storage the whole tree's list is built in.
///
/// A piece that writes where the tree's list will be is not copied into it when the pieces are joined: that copy
/// wrote half of a large file's tree a second time, on one core, into memory touched for the first time.
struct TreeList<Element> {
  private var array: [Element]
  /// The start of the piece's region, or nil for a list that is an array.
  private let region: UnsafeMutablePointer<Element>?
  private let capacity: Int
  /// How many elements the region holds (initialised, from its start).
  private(set) var regionCount = 0
  /// Where the list starts in the tree's list: 0 for an array, the region's place for a piece.
  let offset: Int
  /// Set when an element did not fit in the region: it was not kept, and the piece must be parsed again.
  private(set) var overflowed = false

  init(array: [Element] = []) {
    self.array = array
    self.region = nil
    self.capacity = 0
    self.offset = 0
  }

  /// A piece's list in `capacity` elements at `region`, which is place `offset` of the tree's list.
  init(region: UnsafeMutablePointer<Element>, offset: Int, capacity: Int) {
    self.array = []
    self.region = region
    self.capacity = capacity
    self.offset = offset
  }

  var isRegion: Bool { region != nil }

  /// The place in the tree's list the next element takes.
  var endIndex: Int { offset + (region == nil ? array.count : regionCount) }

  var last: Element? {
    guard let region else { return array.last }
    return regionCount > 0 ? region[regionCount - 1] : nil
  }

  // Inlined: the parser appends a million attributes to a large stream, and a call each was a tenth of that.
  @inline(__always)
  mutating func append(_ element: Element) {
    guard let region else { return array.append(element) }
    guard regionCount < capacity else {
      overflowed = true
      return
    }
    (region + regionCount).initialize(to: element)
    regionCount += 1
  }

  /// The element at place `index` of the tree's list (one this list appended).
  subscript(index: Int) -> Element {
    guard let region else { return array[index - offset] }
    precondition(index >= offset && index < offset + regionCount, "a piece reads only what it appended")
    return region[index - offset]
  }

  /// The array of a list that is not a region, leaving this list empty (so that the array is not shared).
  mutating func takeArray() -> [Element] {
    defer { array = [] }
    return array
  }
}
