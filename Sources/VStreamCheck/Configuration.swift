import VStreamModel
import VStreamSource
import VStreamYAML

/// A repository's settings, from `vstream.yml`:
///
/// ```yaml
/// rules:                      # lint severities: off | note | warning | error
///   no-practices: error
///   VS403: off
/// overrides:                  # the same, for paths matching a glob (relative to vstream.yml)
///   - paths: ["legacy/**"]
///     rules: { missing-metadata: off }
/// practices:                  # the organisation's own practices
///   - id: vendor-onboarding
///     name: Vendor onboarding
///     purpose: bring a new supplier under contract and into the service
/// thresholds:
///   flow-efficiency: 25%      # VS407 below this (default 1%: a floor for current-state maps)
/// time:                       # see Configuration+Time.swift
///   working-day: 8h           # 1wd; default 8h
///   working-week: 5           # 1ww in working days; default 5
///   display: days             # days | units | hours | compact
/// targets:
///   measure: main             # worst-case or p85: the lead time held against `target-lead-time`
/// portfolio:                  # checks over every stream it applies to (`PortfolioSettings`)
///   unused-practices: warning
/// framework: itil5            # for streams whose front matter names none (default itil4)
/// mixed-frameworks: forbid    # every stream follows `framework` (default allow)
/// ```
public struct Configuration: Sendable {
  public struct Override: Sendable {
    public var patterns: [String]
    public var severities: [DiagnosticCode: Severity?]
  }

  /// Severity by rule code; `nil` means off.
  public var severities: [DiagnosticCode: Severity?]
  public var overrides: [Override]
  public var catalogue: PracticeCatalogue
  /// VS407 fires below this fraction (0...1). The default, 1%, suits a current-state map, where 1-10% is the common
  /// finding; a future state sets its own target.
  public var flowEfficiencyThreshold: Double
  public var durationSettings: DurationSettings
  /// Which lead time a stream's `target-lead-time` is held against (`targets: measure:`); the main path's by default.
  public var targetMeasure: LeadTimeTarget.Measure = .main
  /// The directory of `vstream.yml`, as a path prefix for overrides ("" for the current directory).
  public var root: String
  /// The portfolio checks asked for; none by default.
  public var portfolio = PortfolioSettings()
  /// The framework of a stream whose front matter names none.
  public var framework: Framework = .itil4
  /// Whether a stream may name a framework other than `framework` (`mixed-frameworks: allow`, the default); when
  /// not, one that does gets VS352.
  public var allowsMixedFrameworks = true

  public init(
    severities: [DiagnosticCode: Severity?] = [:], overrides: [Override] = [], catalogue: PracticeCatalogue = .itil,
    flowEfficiencyThreshold: Double = 0.01, durationSettings: DurationSettings = .calendar, root: String = ""
  ) {
    self.severities = severities
    self.overrides = overrides
    self.catalogue = catalogue
    self.flowEfficiencyThreshold = flowEfficiencyThreshold
    self.durationSettings = durationSettings
    self.root = root
  }

  public static let `default` = Configuration()

  /// The severity of `rule` for a file at `path`, or nil when the rule is off there. Later overrides win.
  public func severity(of rule: RuleDescriptor, path: String) -> Severity? {
    var severity: Severity? = severities[rule.code] ?? rule.defaultSeverity
    guard rule.isConfigurable else { return rule.defaultSeverity }
    var relative = path
    while relative.hasPrefix("./") { relative.removeFirst(2) }
    if relative.hasPrefix(root) { relative.removeFirst(root.count) }
    for override in overrides where override.patterns.contains(where: { Glob.matches($0, relative) }) {
      if let value = override.severities[rule.code] { severity = value }
    }
    return severity
  }

  static let knownKeys = [
    "rules", "overrides", "practices", "thresholds", "time", "targets", "portfolio", "framework", "mixed-frameworks",
  ]

  /// Reads `vstream.yml`, within `limits` (the YAML limits of the command line). Never fails: problems are
  /// diagnostics and the setting keeps its default.
  public static func load(_ file: SourceFile, root: String = "", limits: YAMLLimits = YAMLLimits()) -> (
    Configuration, [Diagnostic]
  ) {
    var reader = ConfigurationReader(file: file)
    var configuration = Configuration(root: root)
    let (document, yamlDiagnostics) = YAMLReader(limits: limits).read(
      file, range: SourceRange(start: 0, end: UInt32(file.bytes.count)))
    reader.diagnostics += yamlDiagnostics
    guard let document = document, !document.isNull else { return (configuration, reader.diagnostics) }
    guard let pairs = document.mapping else {
      reader.invalid(document, "`vstream.yml` must be a mapping of settings, found \(document.kindDescription)")
      return (configuration, reader.diagnostics)
    }
    for pair in pairs {
      guard let key = pair.key.scalar else { continue }
      switch key {
      case "rules": configuration.severities = reader.severities(pair.value)
      case "overrides": configuration.overrides = reader.overrides(pair.value)
      case "practices":
        let custom = reader.practices(pair.value)
        let (catalogue, conflicts) = PracticeCatalogue.make(custom: custom.map(\.practice))
        configuration.catalogue = catalogue
        for conflict in conflicts {
          // The conflict's index points at the entry that was left out, not at an earlier one with the same id.
          let node = custom[conflict.index].node
          let owner =
            conflict.isBuiltIn
            ? "the ITIL practice `\(conflict.existing)`" : "the custom practice `\(conflict.existing)` above"
          reader.report(
            .configPracticeConflict, .error,
            "custom practice `\(conflict.id)` reuses `\(conflict.key)`, already taken by \(owner)", at: node,
            help: "choose an id and aliases that no other practice uses")
        }
      case "thresholds":
        for entry in reader.mapping(pair.value, "thresholds") {
          if entry.key.scalar == "flow-efficiency", let value = reader.percentage(entry.value) {
            configuration.flowEfficiencyThreshold = value
          } else if entry.key.scalar != "flow-efficiency" {
            reader.unknownKey(entry.key, among: ["flow-efficiency"])
          }
        }
      case "time": configuration.durationSettings = reader.time(pair.value)
      case "targets": configuration.targetMeasure = reader.targetMeasure(pair.value)
      case "portfolio": configuration.portfolio = reader.portfolio(pair.value)
      case "framework": configuration.framework = reader.framework(pair.value) ?? configuration.framework
      case "mixed-frameworks":
        switch pair.value.scalar {
        case "allow": configuration.allowsMixedFrameworks = true
        case "forbid": configuration.allowsMixedFrameworks = false
        default:
          reader.invalid(
            pair.value, "`mixed-frameworks` is `allow` or `forbid`",
            help: "write `mixed-frameworks: forbid` to hold every stream to `framework`")
        }
      default:
        reader.unknownKey(pair.key, among: knownKeys)
      }
    }
    return (configuration, reader.diagnostics)
  }
}

/// Turns the YAML of `vstream.yml` into settings, reporting what does not fit.
struct ConfigurationReader {
  let file: SourceFile
  var diagnostics: [Diagnostic] = []

  init(file: SourceFile) { self.file = file }

  mutating func report(
    _ code: DiagnosticCode, _ severity: Severity, _ message: String, at node: YAMLNode, help: String?
  ) {
    diagnostics.append(Diagnostic(code: code, severity: severity, message: message, range: node.range, help: help))
  }

  mutating func invalid(_ node: YAMLNode, _ message: String, help: String? = nil) {
    report(.configInvalidValue, .error, message, at: node, help: help)
  }

  mutating func unknownKey(_ key: YAMLNode, among known: [String]) {
    let text = key.scalar ?? ""
    report(
      .configUnknownKey, .warning, "unknown setting `\(text)`", at: key,
      help: Spelling.closest(to: text, among: known).map { "did you mean `\($0)`?" }
        ?? "known settings: \(known.joined(separator: ", "))")
  }

  mutating func mapping(_ node: YAMLNode, _ name: String) -> [YAMLPair] {
    if node.isNull { return [] }
    guard let pairs = node.mapping else {
      invalid(node, "`\(name)` must be a mapping, found \(node.kindDescription)")
      return []
    }
    return pairs
  }

  mutating func severities(_ node: YAMLNode) -> [DiagnosticCode: Severity?] {
    var result: [DiagnosticCode: Severity?] = [:]
    for pair in mapping(node, "rules") {
      let name = pair.key.scalar ?? ""
      guard let rule = CheckMessages.rule(named: name) ?? RuleCatalog.rule(named: name) else {
        let names = CheckMessages.rules.filter(\.isConfigurable).map(\.name)
        report(
          .configUnknownRule, .error, "unknown rule `\(name)`", at: pair.key,
          help: Spelling.closest(to: name, among: names).map { "did you mean `\($0)`?" }
            ?? "`vstream explain --list` lists the rules")
        continue
      }
      if let check = PortfolioSettings.Check.allCases.first(where: { $0.code == rule.code }) {
        report(
          .configUnknownRule, .error, "`\(name)` is a portfolio check: its severity is set under `portfolio:`",
          at: pair.key, help: "write `portfolio: { \(check.rawValue): \(pair.value.scalar ?? "warning") }`")
        continue
      }
      guard rule.isConfigurable else {
        report(
          .configUnknownRule, .error, "`\(name)` is an error and cannot be re-levelled", at: pair.key,
          help: "only lints (VS4xx) can be configured; fix what the error reports")
        continue
      }
      if let severity = severityValue(pair.value) { result[rule.code] = .some(severity) }
    }
    return result
  }

  /// A severity as written: `.some(nil)` for off; nil (reported) when the value is not one.
  mutating func severityValue(_ node: YAMLNode) -> Severity?? {
    let value = node.scalar ?? ""
    switch value {
    case "off": return .some(nil)
    case "note", "warning", "error": return .some(Severity(rawValue: value))
    default:
      invalid(node, "`\(value)` is not a severity", help: "use off, note, warning or error")
      return nil
    }
  }

  mutating func overrides(_ node: YAMLNode) -> [Configuration.Override] {
    guard let items = node.sequence else {
      if !node.isNull { invalid(node, "`overrides` must be a list, found \(node.kindDescription)") }
      return []
    }
    var result: [Configuration.Override] = []
    for item in items {
      var override = Configuration.Override(patterns: [], severities: [:])
      for pair in mapping(item, "an override") {
        switch pair.key.scalar {
        case "paths":
          override.patterns = (pair.value.sequence ?? [pair.value]).compactMap(\.scalar)
        case "rules":
          override.severities = severities(pair.value)
        default:
          unknownKey(pair.key, among: ["paths", "rules"])
        }
      }
      result.append(override)
    }
    return result
  }

  mutating func practices(_ node: YAMLNode) -> [(practice: Practice, node: YAMLNode)] {
    guard let items = node.sequence else {
      if !node.isNull { invalid(node, "`practices` must be a list, found \(node.kindDescription)") }
      return []
    }
    var result: [(Practice, YAMLNode)] = []
    for item in items {
      var id: String?
      var name: String?
      var purpose = ""
      var aliases: [String] = []
      for pair in mapping(item, "a practice") {
        switch pair.key.scalar {
        case "id": id = pair.value.scalar.map(Catalogue.normalize)
        case "name": name = pair.value.scalar
        case "purpose": purpose = pair.value.scalar ?? ""
        case "aliases": aliases = (pair.value.sequence ?? []).compactMap(\.scalar)
        default: unknownKey(pair.key, among: ["id", "name", "purpose", "aliases"])
        }
      }
      guard let practiceID = id, !practiceID.isEmpty else {
        invalid(item, "a custom practice needs an `id`", help: "write `- id: vendor-onboarding`")
        continue
      }
      result.append(
        (
          Practice(
            id: practiceID, name: name ?? practiceID, group: nil, purpose: purpose, aliases: aliases, isCustom: true),
          item
        ))
    }
    return result
  }

  mutating func percentage(_ node: YAMLNode) -> Double? {
    var text = node.scalar ?? ""
    if text.hasSuffix("%") { text.removeLast() }
    guard let value = Double(text), value >= 0, value <= 100 else {
      invalid(node, "expected a percentage between 0% and 100%", help: "write `flow-efficiency: 10%`")
      return nil
    }
    return value / 100
  }

  mutating func framework(_ node: YAMLNode) -> Framework? {
    let written = node.scalar ?? ""
    if let framework = Framework.named(written) { return framework }
    report(
      .configUnknownFramework, .error, "unknown framework `\(written)`; streams that name none stay ITIL 4",
      at: node, help: "write `framework: itil4` or `framework: itil5`")
    return nil
  }

  mutating func integer(_ node: YAMLNode, in range: ClosedRange<Int64>) -> Int64? {
    guard let value = node.intValue.map(Int64.init), range.contains(value) else {
      invalid(node, "expected a whole number from \(range.lowerBound) to \(range.upperBound)")
      return nil
    }
    return value
  }
}

/// Path patterns: `*` matches within one folder, `**` across folders, `?` one character.
enum Glob {
  static func matches(_ pattern: String, _ path: String) -> Bool {
    matches(Array(pattern.unicodeScalars), 0, Array(path.unicodeScalars), 0)
  }

  private static func matches(_ pattern: [Unicode.Scalar], _ p: Int, _ path: [Unicode.Scalar], _ s: Int) -> Bool {
    var p = p
    var s = s
    while p < pattern.count {
      let character = pattern[p]
      if character == "*" {
        let isDouble = p + 1 < pattern.count && pattern[p + 1] == "*"
        let next = p + (isDouble ? 2 : 1)
        // `**/` also matches no folder at all.
        if isDouble, next < pattern.count, pattern[next] == "/", matches(pattern, next + 1, path, s) { return true }
        var index = s
        while true {
          if matches(pattern, next, path, index) { return true }
          guard index < path.count, isDouble || path[index] != "/" else { return false }
          index += 1
        }
      }
      guard s < path.count, character == "?" ? path[s] != "/" : character == path[s] else { return false }
      p += 1
      s += 1
    }
    return s == path.count
  }
}
