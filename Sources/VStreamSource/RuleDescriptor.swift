/// What a diagnostic code means: the data behind `vstream explain`, SARIF's rule list and the specification's
/// page per code.
public struct RuleDescriptor: Hashable, Sendable {
  /// Stable code such as `VS104`.
  public var code: DiagnosticCode
  /// Stable kebab-case name used in suppressions and configuration, such as `no-practices`.
  public var name: String
  public var defaultSeverity: Severity
  /// One line: what the rule checks.
  public var summary: String
  /// A paragraph: why the rule exists and how to fix a finding.
  public var explanation: String
  /// A small file that triggers the rule, and the same file fixed. Both are run as tests.
  public var badExample: String
  public var goodExample: String
  /// Whether a `# vstream: allow` comment or configuration can silence or re-level the rule. Syntax errors cannot
  /// be: a file that does not parse has no meaning to suppress in.
  public var isConfigurable: Bool

  public init(
    code: DiagnosticCode,
    name: String,
    defaultSeverity: Severity,
    summary: String,
    explanation: String,
    badExample: String,
    goodExample: String,
    isConfigurable: Bool
  ) {
    self.code = code
    self.name = name
    self.defaultSeverity = defaultSeverity
    self.summary = summary
    self.explanation = explanation
    self.badExample = badExample
    self.goodExample = goodExample
    self.isConfigurable = isConfigurable
  }
}
