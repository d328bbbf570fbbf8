/// libFuzzer's driver, entered from a Swift `main`.
///
/// SwiftPM gives every executable target its own entry point and makes `main` an alias of it, so libFuzzer's `main`
/// (linked by `-sanitize=fuzzer`) never runs. Each harness therefore has a `@main` that hands its
/// `LLVMFuzzerTestOneInput` to `LLVMFuzzerRunDriver`, which parses the usual libFuzzer flags and fuzzes.
public enum FuzzDriver {
  /// The signature of `LLVMFuzzerTestOneInput`.
  public typealias TestOneInput = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

  /// Runs libFuzzer with the process's arguments and exits with its status.
  public static func run(_ testOneInput: TestOneInput) -> Never {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(runDriver(&argc, &argv, testOneInput))
  }

  /// The bytes of one input; libFuzzer may pass a null pointer for an empty one.
  public static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    guard let data = data, size > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: data, count: size))
  }
}

// Both are C functions with only pointer and integer arguments, which Swift's calling convention passes the same way.
@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(
  _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
  _ testOneInput: FuzzDriver.TestOneInput
) -> CInt

@_silgen_name("exit")
private func exit(_ status: CInt) -> Never
