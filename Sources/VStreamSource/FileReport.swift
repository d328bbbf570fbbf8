/// The findings for one file, as the report renderers take them.
public struct FileReport: Sendable {
  /// The file, for positions and snippets (empty when it was not read, as for VS003).
  public var file: SourceFile
  /// Every finding, suppressed ones included and marked.
  public var diagnostics: [Diagnostic]

  public init(file: SourceFile, diagnostics: [Diagnostic]) {
    self.file = file
    self.diagnostics = diagnostics
  }
}
