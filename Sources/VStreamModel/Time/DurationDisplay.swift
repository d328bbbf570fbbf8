/// How durations are printed for people: in the terminal, Markdown, the site and the diagrams (JSON keeps seconds).
///
/// Set in `vstream.yml` (`time: display: days`). Effort is printed in working days where the style uses days, so
/// that `time 2wd` reads `2 wd`, never `0.7 d`.
public enum DurationDisplay: String, CaseIterable, Sendable, Hashable {
  /// One number in the largest unit that fits, one decimal: `11.1 d`, `2.5 wd`, `3.5 h`, `45 min`, `30 s`. The
  /// default: lead times are read in days.
  case days
  /// The two largest units, the second rounded: `11 d 3 h`, `2 wd 4 h`, `1 h 30 min`.
  case units
  /// Hours with one decimal (minutes and seconds below an hour): `266.5 h`.
  case hours
  /// The text a duration is written in: `1w4d2h30m`.
  case compact
}

/// What a duration measures, which decides the days it is printed in.
public enum DurationKind: Sendable, Hashable {
  /// Wait and lead time: calendar days (`d`).
  case elapsed
  /// Process time: working days (`wd`).
  case effort
}
