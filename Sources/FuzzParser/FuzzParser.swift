import FuzzSupport
import VStream
import VStreamLargeFile
import VStreamSource
import VStreamSyntax

/// libFuzzer's entry point for the lexer and parser: any bytes give a tree and diagnostics that fit the file, the
/// tree prints as `vstream parse` prints it, and parsing in pieces gives the same.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzParser(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let file = SourceFile(path: "fuzz.vstream", bytes: FuzzDriver.bytes(data, size))
  let parsed = Compiler.parse(file)
  Invariant.syntax(parsed.syntax, in: file)
  Invariant.diagnostics(parsed.diagnostics, in: file)
  let json = parsed.syntax.json(in: file).rendered()
  Invariant.require(json.hasPrefix("{"), "the syntax tree does not print as a JSON object")
  // A large body is parsed in pieces on separate cores; here every input is cut (at declaration lines near equal
  // spacing), and the pieces must give exactly the parse from the top.
  let (cutSyntax, cutDiagnostics) = LargeFile.parse(file, pieces: 3)
  Invariant.require(
    cutDiagnostics == parsed.diagnostics && cutSyntax.json(in: file).rendered() == json,
    "parsing in pieces gives another tree or other diagnostics")
  return 0
}

@main
enum Harness {
  static func main() { FuzzDriver.run(fuzzParser) }
}
