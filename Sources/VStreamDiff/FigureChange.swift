import VStreamModel

/// One flow figure of a stream on both sides, and which way it moved.
public struct FigureChange: Sendable, Hashable {
  /// The figures compared, in the order they are shown. Their raw values are the names `--fail-on` takes.
  public enum Figure: String, Sendable, CaseIterable {
    case leadTime = "lead-time"
    case processTime = "process-time"
    case waitTime = "wait-time"
    case flowEfficiency = "flow-efficiency"
    case rolledCompleteAccurate = "rolled-ca"
    /// The work of every branch of parallel work (the process time counts the critical branch only): compared only
    /// where either side has parallel work, as the pages show it.
    case totalEffort = "total-effort"

    /// Whether the figure is a duration (in seconds) rather than a ratio (0...1).
    public var isDuration: Bool {
      self == .leadTime || self == .processTime || self == .waitTime || self == .totalEffort
    }

    /// Whether a larger value is better: efficiency and %C/A; for times, shorter is better.
    public var higherIsBetter: Bool { !isDuration }

    /// The name for people: "lead time".
    public var label: String {
      switch self {
      case .leadTime: return "lead time"
      case .processTime: return "process time"
      case .waitTime: return "wait time"
      case .flowEfficiency: return "flow efficiency"
      case .rolledCompleteAccurate: return "rolled %C/A"
      case .totalEffort: return "total effort"
      }
    }

    func value(of path: PathMetrics) -> Double? {
      switch self {
      case .leadTime: return Double(path.leadTime.seconds)
      case .processTime: return Double(path.processTime.seconds)
      case .waitTime: return Double(path.waitTime.seconds)
      case .flowEfficiency: return path.flowEfficiency
      case .rolledCompleteAccurate: return path.rolledCompleteAccurate
      case .totalEffort: return Double(path.totalEffort.seconds)
      }
    }
  }

  /// The path a figure is measured along.
  public enum Path: String, Sendable, CaseIterable {
    /// The path the arrows trace first (`FlowMetrics.mainPath`).
    case main
    /// The longest path by lead time (`FlowMetrics.worstCasePath`).
    case worstCase = "worst-case"
    /// The mean item (`FlowMetrics.expected`): rework as often as it happens on average, each alternative by its
    /// share. Its rolled %C/A is the first-pass yield.
    case expected
    /// The 85th percentile of the Monte Carlo lead time: only for a stream held to it (`targets: measure: p85`,
    /// which `check` simulates too), and only its lead time.
    case p85

    public var label: String {
      switch self {
      case .main: return "main path"
      case .worstCase: return "worst case"
      case .expected: return "expected"
      case .p85: return "P85"
      }
    }

    /// The figure of `stream` along this path; nil where it has none (no expected figures when an item could circle
    /// forever, or a ratio without data).
    func value(_ figure: Figure, of stream: ValueStream) -> Double? {
      switch self {
      case .main: return figure.value(of: stream.metrics.mainPath)
      case .worstCase: return figure.value(of: stream.metrics.worstCasePath)
      case .expected:
        guard let expected = stream.metrics.expected else { return nil }
        switch figure {
        // Whole seconds, as the other paths: the mean is a fraction, and a change below a second is no change.
        case .leadTime: return expected.leadTime.rounded()
        case .processTime: return expected.processTime.rounded()
        case .waitTime: return (expected.leadTime - expected.processTime).rounded()
        case .flowEfficiency: return expected.flowEfficiency
        case .rolledCompleteAccurate: return expected.firstPassYield
        case .totalEffort: return expected.totalEffort.rounded()
        }
      case .p85:
        // Simulated by `all`, once per side.
        return nil
      }
    }
  }

  public enum Direction: String, Sendable {
    case better, worse, same
    /// One side has no value (an added or removed stream, or a ratio without data).
    case none
  }

  public var figure: Figure
  public var path: Path
  /// Seconds for a duration, a fraction (0...1) for a ratio; nil when the side has no stream or the figure is undefined.
  public var before: Double?
  public var after: Double?

  public init(figure: Figure, path: Path, before: Double?, after: Double?) {
    self.figure = figure
    self.path = path
    self.before = before
    self.after = after
  }

  /// After minus before; nil unless both are known.
  public var delta: Double? {
    guard let before, let after else { return nil }
    return after - before
  }

  /// The change relative to the base value (0.1 is +10%); nil when either is unknown or the base is zero.
  public var relative: Double? {
    guard let delta, let before, before != 0 else { return nil }
    return delta / before
  }

  public var direction: Direction {
    guard let delta else { return .none }
    if delta == 0 { return .same }
    return (delta > 0) == figure.higherIsBetter ? .better : .worse
  }

  /// Every figure along both paths, for two optional streams.
  static func all(base: ValueStream?, head: ValueStream?) -> [FigureChange] {
    let parallel = [base, head].contains { $0.map(hasParallelWork) ?? false }
    var changes = Path.allCases.filter { $0 != .p85 }.flatMap { path in
      Figure.allCases.filter { $0 != .totalEffort || parallel }.map { figure in
        FigureChange(
          figure: figure, path: path, before: base.flatMap { path.value(figure, of: $0) },
          after: head.flatMap { path.value(figure, of: $0) })
      }
    }
    let (before, after) = (base.flatMap(p85), head.flatMap(p85))
    if before != nil || after != nil {
      changes.append(FigureChange(figure: .leadTime, path: .p85, before: before, after: after))
    }
    return changes
  }

  /// Whether a stream forks into parallel work, where its total effort is more than its process time.
  static func hasParallelWork(_ stream: ValueStream) -> Bool { stream.edges.contains { $0.kind == .parallel } }

  /// The P85 lead time of a stream held to it, simulated as `check` simulates it (same seed, same samples); nil for
  /// any other stream, so that a comparison pays for the simulation only where a team set a P85 service level.
  static func p85(_ stream: ValueStream) -> Double? {
    guard stream.metadata.target?.measure == .p85 else { return nil }
    return LeadTimeSimulation.run(stream).map { Double($0.p85.seconds) }
  }
}

/// A step's share in the change of the main path's lead time: its wait + time where it lies on each side's main
/// path (zero where it does not).
public struct Contribution: Sendable, Hashable {
  public var stepID: String
  public var title: String
  /// Seconds of wait + time on the base side's main path (0 when not on it).
  public var before: Int64
  /// Seconds on the head side's main path.
  public var after: Int64

  public init(stepID: String, title: String, before: Int64, after: Int64) {
    self.stepID = stepID
    self.title = title
    self.before = before
    self.after = after
  }

  public var delta: Int64 { after &- before }
}
