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

  /// Time along `path` by activity: one entry for each of the framework's activities in ITIL's order, zero included.
  /// Without a framework, the steps' own (a checked stream's steps all follow one), ITIL 4's when there are none.
  public static func breakdown(path: [NodeRef], steps: [Step], framework: Framework? = nil) -> [ActivityTime] {
    let framework = framework ?? steps.first?.activity.framework ?? .itil4
    var result = framework.activities.map {
      ActivityTime(activity: $0, steps: 0, processTime: .zero, waitTime: .zero)
    }
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
