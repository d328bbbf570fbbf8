extension Duration {
  /// The duration as people read it, in the style `settings.display` names (see ``DurationDisplay``); effort in
  /// working days, elapsed time in calendar days.
  public func readable(_ settings: DurationSettings, as kind: DurationKind = .elapsed) -> String {
    if settings.display == .compact { return formatted(settings) }
    let sign = seconds < 0 ? "-" : ""
    let magnitude = Double(seconds.magnitude)
    let day =
      kind == .effort
      ? (name: "wd", seconds: Double(settings.secondsPerWorkingDay))
      : (name: "d", seconds: Double(settings.secondsPerDay))
    // Largest first; days are left out of the hours style.
    var scale: [(name: String, seconds: Double)] = [day, ("h", 3_600), ("min", 60), ("s", 1)]
    if settings.display == .hours { scale.removeFirst() }
    guard let first = scale.firstIndex(where: { magnitude >= $0.seconds && $0.seconds > 0 }) else { return "0 s" }
    let unit = scale[first]
    if settings.display == .units, first + 1 < scale.count {
      let next = scale[first + 1]
      guard unit.seconds >= next.seconds else { return sign + Self.number(magnitude / unit.seconds) + " " + unit.name }
      // The rest in seconds, not in whole smaller units a larger one holds: a working day of 7h30m is not 7 h.
      // A rest that rounds up to a whole larger unit carries, so that 1 d 23 h 59 min reads `2 d`, not `1 d 24 h`.
      var whole = (magnitude / unit.seconds).rounded(.down)
      var rest = ((magnitude - whole * unit.seconds) / next.seconds).rounded()
      if rest * next.seconds >= unit.seconds {
        whole += 1
        rest = 0
      }
      return sign + Self.number(whole) + " " + unit.name + (rest > 0 ? " " + Self.number(rest) + " " + next.name : "")
    }
    return sign + Self.number(magnitude / unit.seconds) + " " + unit.name
  }

  /// One decimal, left out when it is zero: `2.5`, `3`, `11.1`.
  static func number(_ value: Double) -> String {
    // Beyond 10^15 a tenth is below a Double's precision (and near Int64's limit): the whole number is enough.
    guard value < 1e15 else { return "\(value.rounded())" }
    let tenths = (value * 10).rounded()
    let whole = Int64(tenths / 10)
    let fraction = Int64(tenths) - whole * 10
    return fraction == 0 ? "\(whole)" : "\(whole).\(fraction)"
  }
}
