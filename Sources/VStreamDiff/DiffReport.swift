import VStreamSource

/// The comparison of every stream on two sides (two revisions, two folders or two files), sorted by stream id.
public struct DiffReport: Sendable, Hashable {
  /// How the sides are named in output: revisions as given, or folder and file paths.
  public var baseName: String
  public var headName: String
  /// One entry per stream found on either side, sorted by id, then by path.
  public var streams: [StreamDiff]

  public init(baseName: String, headName: String, streams: [StreamDiff]) {
    self.baseName = baseName
    self.headName = headName
    self.streams = streams
  }

  /// The streams worth showing: every one but those unchanged in meaning, place and id.
  public var noteworthy: [StreamDiff] { streams.filter(\.isNoteworthy) }

  /// Whether a stream on the head side has errors (the command then exits 1, as `check` does).
  public var headHasErrors: Bool { streams.contains { !($0.head?.errors.isEmpty ?? true) } }

  /// Matches `base` with `head` and compares each pair. A stream is followed by its id first, wherever its file
  /// went; what is left is matched by path (so a changed id in the same file is reported as such); the rest was
  /// added or removed. With `pairingSingleFiles` (two files given, the current and the future state of one stream)
  /// a lone file on each side is compared whatever its id.
  public static func compare(
    base: [StreamSnapshot], head: [StreamSnapshot], baseName: String, headName: String, pairingSingleFiles: Bool = false
  ) -> DiffReport {
    var pairs: [(StreamSnapshot?, StreamSnapshot?)] = []
    var baseLeft = Array(base.indices)
    var headLeft = Array(head.indices)
    let comparesStates = pairingSingleFiles && base.count == 1 && head.count == 1
    if comparesStates {
      pairs.append((base[0], head[0]))
      baseLeft = []
      headLeft = []
    }
    // By id: the first file (in path order) with an id on each side; a second file with the same id is an error the
    // checker reports, and it is matched by path below.
    var headByID: [String: Int] = [:]
    for index in headLeft.sorted(by: { head[$0].path < head[$1].path }) {
      if let id = head[index].id, headByID[id] == nil { headByID[id] = index }
    }
    var matchedHead = Set<Int>()
    var unmatchedBase: [Int] = []
    for index in baseLeft.sorted(by: { base[$0].path < base[$1].path }) {
      if let id = base[index].id, let other = headByID[id], !matchedHead.contains(other) {
        pairs.append((base[index], head[other]))
        matchedHead.insert(other)
      } else {
        unmatchedBase.append(index)
      }
    }
    var headByPath: [String: Int] = [:]
    for index in headLeft where !matchedHead.contains(index) { headByPath[head[index].path] = index }
    for index in unmatchedBase {
      if let other = headByPath[base[index].path], !matchedHead.contains(other) {
        pairs.append((base[index], head[other]))
        matchedHead.insert(other)
      } else {
        pairs.append((base[index], nil))
      }
    }
    for index in headLeft where !matchedHead.contains(index) { pairs.append((nil, head[index])) }
    // Each pair on its own core; the results come back in pair order, then are sorted, so scheduling cannot show.
    let streams = Parallel.map(pairs.count) { index -> StreamDiff in
      var diff = StreamDiff.compare(base: pairs[index].0, head: pairs[index].1)
      diff.comparesStates = comparesStates
      return diff
    }.sorted {
      ($0.id, $0.head?.path ?? $0.base?.path ?? "") < ($1.id, $1.head?.path ?? $1.base?.path ?? "")
    }
    return DiffReport(baseName: baseName, headName: headName, streams: streams)
  }
}
