extension Diagnostic.Edit {
  /// `bytes` with `edits` applied. The edits must not overlap; they are applied from the end, so that each range
  /// is read in the original bytes.
  public static func apply(_ edits: [Diagnostic.Edit], to bytes: [UInt8]) -> [UInt8] {
    var result = bytes
    for edit in edits.sorted(by: { ($0.range.start, $0.range.end) > ($1.range.start, $1.range.end) }) {
      result.replaceSubrange(Int(edit.range.start)..<Int(edit.range.end), with: Array(edit.replacement.utf8))
    }
    return result
  }

  /// Of `fixes`, in order, those whose edits overlap none taken before them: the ones that can be applied together.
  /// Two insertions at one place overlap too, since their order would matter.
  public static func compatible(_ fixes: [Diagnostic.Fix]) -> [Diagnostic.Fix] {
    var taken: [SourceRange] = []
    var chosen: [Diagnostic.Fix] = []
    for fix in fixes {
      let overlaps = fix.edits.contains { edit in
        taken.contains { other in
          edit.range.start < other.end && other.start < edit.range.end
            || (edit.range.start == other.start && (edit.range.isEmpty || other.isEmpty))
        }
      }
      guard !overlaps else { continue }
      taken += fix.edits.map(\.range)
      chosen.append(fix)
    }
    return chosen
  }
}
