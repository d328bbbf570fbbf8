/// Where a value stream description is in its life (`status:` in the front matter).
public enum Status: String, CaseIterable, Sendable, Hashable {
  case draft
  case review
  case live
  case retired
}
