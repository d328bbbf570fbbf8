import VStreamSource

extension DurationSyntax {
  /// The parts of `text` when it is a well-formed duration (`3d`, `1ww2wd`), for durations written outside a
  /// stream's body, such as a target in the front matter.
  public static func parts(of text: String) -> [Part]? {
    let bytes = Array(text.utf8)
    return bytes.withUnsafeBufferPointer { DurationText.parse($0, 0, UInt32($0.count)) }
  }
}

/// Reads durations (`1h30m`) and suggests one for text that is close (`90 minutes`, `1.5h`).
enum DurationText {
  /// Amounts above this are refused, so that any duration converts to seconds without overflow whatever the
  /// configured length of a day or week.
  static let maximumAmount: Int64 = 1_000_000_000

  /// The parts of a well-formed duration: one or more `<digits><unit>`, units in the order (w|ww) (d|wd) h m s, each
  /// rank once.
  static func parse(_ bytes: UnsafeBufferPointer<UInt8>, _ start: UInt32, _ end: UInt32) -> [DurationSyntax.Part]? {
    var parts: [DurationSyntax.Part] = []
    return visit(bytes, start, end) { parts.append($0) } ? parts : nil
  }

  /// Whether the bytes are a well-formed duration or estimate: one to three durations joined by `..` (`2h`,
  /// `1h..4h`, `1h..2h..4h`). Allocates nothing.
  static func isValidEstimate(_ bytes: UnsafeBufferPointer<UInt8>, _ start: UInt32, _ end: UInt32) -> Bool {
    var count = 0
    var pieceStart = start
    var index = start
    while index <= end {
      if index == end || (index + 1 < end && bytes[Int(index)] == 0x2E && bytes[Int(index) + 1] == 0x2E) {
        count += 1
        guard count <= 3, isValid(bytes, pieceStart, index) else { return false }
        pieceStart = index + 2
        index += 2
        continue
      }
      index += 1
    }
    return true
  }

  /// The estimates of a well-formed estimate, as byte ranges: the text cut at each `..`.
  static func pieces(_ bytes: UnsafeBufferPointer<UInt8>, _ start: UInt32, _ end: UInt32) -> [(UInt32, UInt32)] {
    var pieces: [(UInt32, UInt32)] = []
    var pieceStart = start
    var index = start
    while index + 1 < end {
      if bytes[Int(index)] == 0x2E && bytes[Int(index) + 1] == 0x2E {
        pieces.append((pieceStart, index))
        pieceStart = index + 2
        index += 2
      } else {
        index += 1
      }
    }
    pieces.append((pieceStart, end))
    return pieces
  }

  /// Whether the bytes are a well-formed duration; `body` sees each part as it is read (and, for text that turns
  /// out malformed, the parts before the mistake). Allocates nothing.
  static func isValid(_ bytes: UnsafeBufferPointer<UInt8>, _ start: UInt32, _ end: UInt32) -> Bool {
    visit(bytes, start, end) { _ in }
  }

  static func visit(
    _ bytes: UnsafeBufferPointer<UInt8>, _ start: UInt32, _ end: UInt32, _ body: (DurationSyntax.Part) -> Void
  ) -> Bool {
    var count = 0
    var index = Int(start)
    let stop = Int(end)
    var lastRank = -1
    while index < stop {
      var amount: Int64 = 0
      let digitsStart = index
      while index < stop, bytes[index] >= 0x30, bytes[index] <= 0x39 {
        amount = amount * 10 + Int64(bytes[index] - 0x30)
        if amount > maximumAmount { return false }
        index += 1
      }
      guard index > digitsStart, index < stop else { return false }
      var unit: DurationSyntax.Unit
      switch bytes[index] {
      case 0x77:
        // `ww` and `wd` are the working week and day; a `w` followed by anything else is a calendar week.
        unit = .w
        if index + 1 < stop, bytes[index + 1] == 0x77 || bytes[index + 1] == 0x64 {
          unit = bytes[index + 1] == 0x77 ? .ww : .wd
          index += 1
        }
      case 0x64: unit = .d
      case 0x68: unit = .h
      case 0x6D: unit = .m
      case 0x73: unit = .s
      default: return false
      }
      let rank = unit.rank
      guard rank > lastRank else { return false }
      lastRank = rank
      body(DurationSyntax.Part(amount: amount, unit: unit))
      count += 1
      index += 1
    }
    return count > 0
  }

  /// A well-formed duration for text such as `5 minutes`, `1.5h`, `2 days`, `30M` or `1h 30m`; nil when the text
  /// does not look like a duration at all.
  /// Whether a word after a wait's duration is `planned` misspelt or capitalised: at most two letters added,
  /// dropped or changed (`planed`, `Planned`, `plannned`), and not a word of its own.
  static func meansPlanned(_ word: String) -> Bool {
    word != "planned" && Spelling.distance(word.lowercased(), "planned", limit: 2) != nil
  }

  static func suggestion(for written: String) -> String? {
    let units: [(names: [String], unit: DurationSyntax.Unit, seconds: Double)] = [
      (["ww", "workweek", "workweeks", "working-week", "working-weeks"], .ww, 0),
      (["w", "wk", "wks", "week", "weeks"], .w, 604_800),
      (["wd", "bd", "workday", "workdays", "working-day", "working-days", "business-day", "business-days"], .wd, 0),
      (["d", "day", "days"], .d, 86_400),
      (["h", "hr", "hrs", "hour", "hours"], .h, 3_600),
      (["m", "min", "mins", "minute", "minutes"], .m, 60),
      (["s", "sec", "secs", "second", "seconds"], .s, 1),
    ]
    // Split into number and unit runs: "1.5 hours" -> ["1.5", "hours"].
    var pieces: [String] = []
    var current = ""
    var currentIsNumber = false
    for character in written.lowercased() {
      let isNumber = character.isNumber || character == "."
      if character == " " || character == "\t" || character == "," {
        if !current.isEmpty { pieces.append(current) }
        current = ""
        continue
      }
      if !current.isEmpty, isNumber != currentIsNumber {
        pieces.append(current)
        current = ""
      }
      current.append(character)
      currentIsNumber = isNumber
    }
    if !current.isEmpty { pieces.append(current) }
    guard pieces.count >= 2, pieces.count % 2 == 0, pieces.count <= 10 else { return nil }
    var hasDaysOrWeeks = false
    var seconds = 0.0
    var wholeParts: [DurationSyntax.Part] = []
    var allWhole = true
    for pair in stride(from: 0, to: pieces.count, by: 2) {
      guard let amount = Double(pieces[pair]), amount >= 0, amount < 1e9,
        let unit = units.first(where: { $0.names.contains(pieces[pair + 1]) })
      else { return nil }
      if unit.unit.rank <= 1 { hasDaysOrWeeks = true }
      seconds += amount * unit.seconds
      if amount == amount.rounded() {
        wholeParts.append(DurationSyntax.Part(amount: Int64(amount), unit: unit.unit))
      } else {
        allWhole = false
      }
    }
    // Whole amounts are kept in the units written (days and weeks depend on a setting, so they are never
    // converted); fractions are converted to the smaller units.
    if allWhole {
      let merged = Dictionary(wholeParts.map { ($0.unit, $0.amount) }, uniquingKeysWith: +)
      let text = DurationSyntax.Unit.allCases.compactMap { unit in merged[unit].map { "\($0)\(unit.rawValue)" } }
        .joined()
      return text.isEmpty ? nil : text
    }
    guard !hasDaysOrWeeks else { return nil }
    return format(seconds: Int64(seconds.rounded()))
  }

  /// `5400` -> `1h30m`, using hours as the largest unit (days depend on a setting).
  static func format(seconds: Int64) -> String? {
    guard seconds > 0 else { return seconds == 0 ? "0s" : nil }
    var rest = seconds
    var text = ""
    for (unit, size) in [("h", Int64(3_600)), ("m", 60), ("s", 1)] where rest >= size {
      text += "\(rest / size)\(unit)"
      rest %= size
    }
    return text
  }
}
