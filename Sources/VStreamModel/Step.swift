import VStreamSource

/// One step of the stream (`step`): an activity of the value chain with the practices that support it.
public struct Step: Sendable, Hashable {
  public var id: String
  /// The title as written, or the id when there is none.
  public var title: String
  /// The value chain activity the step maps to (`activity`).
  public var activity: Activity
  /// Canonical practice ids, in the order written, without repeats.
  public var practices: [String]
  /// Who does the step (`roles`), in the order written.
  public var roles: [String]
  /// Hands-on time for one item (`time`).
  public var processTime: Duration?
  /// Time the item waits before the step (`wait`).
  public var waitTime: Duration?
  /// Whether the wait is planned (`wait 4w planned`: a review booked weeks out) rather than queueing: reported apart
  /// from queueing delay, and never the longest wait.
  public var waitIsPlanned: Bool
  /// Share of the output the next step can use as it is (`ca`).
  public var completeAccurate: Percentage?
  public var note: String?
  /// The stream the work goes on in after this step (`hands-over-to`).
  public var handsOverTo: StreamLink? = nil
  /// The stream this step runs as a whole (`runs`): once linked with it (`Compiler.checkRepository`), the step's
  /// `processTime`, `waitTime` and `completeAccurate` are that stream's main-path figures (its own `wait`, if any,
  /// added before them), so that every back end reads them as any step's.
  public var runs: StreamLink? = nil
  /// The range or three-point estimate of `time`, when written as one (`processTime` is then its mean).
  public var processEstimate: Estimate?
  /// The range or three-point estimate of `wait`, when written as one (`waitTime` is then its mean).
  public var waitEstimate: Estimate?
  /// The step's own target lead time (`target`): its wait and work should fit in it.
  public var target: Duration?
  /// The work the step does when it is more than its process time: a step that runs a stream with parallel work
  /// takes that stream's critical branch as its process time (what the item waits for) and all its branches' work
  /// as its effort. Nil for every other step, whose effort is its process time.
  public var effort: Duration? = nil
  /// The whole declaration.
  public var range: SourceRange

  public init(
    id: String, title: String, activity: Activity, practices: [String], roles: [String], processTime: Duration?,
    waitTime: Duration?, waitIsPlanned: Bool = false, completeAccurate: Percentage?, note: String?,
    range: SourceRange, processEstimate: Estimate? = nil, waitEstimate: Estimate? = nil, target: Duration? = nil
  ) {
    self.waitIsPlanned = waitIsPlanned
    self.target = target
    self.processEstimate = processEstimate
    self.waitEstimate = waitEstimate
    self.id = id
    self.title = title
    self.activity = activity
    self.practices = practices
    self.roles = roles
    self.processTime = processTime
    self.waitTime = waitTime
    self.completeAccurate = completeAccurate
    self.note = note
    self.range = range
  }

  /// Wait plus process time, a missing one counted as zero.
  public var leadTime: Duration { (waitTime ?? .zero) + (processTime ?? .zero) }

  /// The work counted in total effort: ``effort`` when it is set, else the process time.
  public var work: Duration? { effort ?? processTime }
}
