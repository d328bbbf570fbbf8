/// Unified diffs in the shape of `diff -u`, for `vstream fmt --diff`.
public enum UnifiedDiff {
  /// The diff from `old` to `new` with `context` unchanged lines around each change, or "" when the texts have the
  /// same bytes.
  ///
  /// Headers are `--- oldPath` and `+++ newPath` (no timestamps); hunks are `@@ -l,s +l,s @@` with a count of 1
  /// left out, as GNU diff writes them; a last line without a line break is followed by
  /// `\ No newline at end of file`. Lines are compared as bytes, a carriage return included, so CRLF files diff as
  /// they are. The edit script is minimal for everyday inputs and computed in bounded time for huge ones (see
  /// ``LineDiff``).
  public static func diff(old: String, new: String, oldPath: String, newPath: String, context: Int = 3) -> String {
    // Byte comparison: String equality is canonical equivalence, which would hide a change of normalisation form.
    guard !old.utf8.elementsEqual(new.utf8) else { return "" }
    var interner = LineInterner()
    let a = interner.lines(of: old)
    let b = interner.lines(of: new)
    let changes = LineDiff(old: a.map(\.symbol), new: b.map(\.symbol))
    let context = max(0, context)

    var out = "--- \(oldPath)\n+++ \(newPath)\n"
    let groups = changeGroups(changes)
    var groupIndex = 0
    while groupIndex < groups.count {
      // A hunk takes every following group whose gap of unchanged lines its context would cover.
      var last = groupIndex
      while last + 1 < groups.count, groups[last + 1].oldStart - groups[last].oldEnd <= 2 * context { last += 1 }
      let first = groups[groupIndex]
      let oldStart = max(0, first.oldStart - context)
      let newStart = first.newStart - (first.oldStart - oldStart)
      let oldEnd = min(a.count, groups[last].oldEnd + context)
      // Unchanged lines pair up one to one, so the new side has as much context as the old.
      let newEnd = groups[last].newEnd + (oldEnd - groups[last].oldEnd)
      out += "@@ -\(range(oldStart, oldEnd)) +\(range(newStart, newEnd)) @@\n"
      var i = oldStart
      for group in groups[groupIndex...last] {
        for index in i..<group.oldStart { out += line(" ", a[index]) }
        for index in group.oldStart..<group.oldEnd { out += line("-", a[index]) }
        for index in group.newStart..<group.newEnd { out += line("+", b[index]) }
        i = group.oldEnd
      }
      for index in i..<oldEnd { out += line(" ", a[index]) }
      groupIndex = last + 1
    }
    return out
  }

  /// A run of changed lines: old lines `oldStart..<oldEnd` replaced by new lines `newStart..<newEnd`.
  struct ChangeGroup {
    var oldStart: Int
    var oldEnd: Int
    var newStart: Int
    var newEnd: Int
  }

  static func changeGroups(_ changes: LineDiff) -> [ChangeGroup] {
    var groups: [ChangeGroup] = []
    var i = 0
    var j = 0
    let n = changes.deleted.count
    let m = changes.inserted.count
    while i < n || j < m {
      if i < n, j < m, !changes.deleted[i], !changes.inserted[j] {
        i += 1
        j += 1
        continue
      }
      var group = ChangeGroup(oldStart: i, oldEnd: i, newStart: j, newEnd: j)
      while (i < n && changes.deleted[i]) || (j < m && changes.inserted[j]) {
        while i < n, changes.deleted[i] { i += 1 }
        while j < m, changes.inserted[j] { j += 1 }
      }
      group.oldEnd = i
      group.newEnd = j
      groups.append(group)
    }
    return groups
  }

  /// `l,s` as GNU diff writes it: the first line (1-based; for an empty range, the line before it) and the count,
  /// which is left out when it is 1.
  static func range(_ start: Int, _ end: Int) -> String {
    let count = end - start
    if count == 1 { return "\(start + 1)" }
    return "\(count == 0 ? start : start + 1),\(count)"
  }

  static func line(_ mark: String, _ line: Line) -> String {
    mark + String(line.text) + (line.hasBreak ? "\n" : "\n\\ No newline at end of file\n")
  }

  /// One line of a text: its text without the `\n`, whether the `\n` was there, and its number for comparison.
  struct Line {
    var text: Substring
    var hasBreak: Bool
    var symbol: Int
  }

  /// Numbers lines so that equal lines (same bytes, same ending) get the same number.
  struct LineInterner {
    struct Key: Hashable {
      var bytes: [UInt8]
      var hasBreak: Bool
    }

    var symbols: [Key: Int] = [:]

    mutating func lines(of text: String) -> [Line] {
      var lines: [Line] = []
      var start = text.utf8.startIndex
      let end = text.utf8.endIndex
      while start < end {
        let lineEnd = text.utf8[start...].firstIndex(of: 0x0A) ?? end
        let hasBreak = lineEnd < end
        let key = Key(bytes: Array(text.utf8[start..<lineEnd]), hasBreak: hasBreak)
        let symbol = symbols[key] ?? symbols.count
        symbols[key] = symbol
        lines.append(Line(text: Substring(text.utf8[start..<lineEnd]), hasBreak: hasBreak, symbol: symbol))
        start = hasBreak ? text.utf8.index(after: lineEnd) : end
      }
      return lines
    }
  }
}
