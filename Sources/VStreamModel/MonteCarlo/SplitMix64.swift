/// The simulation's random numbers: SplitMix64 (Steele, Lea and Flood), a 64-bit generator of our own so that the
/// same seed gives the same numbers on every platform and Swift version, which `SystemRandomNumberGenerator` does not
/// promise. A value, passed `inout`: no global state.
public struct SplitMix64: RandomNumberGenerator, Sendable {
  private var state: UInt64

  public init(seed: UInt64) { state = seed }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A double uniform in [0, 1), from the top 53 bits.
  public mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

  /// A seed from text (FNV-1a, 64 bits): the stream's id, so that each stream has its own, stable numbers.
  public static func seed(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
    return hash
  }
}
