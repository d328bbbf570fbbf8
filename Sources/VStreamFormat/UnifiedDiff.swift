/// Unified diffs (`diff -u` style) for `vstream fmt --diff`.
public enum UnifiedDiff {
  /// The diff from `old` to `new`, or "" when they are equal. Lines are compared whole; the edit script is Myers'
  /// O((N+M)·D) algorithm, so a formatting change to a large file stays fast.
  public static func diff(old: String, new: String, oldPath: String, newPath: String, context: Int = 3) -> String {
    guard old != new else { return "" }
    // Split on line feeds as Unicode scalars: as Characters, "\r\n" is one grapheme and would not split.
    let a = lines(old)
    let b = lines(new)
    let script = editScript(a, b)
    // Group changes into hunks with `context` lines around them.
    var out = "--- \(oldPath)\n+++ \(newPath)\n"
    var index = 0
    while index < script.count {
      guard let firstChange = script[index...].firstIndex(where: { $0.kind != .same }) else { break }
      let start = max(index, firstChange - context)
      var end = firstChange
      var lastChange = firstChange
      while end < script.count {
        if script[end].kind != .same { lastChange = end }
        if end - lastChange > 2 * context { break }
        end += 1
      }
      end = min(script.count, lastChange + context + 1)
      let hunk = script[start..<end]
      let oldStart = hunk.first { $0.kind != .insert }?.oldLine ?? (script[start].oldLine)
      let newStart = hunk.first { $0.kind != .delete }?.newLine ?? (script[start].newLine)
      let oldCount = hunk.filter { $0.kind != .insert }.count
      let newCount = hunk.filter { $0.kind != .delete }.count
      out += "@@ -\(oldCount == 0 ? oldStart : oldStart + 1),\(oldCount) +\(newCount == 0 ? newStart : newStart + 1),\(newCount) @@\n"
      for line in hunk {
        switch line.kind {
        case .same: out += " " + printable(a[line.oldLine]) + "\n"
        case .delete: out += "-" + printable(a[line.oldLine]) + "\n"
        case .insert: out += "+" + printable(b[line.newLine]) + "\n"
        }
      }
      index = end
    }
    return out
  }

  /// The lines of a text; a final line break ends the last line rather than starting an empty one.
  static func lines(_ text: String) -> [String] {
    var lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { String(String.UnicodeScalarView($0)) }
    if text.unicodeScalars.last == "\n" {
      lines.removeLast()
    } else if !lines.isEmpty {
      // A last line without its line break differs from the same text with one.
      lines[lines.count - 1] += openEnd
    }
    return lines
  }

  static let openEnd = "\u{FFFF}"

  static func printable(_ line: String) -> String {
    line.hasSuffix(openEnd) ? String(line.dropLast()) + "\n\\ No newline at end of file" : line
  }

  struct Line {
    enum Kind { case same, delete, insert }
    var kind: Kind
    /// 0-based positions in the old and new files (for an insert, the old position it comes before, and so on).
    var oldLine: Int
    var newLine: Int
  }

  /// Myers' shortest edit script.
  static func editScript(_ a: [String], _ b: [String]) -> [Line] {
    let n = a.count
    let m = b.count
    let maximum = n + m
    var v = [Int](repeating: 0, count: 2 * maximum + 2)
    var trace: [[Int]] = []
    var found = false
    for d in 0...maximum {
      trace.append(v)
      for k in stride(from: -d, through: d, by: 2) {
        var x = (k == -d || (k != d && v[k - 1 + maximum] < v[k + 1 + maximum])) ? v[k + 1 + maximum] : v[k - 1 + maximum] + 1
        var y = x - k
        while x < n, y < m, a[x] == b[y] {
          x += 1
          y += 1
        }
        v[k + maximum] = x
        if x >= n && y >= m {
          found = true
          break
        }
      }
      if found { break }
    }
    // Walk back through the trace.
    var script: [Line] = []
    var x = n
    var y = m
    for d in stride(from: trace.count - 1, through: 0, by: -1) {
      let v = trace[d]
      let k = x - y
      let previousK = (k == -d || (k != d && v[k - 1 + maximum] < v[k + 1 + maximum])) ? k + 1 : k - 1
      let previousX = v[previousK + maximum]
      let previousY = previousX - previousK
      while x > previousX, y > previousY {
        x -= 1
        y -= 1
        script.append(Line(kind: .same, oldLine: x, newLine: y))
      }
      if d > 0 {
        if x == previousX {
          y -= 1
          script.append(Line(kind: .insert, oldLine: x, newLine: y))
        } else {
          x -= 1
          script.append(Line(kind: .delete, oldLine: x, newLine: y))
        }
      }
    }
    return script.reversed()
  }
}
