extension String {
  /// Every occurrence of `target` replaced, compared by Unicode scalars so that `"\n"` also matches inside `"\r\n"`
  /// (as a `Character`, `"\r\n"` is one grapheme). Used by the escaping helpers.
  public func replacingAll(_ target: String, _ replacement: String) -> String {
    let source = Array(unicodeScalars)
    let pattern = Array(target.unicodeScalars)
    guard !pattern.isEmpty, source.count >= pattern.count else { return self }
    var out = String.UnicodeScalarView()
    var index = 0
    var changed = false
    while index < source.count {
      if index + pattern.count <= source.count, source[index] == pattern[0],
        Array(source[index..<(index + pattern.count)]) == pattern
      {
        out.append(contentsOf: replacement.unicodeScalars)
        index += pattern.count
        changed = true
      } else {
        out.append(source[index])
        index += 1
      }
    }
    return changed ? String(out) : self
  }
}
