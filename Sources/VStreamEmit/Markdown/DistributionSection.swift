import VStreamModel

/// The stream page's Monte Carlo section: the percentiles, set beside the target when there is one, and a histogram
/// drawn with block characters (Markdown has no charts; a table of bars reads anywhere).
enum DistributionSection {
  /// The widest bar, in characters.
  static let barWidth = 24

  /// Empty when the simulation has not run (`check`, or `build --samples 0`).
  static func text(_ stream: ValueStream) -> String {
    guard let distribution = stream.metrics.distribution else { return "" }
    let settings = stream.settings
    func time(_ value: Duration) -> String { value.readable(settings) }
    var out = "\n## Lead time distribution\n\n"
    out +=
      "A Monte Carlo of \(distribution.samples) items: ranges drawn (uniform, or triangular for three-point "
      + "estimates), branches and rework taken by their shares. The same file gives the same figures.\n\n"
    out += "| | Lead time |" + (stream.metadata.target == nil ? "" : " Within the target |") + "\n"
    out += "| --- | ---: |" + (stream.metadata.target == nil ? "" : " --- |") + "\n"
    for (name, value) in [("P50", distribution.p50), ("P85", distribution.p85), ("P95", distribution.p95)] {
      let within = stream.metadata.target.map { value <= $0.duration ? " yes |" : " no |" } ?? ""
      out += "| \(name) | \(time(value)) |\(within)\n"
    }
    out += "| Mean | \(time(distribution.mean)) |" + (stream.metadata.target == nil ? "" : " |") + "\n"
    if distribution.truncated > 0 {
      out += "\n\(distribution.truncated) items were still in a rework loop after many visits; counted as they were.\n"
    }
    guard distribution.histogram.count > 1, let tallest = distribution.histogram.map(\.count).max(), tallest > 0 else {
      return out
    }
    out += "\n| From | Items | |\n| ---: | ---: | --- |\n"
    for bin in distribution.histogram {
      let width = (bin.count * barWidth + tallest - 1) / tallest
      out += "| \(time(bin.lower)) | \(bin.count) | \(String(repeating: "█", count: width)) |\n"
    }
    return out
  }
}
