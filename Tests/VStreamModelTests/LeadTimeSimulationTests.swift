import VStreamModel
import VStreamSource
import XCTest

/// The Monte Carlo against closed forms. Tolerance: with 20,000 samples the standard error of a P95 is under 0.3%
/// of the range for the distributions below, so each percentile must be within 1% of the range (more than three
/// standard errors); the seed is fixed, so these pass or fail deterministically.
final class LeadTimeSimulationTests: XCTestCase {
  func step(_ id: String, time: Int64, wait: Int64 = 0, ca: Int64? = nil, timeRange: Estimate? = nil) -> Step {
    Step(
      id: id, title: id, activity: .engage, practices: [], roles: [], processTime: Duration(seconds: time),
      waitTime: Duration(seconds: wait), completeAccurate: ca.map { Percentage(hundredths: $0 * 100) }, note: nil,
      range: SourceRange(start: 0, end: 0), processEstimate: timeRange)
  }

  /// demand -> step 0 -> ... -> value 0.
  func chain(_ count: Int) -> [Edge] {
    let nodes: [NodeRef] = [.demand] + (0..<count).map { .step($0) } + [.value(0)]
    return zip(nodes, nodes.dropFirst()).map { Edge(from: $0, to: $1) }
  }

  func testWithoutRangesOneRouteGivesItsLeadTimeExactly() throws {
    let steps = [step("a", time: 300, wait: 7_200), step("b", time: 1_801, wait: 59)]
    let result = try XCTUnwrap(
      LeadTimeSimulation.run(steps: steps, valueCount: 1, edges: chain(2), seed: 7, samples: 1_000))
    XCTAssertEqual([result.p50, result.p85, result.p95, result.mean].map(\.seconds), Array(repeating: 9_360, count: 4))
    XCTAssertEqual(result.histogram.map(\.lower.seconds), [9_360], "one bar when every item takes as long")
    XCTAssertEqual(result.histogram.map(\.count), [1_000])
  }

  /// Three independent ranges 0..1h: the lead time is an Irwin–Hall sum, whose distribution function is known.
  func testTheSumOfUniformRangesFollowsIrwinHall() throws {
    let range = Estimate(least: .zero, most: Duration(seconds: 3_600))
    let steps = (0..<3).map { step("s\($0)", time: 1_800, timeRange: range) }
    let result = try XCTUnwrap(
      LeadTimeSimulation.run(steps: steps, valueCount: 1, edges: chain(3), seed: 42, samples: 20_000))
    func cdf(_ x: Double) -> Double {
      switch x {
      case ..<0: return 0
      case ..<1: return x * x * x / 6
      case ..<2: return (-2 * x * x * x + 9 * x * x - 9 * x + 3) / 6
      case ..<3: return 1 - (3 - x) * (3 - x) * (3 - x) / 6
      default: return 1
      }
    }
    func quantile(_ p: Double) -> Double {
      var (low, high) = (0.0, 3.0)
      for _ in 0..<60 {
        let middle = (low + high) / 2
        if cdf(middle) < p { low = middle } else { high = middle }
      }
      return low * 3_600
    }
    let tolerance = 0.01 * 3 * 3_600
    XCTAssertEqual(Double(result.p50.seconds), quantile(0.50), accuracy: tolerance)
    XCTAssertEqual(Double(result.p85.seconds), quantile(0.85), accuracy: tolerance)
    XCTAssertEqual(Double(result.p95.seconds), quantile(0.95), accuracy: tolerance)
    XCTAssertEqual(Double(result.mean.seconds), 1.5 * 3_600, accuracy: tolerance)
    XCTAssertEqual(result.histogram.map(\.count).reduce(0, +), 20_000)
  }

  /// demand -> fork; fork runs `a` and `b` in parallel, both -> join -> value.
  func forkEdges() -> [Edge] {
    [
      Edge(from: .demand, to: .step(0)), Edge(from: .step(0), to: .step(1), kind: .parallel),
      Edge(from: .step(0), to: .step(2), kind: .parallel), Edge(from: .step(1), to: .step(3)),
      Edge(from: .step(2), to: .step(3)), Edge(from: .step(3), to: .value(0)),
    ]
  }

  /// Parallel branches of fixed length: every item waits for the longer, so each percentile is 10 m + 5 h + 20 m.
  func testAForkWaitsForItsSlowestBranch() throws {
    let steps = [step("fork", time: 600), step("a", time: 7_200), step("b", time: 18_000), step("join", time: 1_200)]
    let result = try XCTUnwrap(
      LeadTimeSimulation.run(steps: steps, valueCount: 1, edges: forkEdges(), seed: 3, samples: 1_000))
    XCTAssertEqual(
      [result.p50, result.p85, result.p95, result.mean].map(\.seconds), Array(repeating: 19_800, count: 4))
  }

  /// Two parallel branches, each a uniform range 0..1h: the item waits for the maximum of two uniforms, whose
  /// distribution function is x², so the p-quantile is √p hours (P50 0.7071 h, P85 0.9220 h, P95 0.9747 h) and the
  /// mean 2/3 h. (The expected figures take the larger mean, 1/2 h: the simulation gives the true wait.)
  func testAForkOfTwoUniformRangesFollowsTheMaximum() throws {
    let range = Estimate(least: .zero, most: Duration(seconds: 3_600))
    let steps = [
      step("fork", time: 0), step("a", time: 1_800, timeRange: range), step("b", time: 1_800, timeRange: range),
      step("join", time: 0),
    ]
    let result = try XCTUnwrap(
      LeadTimeSimulation.run(steps: steps, valueCount: 1, edges: forkEdges(), seed: 11, samples: 20_000))
    let tolerance = 0.01 * 3_600
    XCTAssertEqual(Double(result.p50.seconds), 0.50.squareRoot() * 3_600, accuracy: tolerance)
    XCTAssertEqual(Double(result.p85.seconds), 0.85.squareRoot() * 3_600, accuracy: tolerance)
    XCTAssertEqual(Double(result.p95.seconds), 0.95.squareRoot() * 3_600, accuracy: tolerance)
    XCTAssertEqual(Double(result.mean.seconds), 2.0 / 3 * 3_600, accuracy: tolerance)
  }

  /// A step of 1 h that sends half its items back to itself: the visits are geometric, P(N <= k) = 1 - 0.5^k, so
  /// P50 = 1 h, P85 = 3 h, P95 = 5 h exactly, and the mean is 2 h.
  func testReworkVisitsAreGeometric() throws {
    let steps = [step("a", time: 3_600, ca: 50)]
    let edges = chain(1) + [Edge(from: .step(0), to: .step(0), kind: .rework)]
    let result = try XCTUnwrap(
      LeadTimeSimulation.run(steps: steps, valueCount: 1, edges: edges, seed: 3, samples: 20_000))
    XCTAssertEqual([result.p50, result.p85, result.p95].map(\.seconds), [3_600, 10_800, 18_000])
    XCTAssertEqual(Double(result.mean.seconds), 7_200, accuracy: 0.02 * 7_200)
    XCTAssertEqual(result.truncated, 0)
  }

  /// Branch shares: 30% of items take a 10 h detour, so P50 is the short route and P85 and P95 the long one.
  func testBranchSharesWeighTheRoutes() throws {
    let steps = [step("short", time: 3_600), step("long", time: 36_000)]
    let edges = [
      Edge(from: .demand, to: .step(0), share: Percentage(hundredths: 7_000)),
      Edge(from: .demand, to: .step(1), share: Percentage(hundredths: 3_000)),
      Edge(from: .step(0), to: .value(0)), Edge(from: .step(1), to: .value(0)),
    ]
    let result = try XCTUnwrap(
      LeadTimeSimulation.run(steps: steps, valueCount: 1, edges: edges, seed: 9, samples: 20_000))
    XCTAssertEqual([result.p50, result.p85, result.p95].map(\.seconds), [3_600, 36_000, 36_000])
    XCTAssertEqual(Double(result.mean.seconds), 0.7 * 3_600 + 0.3 * 36_000, accuracy: 0.01 * 36_000)
  }

  /// Durations near the limit, visited many times, saturate instead of trapping.
  func testHugeDurationsSaturate() throws {
    let huge = Duration(seconds: Int64.max / 2)
    let steps = [step("a", time: huge.seconds, ca: 1, timeRange: Estimate(least: huge, most: Duration(seconds: .max)))]
    let edges = chain(1) + [Edge(from: .step(0), to: .step(0), kind: .rework)]
    let result = try XCTUnwrap(LeadTimeSimulation.run(steps: steps, valueCount: 1, edges: edges, seed: 1, samples: 50))
    XCTAssertEqual(result.most.seconds, .max)
    XCTAssertGreaterThan(result.least.seconds, 0)
  }

  func testSameSeedSameResultAndTheTriangleHasItsMean() throws {
    let triangle = Estimate(
      least: Duration(seconds: 0), mostLikely: Duration(seconds: 600), most: Duration(seconds: 3_000))
    XCTAssertEqual(triangle.mean.seconds, 1_200)
    XCTAssertEqual(triangle.sample(0), 0)
    XCTAssertEqual(triangle.sample(0.2), 600, accuracy: 1e-9, "the mode sits at F = (m - a) / (b - a)")
    XCTAssertEqual(triangle.sample(1), 3_000)
    let steps = [step("a", time: 1_200, timeRange: triangle)]
    let run = { LeadTimeSimulation.run(steps: steps, valueCount: 1, edges: self.chain(1), seed: $0, samples: 20_000) }
    let first = try XCTUnwrap(run(11))
    XCTAssertEqual(first, run(11))
    XCTAssertNotEqual(first.histogram, run(12)?.histogram)
    XCTAssertEqual(Double(first.mean.seconds), 1_200, accuracy: 0.01 * 3_000)
    // The triangle's median: F(x) = 1 - (b - x)^2 / ((b - a)(b - m)) = 0.5 past the mode.
    XCTAssertEqual(Double(first.p50.seconds), 3_000 - (0.5 * 3_000 * 2_400).squareRoot(), accuracy: 0.01 * 3_000)
  }
}
