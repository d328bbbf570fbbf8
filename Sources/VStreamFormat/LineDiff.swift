/// Which lines of two texts are changes: the old lines to delete and the new lines to insert, so that the lines left
/// over are equal in order.
///
/// The search is Myers' linear-space algorithm ("An O(ND) Difference Algorithm and Its Variations", 1986, section
/// 4b), divide and conquer on the middle snake, in the shape of diff-match-patch's `diff_bisect`. Two things keep it
/// fast on large inputs, as GNU diff does: lines that occur on one side only are changes whatever the alignment and
/// are set aside before the search (this keeps the result minimal), and a search that passes `costLimit` edits
/// splits at the furthest point it reached instead of going on, which bounds the time by about
/// (N+M)·`costLimit` at the price of a possibly longer script.
struct LineDiff {
  /// `deleted[i]`: old line `i` is not kept.
  private(set) var deleted: [Bool]
  /// `inserted[j]`: new line `j` is not in the old text.
  private(set) var inserted: [Bool]

  /// `old` and `new` are lines as small integers: equal lines, equal numbers.
  init(old: [Int], new: [Int], costLimit: Int? = nil) {
    deleted = Array(repeating: false, count: old.count)
    inserted = Array(repeating: false, count: new.count)
    let symbols = max(old.max() ?? -1, new.max() ?? -1) + 1
    var inOld = Array(repeating: false, count: symbols)
    var inNew = Array(repeating: false, count: symbols)
    for symbol in old { inOld[symbol] = true }
    for symbol in new { inNew[symbol] = true }
    var oldKept: [Int] = []
    var newKept: [Int] = []
    for (index, symbol) in old.enumerated() {
      if inNew[symbol] { oldKept.append(index) } else { deleted[index] = true }
    }
    for (index, symbol) in new.enumerated() {
      if inOld[symbol] { newKept.append(index) } else { inserted[index] = true }
    }
    let limit = costLimit ?? Self.defaultCostLimit(oldKept.count + newKept.count)
    var search = Search(x: oldKept.map { old[$0] }, y: newKept.map { new[$0] }, costLimit: limit)
    search.run()
    for (index, changed) in search.xChanged.enumerated() where changed { deleted[oldKept[index]] = true }
    for (index, changed) in search.yChanged.enumerated() where changed { inserted[newKept[index]] = true }
  }

  /// About the square root of the input size, and never below 256 so that everyday diffs are minimal.
  static func defaultCostLimit(_ size: Int) -> Int {
    var root = 1
    while root * root < size { root *= 2 }
    return max(256, root)
  }

  /// The divide-and-conquer search over the lines both sides share.
  private struct Search {
    let x: [Int]
    let y: [Int]
    let costLimit: Int
    var xChanged: [Bool]
    var yChanged: [Bool]
    /// Furthest x reached on each diagonal, forward and (in mirrored coordinates) backward; reused by every box.
    var forward: [Int] = []
    var backward: [Int] = []

    init(x: [Int], y: [Int], costLimit: Int) {
      self.x = x
      self.y = y
      self.costLimit = max(2, costLimit)
      xChanged = Array(repeating: false, count: x.count)
      yChanged = Array(repeating: false, count: y.count)
    }

    mutating func run() {
      // An explicit stack: with the cost limit, a long input can split many times in a row.
      var boxes = [(x0: 0, x1: x.count, y0: 0, y1: y.count)]
      while var box = boxes.popLast() {
        while box.x0 < box.x1, box.y0 < box.y1, x[box.x0] == y[box.y0] {
          box.x0 += 1
          box.y0 += 1
        }
        while box.x0 < box.x1, box.y0 < box.y1, x[box.x1 - 1] == y[box.y1 - 1] {
          box.x1 -= 1
          box.y1 -= 1
        }
        if box.x0 == box.x1 || box.y0 == box.y1 {
          markChanged(box.x0, box.x1, box.y0, box.y1)
          continue
        }
        let n = box.x1 - box.x0
        let m = box.y1 - box.y0
        guard let (splitX, splitY) = bisect(box.x0, box.y0, n, m),
          (splitX, splitY) != (0, 0), (splitX, splitY) != (n, m)
        else {
          // No split that makes progress (not expected): replacing the box whole is still a correct script.
          markChanged(box.x0, box.x1, box.y0, box.y1)
          continue
        }
        boxes.append((box.x0 + splitX, box.x1, box.y0 + splitY, box.y1))
        boxes.append((box.x0, box.x0 + splitX, box.y0, box.y0 + splitY))
      }
    }

    mutating func markChanged(_ x0: Int, _ x1: Int, _ y0: Int, _ y1: Int) {
      for index in x0..<x1 { xChanged[index] = true }
      for index in y0..<y1 { yChanged[index] = true }
    }

    /// A point of a shortest path through the box of `n` old and `m` new lines at (`x0`, `y0`), relative to the box;
    /// past the cost limit, the furthest point the forward search reached.
    mutating func bisect(_ x0: Int, _ y0: Int, _ n: Int, _ m: Int) -> (Int, Int)? {
      let maxD = (n + m + 1) / 2
      let reach = min(maxD, costLimit) + 1
      let offset = reach
      let length = 2 * reach + 2
      if forward.count < length {
        forward = Array(repeating: -1, count: length)
        backward = Array(repeating: -1, count: length)
      }
      for index in 0..<length {
        forward[index] = -1
        backward[index] = -1
      }
      forward[offset + 1] = 0
      backward[offset + 1] = 0
      let delta = n - m
      // With an odd delta the paths meet on a forward step, with an even one on a backward step.
      let front = delta % 2 != 0
      var k1Start = 0
      var k1End = 0
      var k2Start = 0
      var k2End = 0
      for d in 0..<maxD {
        if d == costLimit {
          return furthestForward(d: d - 1, k1Start: k1Start, k1End: k1End, offset: offset, n: n, m: m)
        }
        var k1 = -d + k1Start
        while k1 <= d - k1End {
          let index = offset + k1
          var x1 =
            (k1 == -d || (k1 != d && forward[index - 1] < forward[index + 1]))
            ? forward[index + 1] : forward[index - 1] + 1
          var y1 = x1 - k1
          while x1 < n, y1 < m, x[x0 + x1] == y[y0 + y1] {
            x1 += 1
            y1 += 1
          }
          forward[index] = x1
          if x1 > n {
            k1End += 2  // ran off the right of the box
          } else if y1 > m {
            k1Start += 2  // ran off the bottom
          } else if front {
            let mirror = offset + delta - k1
            if mirror >= 0, mirror < length, backward[mirror] != -1, x1 >= n - backward[mirror] { return (x1, y1) }
          }
          k1 += 2
        }
        var k2 = -d + k2Start
        while k2 <= d - k2End {
          let index = offset + k2
          var x2 =
            (k2 == -d || (k2 != d && backward[index - 1] < backward[index + 1]))
            ? backward[index + 1] : backward[index - 1] + 1
          var y2 = x2 - k2
          while x2 < n, y2 < m, x[x0 + n - x2 - 1] == y[y0 + m - y2 - 1] {
            x2 += 1
            y2 += 1
          }
          backward[index] = x2
          if x2 > n {
            k2End += 2
          } else if y2 > m {
            k2Start += 2
          } else if !front {
            let mirror = offset + delta - k2
            if mirror >= 0, mirror < length, forward[mirror] != -1 {
              let x1 = forward[mirror]
              let y1 = offset + x1 - mirror
              if x1 >= n - x2 { return (x1, y1) }
            }
          }
          k2 += 2
        }
      }
      return nil
    }

    /// The forward point inside the box with the most progress (x + y) after `d` edits.
    func furthestForward(d: Int, k1Start: Int, k1End: Int, offset: Int, n: Int, m: Int) -> (Int, Int)? {
      var best: (Int, Int)?
      var k = -d + k1Start
      while k <= d - k1End {
        let x1 = forward[offset + k]
        let y1 = x1 - k
        if x1 >= 0, x1 <= n, y1 >= 0, y1 <= m, best.map({ x1 + y1 > $0.0 + $0.1 }) ?? true { best = (x1, y1) }
        k += 2
      }
      return best
    }
  }
}
