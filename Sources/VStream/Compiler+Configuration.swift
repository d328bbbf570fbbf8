import VStreamCheck
import VStreamSource
import VStreamYAML

extension Compiler {
  /// Reads a configuration file (`vstream.yml`) from its bytes, within `limits` (the YAML limits of the command
  /// line). Never fails: problems are diagnostics about the file, and each setting they concern keeps its default.
  public static func configuration(
    _ file: SourceFile, limits: YAMLLimits = YAMLLimits()
  ) -> (configuration: Configuration, diagnostics: [Diagnostic]) {
    Configuration.load(file, root: "", limits: limits)
  }
}
