import FuzzSupport
import VStream
import VStreamSource
import VStreamSyntax

/// libFuzzer's entry point for the lexer and parser: any bytes give a tree and diagnostics that fit the file, and the
/// tree prints as `vstream parse` prints it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzParser(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let file = SourceFile(path: "fuzz.vstream", bytes: FuzzDriver.bytes(data, size))
  let parsed = Compiler.parse(file)
  Invariant.syntax(parsed.syntax, in: file)
  Invariant.diagnostics(parsed.diagnostics, in: file)
  let json = parsed.syntax.json(in: file).rendered()
  Invariant.require(json.hasPrefix("{"), "the syntax tree does not print as a JSON object")
  return 0
}

@main
enum Harness {
  static func main() { FuzzDriver.run(fuzzParser) }
}
