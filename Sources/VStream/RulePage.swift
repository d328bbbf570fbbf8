import VStreamSource

/// A rule's explanation as text (for the terminal) and as the Markdown page under `specs/diagnostics/`.
public enum RulePage {
  public static func text(_ rule: RuleDescriptor) -> String {
    var out =
      "\(rule.code) \(rule.name) (\(rule.defaultSeverity.rawValue)\(rule.isConfigurable ? ", configurable" : ""))\n"
    out += rule.summary + "\n\n" + rule.explanation + "\n"
    if !rule.badExample.isEmpty {
      out += "\nThis triggers it:\n\n" + indent(rule.badExample) + "\nThis does not:\n\n" + indent(rule.goodExample)
    }
    return out
  }

  public static func markdown(_ rule: RuleDescriptor) -> String {
    var out = "# \(rule.code): \(rule.name)\n\n"
    out += "Default severity: **\(rule.defaultSeverity.rawValue)**"
    out +=
      rule.isConfigurable
      ? " (configurable in `vstream.yml`, can be silenced with `# vstream: allow \(rule.name) -- reason`)\n\n" : "\n\n"
    out += rule.summary.prefix(1).uppercased() + rule.summary.dropFirst() + ".\n\n" + rule.explanation + "\n"
    if !rule.badExample.isEmpty {
      out +=
        "\n## Example\n\nThis triggers it:\n\n```vstream\n" + rule.badExample + "```\n\nThis does not:\n\n```vstream\n"
        + rule.goodExample + "```\n"
    }
    return out
  }

  static func indent(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "    " + $0 }.joined(
      separator: "\n")
  }
}
