import ArgumentParser

/// One `--format` of a command that writes reports: a format, written to standard output or, as `FORMAT=FILE`
/// (`sarif=out.sarif`, `md=diff.md`), to a file.
struct FormatRequest<Format: RawRepresentable & CaseIterable & Equatable>: ExpressibleByArgument, Equatable
where Format.RawValue == String {
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

/// The formats of `vstream check`.
enum ReportFormat: String, CaseIterable {
  case human, gcc, github, sarif, json
}

/// One `--format` of `vstream check`.
typealias ReportRequest = FormatRequest<ReportFormat>
