import ArgumentParser
import VStream

/// The limits on YAML (front matter and `vstream.yml`) as options, for every command that reads a stream.
///
/// The defaults suit any real metadata and keep hostile YAML harmless; a repository that legitimately needs more
/// raises them here. Depth and values have ceilings because the tree's consumers (the JSON of `vstream parse`,
/// equality) walk it recursively and in full.
struct YAMLLimitOptions: ParsableArguments {
  /// The highest `--max-yaml-depth`: deep enough for any metadata, shallow enough for recursive walks.
  static let depthCeiling = 1_000
  /// The highest `--max-yaml-values`.
  static let valuesCeiling = 1_000_000

  @Option(help: "Refuse front matter or a vstream.yml larger than this many bytes (VS205).")
  var maxYamlSize: Int = YAMLLimits().maxBytes

  @Option(help: "Refuse YAML nested deeper than this many levels, at most 1000 (VS204).")
  var maxYamlDepth: Int = YAMLLimits().maxDepth

  @Option(help: "Refuse YAML with more values than this once aliases are expanded, at most 1000000 (VS205).")
  var maxYamlValues: Int = YAMLLimits().maxNodes

  func validate() throws {
    guard maxYamlSize > 0 else { throw ValidationError("--max-yaml-size must be a positive number of bytes") }
    guard (1...Self.depthCeiling).contains(maxYamlDepth) else {
      throw ValidationError("--max-yaml-depth must be from 1 to \(Self.depthCeiling)")
    }
    guard (1...Self.valuesCeiling).contains(maxYamlValues) else {
      throw ValidationError("--max-yaml-values must be from 1 to \(Self.valuesCeiling)")
    }
  }

  var limits: YAMLLimits { YAMLLimits(maxDepth: maxYamlDepth, maxNodes: maxYamlValues, maxBytes: maxYamlSize) }

  var parserOptions: ParserOptions { ParserOptions(yamlLimits: limits) }
}
