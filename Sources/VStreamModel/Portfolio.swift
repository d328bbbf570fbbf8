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
    unusedActivities = Activity.allCases.filter { !activities.contains($0) }
    self.streams = streams.map(Self.entry)
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
      mainPathHandOffs: onMain, stepsWithoutRoles: stream.steps.filter(\.roles.isEmpty).count)
  }
}
