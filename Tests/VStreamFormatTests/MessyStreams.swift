import TestSupport

/// Syntactically valid streams written in every untidy way the language allows: odd indentation and tabs, extra
/// blanks and blank lines, comments on every kind of line, aliases in any case, unnormalised durations and
/// percentages, escapes, `"""` blocks of every shape, long and continued flows, CRLF, a byte order mark, front matter.
struct MessyStreams {
  var random: SeededGenerator
  var lines: [String] = []

  init(seed: UInt64) { random = SeededGenerator(seed: seed) }

  mutating func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }
  mutating func chance(_ percent: UInt64) -> Bool { random.next() % 100 < percent }
  mutating func count(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(random.next() % UInt64(range.count)) }

  static let comments = [
    "# a comment", "#tight", "# vstream: allow no-practices -- generated", "# vstream: allow-file VS402 -- generated",
    "#   spaced   ", "# ünïcode 🚑", "# \"quotes\" and \\ backslash", "## double", "# ->arrow", "#",
  ]

  mutating func blanks() -> String { pick(["", " ", "  ", "\t", "    ", " \t ", "      "]) }
  mutating func gap() -> String { pick([" ", " ", "  ", "\t", " \t"]) }
  mutating func comment() -> String { pick(Self.comments) + pick(["", "", " ", "\t  "]) }

  /// Own-line comments and blank or whitespace-only lines, sometimes.
  mutating func filler() {
    for _ in 0..<count(0...2) {
      switch random.next() % 5 {
      case 0, 1: lines.append(blanks() + comment())
      case 2: lines.append("")
      case 3: lines.append(blanks())
      default: break
      }
    }
  }

  mutating func trailing() -> String {
    chance(20) ? gap() + comment() : pick(["", "", "", " ", "\t"])
  }

  mutating func text() -> String {
    pick([
      "Plain", "With \\\"quotes\\\"", "Back\\\\slash", "Tab\\there", "Two\\nlines", "Ends with backslash \\\\",
      "ünïcode ✓", "", "  padded  ", "hash # inside", "arrow -> inside", "\\\"\\\"\\\" three quotes",
    ])
  }

  mutating func quoted() -> String { "\"" + text() + "\"" }

  /// A `"""` block in one of its shapes; the lines after the first are indented by `indent` plus their own.
  mutating func block(indent: String) -> [String] {
    switch random.next() % 6 {
    case 0: return ["\"\"\"inline block\"\"\""]
    case 1: return ["\"\"\"" + pick(["", "  ", "\t"]), indent + "\"\"\""]
    case 2:
      return [
        "\"\"\"", indent + "first line", indent + "  indented \\\\ line", "", indent + "after a blank",
        indent + "quotes \"\" and \\\"\"\" escaped", indent + "\"\"\"",
      ]
    case 3:
      return ["\"\"\"", indent + "\ttab inside", indent + "trailing blanks   ", indent + "   ", indent + "\"\"\""]
    case 4: return ["\"\"\"", indent + "content then close\"\"\""]
    default: return ["\"\"\"", indent + "# not a comment", indent + "step not-a-step", indent + "\"\"\""]
    }
  }

  /// Appends `head` followed by a string value (one-line or block) and a trailing comment where one can go.
  mutating func appendWithString(_ head: String, allowBlock: Bool) {
    if allowBlock, chance(25) {
      var block = block(indent: pick(["", "  ", "    ", "\t", "        "]))
      block[0] = head + block[0]
      block[block.count - 1] += trailing()
      lines += block
    } else {
      lines.append(head + quoted() + trailing())
    }
  }

  mutating func duration() -> String {
    pick([
      "90m", "1h90m", "3600s", "2d5h", "0m", "45s", "1w", "120m", "1d1h61m", "1w2d3h4m5s", "0w0d0h", "7200s", "59s",
      "61s", "0s", "1000000000s", "3d", "5m",
    ])
  }

  mutating func percentage() -> String {
    pick(["90%", "090.50%", "99.99%", "100%", "100.00%", "7%", "0.5%", "00.05%", "50.10%"])
  }

  mutating func practice() -> String {
    pick([
      "service-desk", "Change-Control", "change_enablement", "INCIDENT-MANAGEMENT", "event-management",
      "Service_Desk", "request-fulfilment", "mystery-practice", "monitoring-and-event-management",
    ])
  }

  mutating func activity() -> String {
    pick([
      "engage", "obtain/build", "Design_Transition", "deliver-and-support", "BUILD", "Plan", "design-&-transition",
      "mystery-activity", "deliver-support",
    ])
  }

  mutating func list(_ items: [String]) -> String {
    var text = items[0]
    for item in items.dropFirst() { text += pick([",", ", ", " , ", ",\t", " ,  "]) + item }
    return text
  }

  mutating func stepAttributes() -> [(keyword: String, value: String?)] {
    var attributes: [(keyword: String, value: String?)] = [
      ("activity", activity()),
      ("practices", list((0..<count(1...3)).map { _ in practice() })),
      ("roles", list((0..<count(1...3)).map { _ in quoted() })),
      ("time", duration()),
      ("wait", duration()),
      ("ca", percentage()),
      ("note", nil),
    ]
    attributes.shuffle(using: &random)
    return Array(attributes.prefix(count(0...attributes.count)))
  }

  mutating func appendAttributes(_ attributes: [(keyword: String, value: String?)]) {
    for attribute in attributes {
      if chance(30) { filler() }
      let head = blanks() + attribute.keyword + gap()
      if let value = attribute.value {
        lines.append(head + value + trailing())
      } else {
        appendWithString(head, allowBlock: true)
      }
    }
  }

  mutating func declaration(_ keyword: String, _ id: String) {
    let head = pick(["", "", " ", "\t"]) + keyword + gap() + id
    if chance(75) { appendWithString(head + gap(), allowBlock: chance(20)) } else { lines.append(head + trailing()) }
  }

  mutating func flow(_ chain: [String], keyword: String = "flow") {
    var line = pick(["", " "]) + keyword + gap() + chain[0]
    for name in chain.dropFirst() {
      if chance(12) {
        lines.append(line + trailing())
        if chance(30) { lines.append(blanks() + comment()) }
        line = pick(["  ", "", "\t", "    "]) + "->" + pick([" ", "", "  "]) + name
      } else {
        line += pick([" -> ", "->", " ->  ", "\t->\t"]) + name
      }
    }
    lines.append(line + (chance(30) ? gap() + quoted() : "") + trailing())
  }

  mutating func make() -> String {
    lines = []
    if chance(50) {
      let fence = pick(["---", "---", "---  "])
      lines += [
        fence, "title: Generated \(random.next() % 1000)   ", "owner: \"Someone: with a colon\"", "# yaml comment",
        "tags: [a, b]", pick(["---", "...", "---\t"]),
      ]
    }
    filler()
    declaration("stream", "s\(random.next() % 100)")
    if chance(30) { appendAttributes([("note", nil)]) }
    filler()
    declaration("demand", "need")
    let demandAttributes: [(keyword: String, value: String?)] = [("from", nil), ("note", nil)]
    appendAttributes(Array(demandAttributes.shuffled(using: &random).prefix(count(0...2))))
    let longNames = chance(30)
    let names = (0..<count(1...8)).map { longNames ? "step-with-a-rather-long-name-number-\($0)" : "s\($0)" }
    for name in names {
      filler()
      declaration("step", name)
      appendAttributes(stepAttributes())
      if chance(10) { flow(["need", name]) }
    }
    let values = (0..<count(1...2)).map { "done\($0)" }
    for value in values {
      filler()
      declaration("value", value)
      let valueAttributes: [(keyword: String, value: String?)] = [("for", nil), ("note", nil)]
      appendAttributes(Array(valueAttributes.shuffled(using: &random).prefix(count(0...2))))
    }
    for _ in 0..<count(0...3) {
      filler()
      var chain = ["need"] + names + [pick(values)]
      if chance(30) { chain += names }
      if chance(30) { chain = Array(chain.prefix(count(2...chain.count))) }
      flow(chain)
    }
    filler()
    let separator = chance(25) ? "\r\n" : "\n"
    let body =
      lines.joined(separator: separator) + pick([separator, separator, "", separator + separator, separator + "  "])
    return (chance(10) ? "\u{FEFF}" : "") + body
  }
}
