import VStreamModel

/// A small deterministic generator, so that generated cases are the same on every run and machine, and a failure
/// names an input that can be made again: the Monte Carlo's own SplitMix64.
public typealias SeededGenerator = SplitMix64
