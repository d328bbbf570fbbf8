import VStreamModel
import VStreamSource
import VStreamSyntax
import VStreamYAML

/// The first phase's other half: the front matter read into ``Metadata``, and what in it could not be read, for the
/// rules to report.
struct FrontMatter {
  /// Something in the front matter that a rule reports.
  enum Problem {
    /// The file has no front matter (VS405).
    case missing
    /// The front matter is empty (VS405).
    case empty(SourceRange)
    /// The front matter is not a mapping (VS317).
    case notAMapping(YAMLNode)
    /// A known key with a value of the wrong type (VS317).
    case wrongType(key: String, value: YAMLNode, expected: String)
    /// A `status` that is not one of the statuses (VS317).
    case unknownStatus(YAMLNode)
    /// A `vstream:` version this vstream does not read (VS318).
    case unsupportedVersion(Int, SourceRange)
    /// A key vstream does not know (VS404).
    case unknownKey(String, SourceRange)
    /// `title` or `owner` is missing (VS405): the missing keys, and where the front matter starts.
    case missingKeys([String], SourceRange)
    /// A `framework` that names no framework vstream knows (VS351).
    case unknownFramework(YAMLNode)
  }

  static let knownKeys = [
    "vstream", "title", "owner", "version", "status", "consumer", "description", "tags", "target-lead-time",
    "framework",
  ]

  /// The `framework:` value as written, for the rules that point at it or offer to change it.
  var frameworkNode: YAMLNode?

  var metadata = Metadata()
  var problems: [Problem] = []
  /// The keys written, known or not: a misspelt key is never offered one that is there already.
  var writtenKeys: Set<String> = []
  /// Where `target-lead-time` is written, for the findings about it.
  var targetRange: SourceRange?
  /// How long days and weeks are, and which lead time a target is held against.
  private var settings = DurationSettings.calendar
  private var measure = LeadTimeTarget.Measure.main

  /// Reads the front matter. `syntaxErrors` says whether the file, and its YAML, had syntax errors: a YAML error is
  /// not judged again (one mistake, one diagnostic), and a file whose body is broken is not asked for metadata.
  static func read(
    _ syntax: FileSyntax, syntaxErrors: (inFile: Bool, inFrontMatter: Bool), configuration: Configuration = .default
  ) -> FrontMatter {
    var result = FrontMatter()
    result.settings = configuration.durationSettings
    result.measure = configuration.targetMeasure
    guard !syntaxErrors.inFrontMatter else { return result }
    guard let frontMatter = syntax.frontMatter else {
      if !syntaxErrors.inFile { result.problems.append(.missing) }
      return result
    }
    guard let root = frontMatter.root, !root.isNull else {
      result.problems.append(.empty(frontMatter.range))
      return result
    }
    guard let pairs = root.mapping else {
      result.problems.append(.notAMapping(root))
      return result
    }
    for pair in pairs {
      guard let key = pair.key.scalar else { continue }
      result.writtenKeys.insert(key)
    }
    for pair in pairs {
      guard let key = pair.key.scalar else { continue }
      result.read(key, pair.value, keyRange: pair.key.range)
    }
    let missing = ["title", "owner"].filter { root[$0] == nil }
    if !missing.isEmpty {
      let range = frontMatter.range
      result.problems.append(
        .missingKeys(missing, range.isEmpty ? range : SourceRange(start: range.start, end: range.start + 3)))
    }
    return result
  }

  private mutating func read(_ key: String, _ value: YAMLNode, keyRange: SourceRange) {
    switch key {
    case "vstream":
      guard let version = value.intValue else {
        return problems.append(.wrongType(key: key, value: value, expected: "the integer 1"))
      }
      metadata.languageVersion = version
      if version != 1 { problems.append(.unsupportedVersion(version, value.range)) }
    case "title": metadata.title = string(key, value)
    case "owner": metadata.owner = string(key, value)
    case "version": metadata.version = string(key, value)
    case "consumer": metadata.consumer = string(key, value)
    case "description": metadata.description = string(key, value)
    case "status":
      guard let text = value.scalar, let status = Metadata.Status(rawValue: text) else {
        return problems.append(.unknownStatus(value))
      }
      metadata.status = status
    case "tags":
      guard let items = value.sequence, items.allSatisfy({ $0.scalar != nil }) else {
        return problems.append(
          .wrongType(key: key, value: value, expected: "a list of strings such as `[incident, availability]`"))
      }
      metadata.tags = items.compactMap(\.scalar)
    case "target-lead-time":
      // Elapsed time: calendar days and weeks, or hours; a working day is not a length on the calendar.
      guard let text = value.scalar, let parts = DurationSyntax.parts(of: text),
        !parts.contains(where: \.unit.isWorking)
      else {
        return problems.append(
          .wrongType(key: key, value: value, expected: "a lead time in calendar days or hours such as `3d` or `36h`"))
      }
      let seconds = parts.reduce(Duration.zero) { total, part in
        total + Duration(part.amount, DurationUnit(rawValue: part.unit.rawValue) ?? .second, settings: settings)
      }
      metadata.target = LeadTimeTarget(duration: seconds, measure: measure)
      targetRange = value.range
    case "framework":
      frameworkNode = value
      guard let text = value.scalar, !value.isNull else {
        return problems.append(.wrongType(key: key, value: value, expected: "`itil4` or `itil5`"))
      }
      guard let framework = Framework.named(text) else { return problems.append(.unknownFramework(value)) }
      metadata.framework = framework
    default:
      problems.append(.unknownKey(key, keyRange))
    }
  }

  private mutating func string(_ key: String, _ value: YAMLNode) -> String? {
    guard let text = value.scalar, !value.isNull else {
      problems.append(.wrongType(key: key, value: value, expected: "text"))
      return nil
    }
    return text
  }
}
