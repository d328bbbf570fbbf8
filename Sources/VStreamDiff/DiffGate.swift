import VStreamModel

/// A `--fail-on` threshold: how far a figure may move the worse way before the comparison fails.
///
/// Written `FIGURE=LIMIT`: `lead-time=+10%` (more than 10% longer fails), `lead-time=+2d` (more than two days
/// longer), `flow-efficiency=-5pt` (more than five percentage points lower), `rolled-ca=-2%` (more than 2% lower,
/// relative). `worst-` before a figure measures it along the worst-case path instead of the main path, `expected-` for the mean
/// item (rework and alternatives by their shares). A sign, when
/// written, must point the worse way.
public struct DiffThreshold: Sendable, Hashable {
  public enum Limit: Sendable, Hashable {
    /// A change relative to the base value: 0.1 is 10%.
    case relative(Double)
    /// Percentage points, for a ratio: 5 is five points.
    case points(Double)
    /// An absolute time.
    case duration(Duration)
  }

  public var figure: FigureChange.Figure
  public var path: FigureChange.Path
  public var limit: Limit
  /// The text as written, for messages.
  public var text: String

  public init(figure: FigureChange.Figure, path: FigureChange.Path, limit: Limit, text: String) {
    self.figure = figure
    self.path = path
    self.limit = limit
    self.text = text
  }

  /// Reads `FIGURE=LIMIT`; the reason when it cannot.
  public static func parse(_ text: String) -> Result<DiffThreshold, ThresholdError> {
    let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
    let names = FigureChange.Figure.allCases.map(\.rawValue).joined(separator: ", ")
    guard parts.count == 2 else {
      return .failure(
        ThresholdError("`\(text)` is not FIGURE=LIMIT (figures: \(names), each also with worst-, expected- or p85-)"))
    }
    var name = parts[0]
    var path = FigureChange.Path.main
    if name.hasPrefix("worst-") {
      name.removeFirst("worst-".count)
      path = .worstCase
    } else if name.hasPrefix("expected-") {
      name.removeFirst("expected-".count)
      path = .expected
    } else if name.hasPrefix("p85-") {
      name.removeFirst("p85-".count)
      path = .p85
    }
    guard let figure = FigureChange.Figure(rawValue: name) else {
      return .failure(
        ThresholdError("`\(parts[0])` is not a figure (figures: \(names), each also with worst-, expected- or p85-)"))
    }
    var amount = Substring(parts[1])
    var sign: Character?
    if let first = amount.first, first == "+" || first == "-" {
      sign = first
      amount = amount.dropFirst()
    }
    let worseSign: Character = figure.higherIsBetter ? "-" : "+"
    if let sign, sign != worseSign {
      return .failure(
        ThresholdError(
          "`\(text)`: \(figure.label) gets worse as it \(figure.higherIsBetter ? "falls" : "grows"); write \(worseSign)\(amount)"
        ))
    }
    let limit: Limit
    if amount.hasSuffix("%"), let number = Double(amount.dropLast()), number >= 0 {
      limit = .relative(number / 100)
    } else if amount.hasSuffix("pt"), !figure.isDuration, let number = Double(amount.dropLast(2)), number >= 0 {
      limit = .points(number)
    } else if figure.isDuration, let duration = parseDuration(amount) {
      limit = .duration(duration)
    } else {
      let units =
        figure.isDuration ? "a percentage (10%) or a duration (2d, 4h30m)" : "points (5pt) or a percentage (10%)"
      return .failure(ThresholdError("`\(text)`: the limit of \(figure.rawValue) is \(units)"))
    }
    return .success(DiffThreshold(figure: figure, path: path, limit: limit, text: text))
  }

  /// `2d`, `4h30m`, `90m` with calendar days and weeks.
  static func parseDuration(_ text: Substring) -> Duration? {
    var total = Duration.zero
    var digits = ""
    var sawUnit = false
    for character in text {
      if character.isASCII, character.isNumber {
        digits.append(character)
      } else if let unit = DurationUnit(rawValue: String(character)), let amount = Int64(digits) {
        total += Duration(amount, unit)
        digits = ""
        sawUnit = true
      } else {
        return nil
      }
    }
    return digits.isEmpty && sawUnit ? total : nil
  }

  /// Whether `change` moved the worse way by more than the limit.
  public func isTripped(by change: FigureChange) -> Bool {
    guard change.figure == figure, change.path == path, change.direction == .worse,
      let delta = change.delta, let before = change.before
    else { return false }
    let worse = delta.magnitude
    switch limit {
    case .relative(let share): return before == 0 ? true : worse / before.magnitude > share
    case .points(let points): return worse * 100 > points + 1e-9
    case .duration(let duration): return worse > Double(duration.seconds)
    }
  }
}

/// Why a `--fail-on` threshold could not be read.
public struct ThresholdError: Error, Sendable, CustomStringConvertible {
  public var description: String
  public init(_ description: String) { self.description = description }
}

/// A threshold that a stream's change went past.
public struct GateFailure: Sendable, Hashable {
  public var streamID: String
  public var threshold: DiffThreshold
  public var change: FigureChange
}

extension DiffReport {
  /// The thresholds each compared stream went past, by stream then threshold order. Added and removed streams have
  /// nothing to compare against and never trip a gate.
  public func gateFailures(_ thresholds: [DiffThreshold]) -> [GateFailure] {
    var failures: [GateFailure] = []
    for stream in streams {
      for threshold in thresholds {
        for change in stream.figures where threshold.isTripped(by: change) {
          failures.append(GateFailure(streamID: stream.id, threshold: threshold, change: change))
        }
      }
    }
    return failures
  }
}
