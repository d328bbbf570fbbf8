/// Which practices support which steps and activities: the rows of a practice × step table and a practice × activity
/// table, in a fixed order so that every back end prints them the same way.
public struct PracticeMatrix: Sendable, Hashable {
  /// Practice ids the stream uses, in catalogue order (ITIL's groups, then custom practices as declared).
  public var practices: [String]
  /// For each practice (same order), the indices of the steps it supports, ascending.
  public var steps: [[Int]]
  /// For each practice (same order), how many of its steps fall in each of the framework's activities, in
  /// `framework.activities` order.
  public var activityCounts: [[Int]]

  public init(practices: [String], steps: [[Int]], activityCounts: [[Int]]) {
    self.practices = practices
    self.steps = steps
    self.activityCounts = activityCounts
  }

  /// The matrix of `steps`, practices ordered by `catalogue` (ids it does not know go last, by id). Without a
  /// framework, the steps' own (ITIL 4's when there are none).
  public init(steps: [Step], catalogue: PracticeCatalogue, framework: Framework? = nil) {
    let columns = (framework ?? steps.first?.activity.framework ?? .itil4).activities.count
    var stepsByPractice: [String: [Int]] = [:]
    for (index, step) in steps.enumerated() {
      for practice in step.practices where stepsByPractice[practice]?.last != index {
        stepsByPractice[practice, default: []].append(index)
      }
    }
    // Sorted explicitly: the dictionary's own order changes from run to run.
    let practices = stepsByPractice.keys.map { (position: catalogue.index(of: $0), id: $0) }.sorted { $0 < $1 }
      .map(\.id)
    self.practices = practices
    self.steps = practices.map { stepsByPractice[$0]! }
    activityCounts = self.steps.map { indices in
      var counts = [Int](repeating: 0, count: columns)
      for index in indices { counts[steps[index].activity.index] += 1 }
      return counts
    }
  }

  /// The row of a practice, or nil when the stream does not use it.
  public func row(of practice: String) -> Int? { practices.firstIndex(of: practice) }

  /// Whether the practice in `row` supports step `step`.
  public func supports(row: Int, step: Int) -> Bool {
    // Step lists are ascending, so a binary search keeps a wide table linear in its size.
    var (low, high) = (0, steps[row].count)
    while low < high {
      let middle = (low + high) / 2
      if steps[row][middle] < step { low = middle + 1 } else { high = middle }
    }
    return low < steps[row].count && steps[row][low] == step
  }

  /// How many steps of `activity` the practice in `row` supports.
  public func count(row: Int, activity: Activity) -> Int { activityCounts[row][activity.index] }
}
