#if canImport(Glibc)
  import Glibc
#else
  import Darwin
#endif

extension String {
  /// Whether this string sorts before `other` by its UTF-8 bytes: the order paths are reported in, which does not
  /// depend on the locale or on Unicode normalisation. The same order as `utf8.lexicographicallyPrecedes`, by
  /// `memcmp` on the stored bytes: sorting 10,000 paths the generic way took longer than reading the files.
  public func precedesInByteOrder(_ other: String) -> Bool {
    var (left, right) = (self, other)
    return left.withUTF8 { a in
      right.withUTF8 { b in
        let common = Swift.min(a.count, b.count)
        let order = common == 0 ? 0 : memcmp(a.baseAddress!, b.baseAddress!, common)
        return order != 0 ? order < 0 : a.count < b.count
      }
    }
  }
}
