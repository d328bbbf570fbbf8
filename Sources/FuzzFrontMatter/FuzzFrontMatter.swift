import FuzzSupport
import VStream
import VStreamCheck
import VStreamSource
import VStreamYAML

/// libFuzzer's entry point for the front-matter reader: the input is read as YAML on its own, as YAML inside a
/// file's front matter (so that the reader must stay inside its range), and as a `vstream.yml`.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrontMatter(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  FrontMatterTarget.run(FuzzDriver.bytes(data, size))
  return 0
}

enum FrontMatterTarget {
  /// Small enough that short inputs reach every limit.
  static let tightLimits = YAMLLimits(maxDepth: 3, maxNodes: 12, maxBytes: 200)

  static func run(_ bytes: [UInt8]) {
    let file = SourceFile(path: "fuzz.yml", bytes: bytes)
    let whole = SourceRange(start: 0, end: UInt32(bytes.count))
    for limits in [YAMLLimits(), tightLimits] {
      read(file, range: whole, limits: limits)
    }

    // The same YAML between fences, with a body after it that the reader must not take for YAML.
    let opening = Array("---\n".utf8)
    let wrapped = SourceFile(path: "fuzz.vstream", bytes: opening + bytes + Array("\n---\nstream s\n".utf8))
    let yamlRange = SourceRange(start: UInt32(opening.count), end: UInt32(opening.count + bytes.count))
    read(wrapped, range: yamlRange, limits: YAMLLimits())
    let checked = Compiler.check(wrapped)
    Invariant.diagnostics(checked.diagnostics, in: wrapped)
    Invariant.syntax(checked.syntax, in: wrapped)

    let (_, configurationDiagnostics) = Configuration.load(file)
    Invariant.diagnostics(configurationDiagnostics, in: file)
  }

  static func read(_ file: SourceFile, range: SourceRange, limits: YAMLLimits) {
    let (root, diagnostics) = YAMLReader(limits: limits).read(file, range: range)
    Invariant.diagnostics(diagnostics, in: file, bounds: range)
    if let root = root {
      Invariant.yaml(root, in: file, bounds: range, limits: limits)
    }
  }
}

@main
enum Harness {
  static func main() { FuzzDriver.run(fuzzFrontMatter) }
}
