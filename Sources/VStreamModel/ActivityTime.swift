/// Time spent in one value chain activity along a path.
public struct ActivityTime: Sendable, Hashable {
  public var activity: Activity
  /// How many steps of the path map to the activity.
  public var steps: Int
  public var processTime: Duration
  public var waitTime: Duration

  public init(activity: Activity, steps: Int, processTime: Duration, waitTime: Duration) {
    self.activity = activity
    self.steps = steps
    self.processTime = processTime
    self.waitTime = waitTime
  }

  /// Lead time in the activity: wait plus process time.
  public var leadTime: Duration { waitTime + processTime }

  /// Time along `path` by activity: one entry for each of the six activities in ITIL's order, zero included.
  public static func breakdown(path: [NodeRef], steps: [Step]) -> [ActivityTime] {
    var result = Activity.allCases.map { ActivityTime(activity: $0, steps: 0, processTime: .zero, waitTime: .zero) }
    for case .step(let index) in path {
      let step = steps[index]
      let slot = step.activity.index
      result[slot].steps += 1
      result[slot].processTime += step.processTime ?? .zero
      result[slot].waitTime += step.waitTime ?? .zero
    }
    return result
  }
}
