import ArgumentParser
import VStream

/// The options that `check`, `build`, `fmt` and `parse` share word for word: the size limit on a file and the limits
/// on YAML. They are checked here, once, and the inputs are read with them.
///
/// The paths, `--stdin-filename`, `--config` and `--color` stay with each command: their help differs between
/// commands (`fmt` writes standard input back out; only `check` and `build` look for a `vstream.yml`, and only they
/// take `--config`), and so does their place in the usage line.
struct InputOptions: ParsableArguments {
  @Option(help: "Refuse files larger than this many bytes (VS003).")
  var maxFileSize: Int = Inputs.defaultMaxFileSize

  @OptionGroup(title: "Limits on YAML (front matter and vstream.yml)")
  var yaml: YAMLLimitOptions

  func validate() throws {
    guard maxFileSize > 0 else { throw ValidationError("--max-file-size must be a positive number of bytes") }
  }

  /// Reads `paths` (see ``Inputs``) within these limits, and with `configPath` or the nearest `vstream.yml` above
  /// each file when `loadsConfiguration` is set; with `readsReferences`, also the repository's other streams, to
  /// resolve the ids the files name.
  func read(
    _ paths: [String], standardInputName: String?, configPath: String? = nil, loadsConfiguration: Bool = false,
    readsReferences: Bool = false
  ) throws -> Inputs {
    try Inputs(
      paths: paths, standardInputName: standardInputName, maxFileSize: maxFileSize, configPath: configPath,
      loadsConfiguration: loadsConfiguration, yamlLimits: yaml.limits, readsReferences: readsReferences)
  }

  /// How the streams are parsed: with these limits on their front matter.
  var parserOptions: ParserOptions { yaml.parserOptions }
}
