import VStreamModel
import VStreamSource

extension Compiler {
  /// The streams with their Monte Carlo lead time (``LeadTimeSimulation``) in `metrics.distribution`, `samples`
  /// items each, on every core; in the order given. `check` does not call this (it simulates only a stream held to
  /// `targets: measure: p85`, in that rule); `build` does, for the Markdown and JSON outputs.
  public static func simulate(_ streams: [ValueStream], samples: Int = LeadTimeSimulation.defaultSamples)
    -> [ValueStream]
  {
    Parallel.map(streams.count) { index in
      var stream = streams[index]
      stream.metrics.distribution = LeadTimeSimulation.run(stream, samples: samples)
      return stream
    }
  }
}
