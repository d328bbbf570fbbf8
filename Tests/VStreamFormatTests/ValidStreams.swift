import VStreamModel

/// Streams that check without errors, written in the untidy ways ``MessyStreams`` knows: steps with activities and
/// practices from the catalogue (by id or by alias, in any case), metrics, roles and notes, several values, branches
/// that skip steps, loops back for rework (on `rework` lines), comments everywhere, front matter, CRLF and a byte order mark.
///
/// The generator remembers what it meant (the ids and the arrows), so that a test can compare the checked model with
/// the intent, not only with itself.
struct ValidStreams {
  /// What a generated file says, independently of how it is written.
  struct Intent {
    var streamID: String
    var demand: String
    var steps: [String]
    var values: [String]
    /// Every arrow as `from>to`.
    var arrows: Set<String>
  }

  /// The untidy writing and the random numbers, shared with the formatter's generator.
  var messy: MessyStreams
  /// The framework of the stream being made: ITIL Version 5 for some of those with front matter, which then says so.
  var framework = Framework.itil4

  init(seed: UInt64) { messy = MessyStreams(seed: seed) }

  static let activities: [String] =
    Framework.itil4.activities.flatMap { [$0.id] + $0.aliases } + [
      "Engage", "DELIVER_AND_SUPPORT", "Obtain/Build", "design_&_transition",
    ]
  /// Version 5's, where `build` is an id rather than ITIL 4's alias.
  static let lifecycleActivities: [String] =
    Framework.itil5.activities.flatMap { [$0.id] + $0.aliases } + ["Discover", "SUPPORT", "Build", "Operations"]
  static let practices: [String] =
    PracticeCatalogue.itil.all.flatMap { [$0.id] + $0.aliases } + [
      "Service-Desk", "INCIDENT_MANAGEMENT", "Change-Control",
    ]
  static let words = ["triage", "diagnose", "fix", "deploy", "confirm", "review", "approve", "log", "build", "test"]

  /// A YAML scalar that stays a string: plain, single- or double-quoted.
  mutating func yamlString() -> String {
    messy.pick([
      "Restore a live service", "'Single: quoted'", "\"Double \\\"quoted\\\" \\u00e9\"", "Ünïcode 🚑 title",
      "\"#not a comment\"", "'it''s'", "plain text, commas and - dashes",
    ])
  }

  mutating func frontMatter() -> [String] {
    var lines = [messy.pick(["---", "---", "--- "])]
    var entries: [[String]] = [
      ["title: " + yamlString()], ["owner: " + yamlString()],
      ["version: " + messy.pick(["1.0.0", "\"2.1\"", "0.3.7"])],
      ["status: " + messy.pick(["draft", "review", "live", "retired"])], ["consumer: " + yamlString()],
      ["tags: " + messy.pick(["[incident, availability]", "[]", "[\"a b\", c]", "\n  - one\n  - two"])],
      ["description: >", "  Folded text", "  over two lines."], ["vstream: 1"], ["# a YAML comment"],
    ]
    entries.shuffle(using: &messy.random)
    for entry in entries.prefix(messy.count(0...entries.count)) { lines += entry }
    if framework == .itil5 { lines.append("framework: " + messy.pick(["itil5", "ITIL-5", "itil_v5"])) }
    lines.append(messy.pick(["---", "...", "---\t"]))
    return lines
  }

  mutating func stepAttributes() -> [(keyword: String, value: String?)] {
    var practices: [String] = []
    for _ in 0..<messy.count(0...3) {
      let practice = messy.pick(Self.practices)
      // The same practice twice is a warning, not an error; distinct ones keep the findings simple to compare.
      let id = PracticeCatalogue.itil.resolve(practice).entry?.id
      if !practices.contains(where: { PracticeCatalogue.itil.resolve($0).entry?.id == id }) {
        practices.append(practice)
      }
    }
    var attributes: [(keyword: String, value: String?)] = [
      ("activity", messy.pick(framework == .itil5 ? Self.lifecycleActivities : Self.activities)),
      ("roles", messy.list((0..<messy.count(1...3)).map { _ in messy.quoted() })),
      ("time", messy.duration()),
      ("wait", messy.duration()),
      ("ca", messy.percentage()),
      ("note", nil),
    ]
    if !practices.isEmpty { attributes.append(("practices", messy.list(practices))) }
    let activity = attributes.removeFirst()
    attributes.shuffle(using: &messy.random)
    // The activity is required; where it goes among the other attributes is free.
    var chosen = Array(attributes.prefix(messy.count(0...attributes.count)))
    chosen.insert(activity, at: messy.count(0...chosen.count))
    return chosen
  }

  mutating func make() -> (text: String, intent: Intent) {
    messy.lines = []
    framework = .itil4
    if messy.chance(60) {
      if messy.chance(40) { framework = .itil5 }
      messy.lines += frontMatter()
    }
    messy.filler()
    let streamID = messy.pick(["restore", "fulfil_request", "onboard-employee", "s"]) + "-\(messy.random.next() % 100)"
    messy.declaration("stream", streamID)
    if messy.chance(30) { messy.appendAttributes([("note", nil)]) }
    messy.filler()
    let demand = messy.pick(["need", "outage", "request"])
    messy.declaration("demand", demand)
    messy.appendAttributes(
      Array([("from", nil), ("note", nil)].shuffled(using: &messy.random).prefix(messy.count(0...2))))
    let steps = (0..<messy.count(1...9)).map { "\(messy.pick(Self.words))-\($0)" }
    for step in steps {
      messy.filler()
      messy.declaration("step", step)
      messy.appendAttributes(stepAttributes())
    }
    let values = (0..<messy.count(1...3)).map { "done_\($0)" }
    for value in values {
      messy.filler()
      messy.declaration("value", value)
      messy.appendAttributes(
        Array([("for", nil), ("note", nil)].shuffled(using: &messy.random).prefix(messy.count(0...2))))
    }

    var arrows = Set<String>()
    if messy.chance(25) {
      // No flow line: the declaration order, the last step leading to every value.
      for (from, to) in zip([demand] + steps, steps) { arrows.insert("\(from)>\(to)") }
      for value in values { arrows.insert("\(steps.last!)>\(value)") }
    } else {
      // The spine reaches every step from the demand and ends in a value; other values, skips and loops branch off
      // it, so every step still reaches a value. Each arrow is written once.
      let spine = [demand] + steps + [values[0]]
      var chains: [(names: [String], isRework: Bool)] = [(spine, false)]
      for value in values.dropFirst() { chains.append(([messy.pick(steps), value], false)) }
      for _ in 0..<messy.count(0...3) where steps.count > 1 {
        let from = messy.count(0...(steps.count - 2))
        let to = messy.count((from + 1)...(steps.count - 1))
        chains.append(messy.chance(50) ? ([steps[from], steps[to]], false) : ([steps[to], steps[from]], true))
      }
      for (chain, isRework) in chains {
        let pairs = zip(chain, chain.dropFirst()).map { "\($0)>\($1)" }
        guard !pairs.contains(where: arrows.contains) else { continue }
        arrows.formUnion(pairs)
        messy.filler()
        messy.flow(chain, keyword: isRework ? "rework" : "flow")
      }
    }
    messy.filler()
    let separator = messy.chance(25) ? "\r\n" : "\n"
    let body = messy.lines.joined(separator: separator) + separator
    let text = (messy.chance(10) ? "\u{FEFF}" : "") + body
    return (text, Intent(streamID: streamID, demand: demand, steps: steps, values: values, arrows: arrows))
  }
}
