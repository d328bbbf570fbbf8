/// What a repository's streams say together: the practices and activities no stream uses, the streams without an
/// owner, and each stream's hand-offs between roles. Computed from checked streams only, in the order given, so it
/// is a pure function of the streams and the catalogue; `index.md`, the HTML index, `portfolio.json` and the
/// portfolio findings all print this one value.
public struct Portfolio: Sendable, Hashable {
  /// An arrow between two steps that no role does both of: the work changes hands.
  public struct HandOff: Sendable, Hashable {
    /// The steps the arrow joins (ids).
    public var from: String
    public var to: String
    /// The first role of each step, as the role lanes draw it.
    public var fromRole: String
    public var toRole: String
    /// Whether the arrow is a rework arrow: the work goes back to another team.
    public var isRework: Bool
  }

  /// One stream's entry.
  public struct Entry: Sendable, Hashable {
    public var id: String
    public var title: String
    public var path: String
    public var owner: String?
    /// Every hand-off, in the order the arrows are written.
    public var handOffs: [HandOff]
    /// The hand-offs on the main path.
    public var mainPathHandOffs: Int
    /// Steps without a role: their arrows cannot be judged and are not counted as hand-offs.
    public var stepsWithoutRoles: Int
    /// The streams of the portfolio this one hands over to (its own `hands-over-to`, and the streams whose demand
    /// names it in `from-stream`), each once, in the order first found.
    public var handsOverTo: [String] = []
    /// The main path's lead time of this stream plus, along the longest chain of hand-overs from it, each next
    /// stream's: how long an item takes end to end when every stream works as its map says. Nil when the stream
    /// hands over to no stream of the portfolio. Waits between streams are not known and count as none.
    public var endToEndLeadTime: Duration?
    /// The stream's duration settings, to print its figures.
    public var settings: DurationSettings = .calendar
  }

  public var streams: [Entry]
  /// Practices of the catalogue (ITIL's 34 and the organisation's own) that support no step of any stream, in the
  /// catalogue's order.
  public var unusedPractices: [String]
  /// Value chain activities no step of any stream maps to, in ITIL's order.
  public var unusedActivities: [Activity]

  /// The ids of the streams without an `owner`, in the order given.
  public var streamsWithoutOwner: [String] { streams.filter { $0.owner == nil }.map(\.id) }

  public init(_ streams: [ValueStream], catalogue: PracticeCatalogue) {
    var practices = Set<String>()
    var activities = Set<Activity>()
    for stream in streams {
      for step in stream.steps {
        practices.formUnion(step.practices)
        activities.insert(step.activity)
      }
    }
    unusedPractices = catalogue.all.map(\.id).filter { !practices.contains($0) }
    // Only the activities of the frameworks the streams follow: an ITIL 4 repository does not leave Version 5's
    // lifecycle unused.
    let frameworks = streams.isEmpty ? [Framework.itil4] : Set(streams.map(\.framework))
    unusedActivities = Activity.allCases.filter { frameworks.contains($0.framework) && !activities.contains($0) }
    var entries = streams.map(Self.entry)
    Self.chain(&entries, streams)
    self.streams = entries
  }

  /// Fills in the hand-overs between the portfolio's streams and the end-to-end lead times along them. The checker
  /// reports cycles of hand-overs and builds none of their first streams, so the chains end; an arrow back into a
  /// chain still being measured is ignored all the same, so that the figure is defined for any input.
  static func chain(_ entries: inout [Entry], _ streams: [ValueStream]) {
    var index: [String: Int] = [:]
    for (slot, stream) in streams.enumerated() where index[stream.id] == nil { index[stream.id] = slot }
    var next = [[Int]](repeating: [], count: streams.count)
    func add(_ from: Int, _ to: Int) { if from != to, !next[from].contains(to) { next[from].append(to) } }
    for (slot, stream) in streams.enumerated() {
      let links = stream.steps.compactMap(\.handsOverTo) + stream.values.compactMap(\.handsOverTo)
      for link in links { if let to = index[link.stream] { add(slot, to) } }
      if let link = stream.demand.fromStream, let from = index[link.stream] { add(from, slot) }
    }
    var total = [Duration?](repeating: nil, count: streams.count)
    var state = [UInt8](repeating: 0, count: streams.count)  // 0 not yet, 1 being measured, 2 done
    func measure(_ slot: Int) -> Duration {
      if state[slot] == 2 { return total[slot] ?? streams[slot].metrics.mainPath.leadTime }
      state[slot] = 1
      var longest: Duration?
      for to in next[slot] where state[to] != 1 {
        let after = measure(to)
        if longest.map({ after > $0 }) ?? true { longest = after }
      }
      state[slot] = 2
      total[slot] = longest.map { streams[slot].metrics.mainPath.leadTime + $0 }
      return total[slot] ?? streams[slot].metrics.mainPath.leadTime
    }
    for slot in streams.indices {
      _ = measure(slot)
      entries[slot].handsOverTo = next[slot].map { streams[$0].id }
      entries[slot].endToEndLeadTime = total[slot]
    }
  }

  static func entry(_ stream: ValueStream) -> Entry {
    var handOffs: [HandOff] = []
    var onMain = 0
    let main = stream.metrics.mainPath.nodes
    var mainPairs = Set<[Int]>()
    for (from, to) in zip(main, main.dropFirst()) {
      if let a = from.stepIndex, let b = to.stepIndex { mainPairs.insert([a, b]) }
    }
    for edge in stream.edges {
      guard let a = edge.from.stepIndex, let b = edge.to.stepIndex else { continue }
      let from = stream.steps[a]
      let to = stream.steps[b]
      guard let fromRole = from.roles.first, let toRole = to.roles.first,
        Set(from.roles).isDisjoint(with: to.roles)
      else { continue }
      handOffs.append(
        HandOff(from: from.id, to: to.id, fromRole: fromRole, toRole: toRole, isRework: edge.kind == .rework))
      if edge.kind != .rework, mainPairs.contains([a, b]) { onMain += 1 }
    }
    return Entry(
      id: stream.id, title: stream.title, path: stream.path, owner: stream.metadata.owner, handOffs: handOffs,
      mainPathHandOffs: onMain, stepsWithoutRoles: stream.steps.filter(\.roles.isEmpty).count,
      settings: stream.settings)
  }
}
