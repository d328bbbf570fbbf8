import ArgumentParser

/// One `--format` of `vstream check`: a report format, written to standard output or, as `sarif=out.sarif`, to a
/// file.
struct ReportRequest: ExpressibleByArgument, Equatable {
  enum Format: String, CaseIterable {
    case human, gcc, github, sarif, json
  }

  var format: Format
  /// The file to write the report to; nil for standard output.
  var path: String?

  init(format: Format, path: String? = nil) {
    self.format = format
    self.path = path
  }

  init?(argument: String) {
    let parts = argument.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
    guard let format = Format(rawValue: parts[0]) else { return nil }
    if parts.count == 2 && parts[1].isEmpty { return nil }
    self.init(format: format, path: parts.count == 2 ? parts[1] : nil)
  }

  static var allValueStrings: [String] { Format.allCases.map(\.rawValue) }
}
