/// The Lean flow metrics of a stream, computed once by the checker and printed by every back end.
public struct FlowMetrics: Sendable, Hashable {
  /// The path the arrows trace from the demand to a value, preferring the first-written arrow.
  public var mainPath: PathMetrics
  /// The longest path by lead time, rework loops not repeated.
  public var worstCasePath: PathMetrics
  /// Time on the main path by activity, all six activities in canonical order.
  public var activityBreakdown: [ActivityTime]
  public var practiceMatrix: PracticeMatrix
  /// Whether every step has both a process time and a wait time (otherwise totals understate).
  public var isComplete: Bool

  public init(mainPath: PathMetrics, worstCasePath: PathMetrics, activityBreakdown: [ActivityTime], practiceMatrix: PracticeMatrix, isComplete: Bool) {
    self.mainPath = mainPath
    self.worstCasePath = worstCasePath
    self.activityBreakdown = activityBreakdown
    self.practiceMatrix = practiceMatrix
    self.isComplete = isComplete
  }
}

/// A ratio (0...1) as a percentage for people: one decimal when it has one (`30.9%`, `57%`), "–" for none.
public func percentText(_ fraction: Double?) -> String {
  guard let fraction = fraction else { return "–" }
  let tenths = (fraction * 1000).rounded()
  return tenths.truncatingRemainder(dividingBy: 10) == 0 ? "\(Int(tenths / 10))%" : "\(tenths / 10)%"
}

/// Totals along one path.
public struct PathMetrics: Sendable, Hashable {
  public var nodes: [NodeRef]
  /// Σ PT over the steps of the path.
  public var processTime: Duration
  /// Σ WT over the steps of the path.
  public var waitTime: Duration
  /// Σ (WT + PT).
  public var leadTime: Duration
  /// processTime / leadTime (0...1); nil when the lead time is zero.
  public var flowEfficiency: Double?
  /// Π (%C/A) over the steps that give one (0...1); nil when none does.
  public var rolledCompleteAccurate: Double?
  /// The step with the longest wait (first on ties); nil when no step waits.
  public var bottleneck: Int?

  public init(
    nodes: [NodeRef], processTime: Duration, waitTime: Duration, leadTime: Duration, flowEfficiency: Double?,
    rolledCompleteAccurate: Double?, bottleneck: Int?
  ) {
    self.nodes = nodes
    self.processTime = processTime
    self.waitTime = waitTime
    self.leadTime = leadTime
    self.flowEfficiency = flowEfficiency
    self.rolledCompleteAccurate = rolledCompleteAccurate
    self.bottleneck = bottleneck
  }

  /// Measures a path through `steps`.
  public static func measure(path: [NodeRef], steps: [Step]) -> PathMetrics {
    var process = Duration.zero
    var wait = Duration.zero
    var rolled: Double?
    var bottleneck: Int?
    var longestWait = Duration.zero
    for case .step(let index) in path {
      let step = steps[index]
      process = process + (step.processTime ?? .zero)
      wait = wait + (step.waitTime ?? .zero)
      if let ca = step.completeAccurate { rolled = (rolled ?? 1) * ca.fraction }
      if let stepWait = step.waitTime, stepWait > longestWait {
        longestWait = stepWait
        bottleneck = index
      }
    }
    let lead = process + wait
    let efficiency = lead.seconds > 0 ? Double(process.seconds) / Double(lead.seconds) : nil
    return PathMetrics(
      nodes: path, processTime: process, waitTime: wait, leadTime: lead, flowEfficiency: efficiency,
      rolledCompleteAccurate: rolled, bottleneck: bottleneck)
  }
}

/// Time spent in one activity along the main path.
public struct ActivityTime: Sendable, Hashable {
  public var activity: Activity
  public var steps: Int
  public var processTime: Duration
  public var waitTime: Duration

  public init(activity: Activity, steps: Int, processTime: Duration, waitTime: Duration) {
    self.activity = activity
    self.steps = steps
    self.processTime = processTime
    self.waitTime = waitTime
  }
}

/// Which practices support which steps and activities.
public struct PracticeMatrix: Sendable, Hashable {
  /// Practice ids in catalogue order (custom practices last), only those the stream uses.
  public var practices: [String]
  /// For each practice (same order), the indices of the steps it supports, in step order.
  public var steps: [[Int]]
  /// For each practice, how many of its steps fall in each activity, in `Activity.allCases` order.
  public var activityCounts: [[Int]]

  public init(practices: [String], steps: [[Int]], activityCounts: [[Int]]) {
    self.practices = practices
    self.steps = steps
    self.activityCounts = activityCounts
  }
}
