import Foundation
import VStream
import VStreamSource

// Temporary driver until the command line is built (issue: CLI): `vstream parse FILE`.
let arguments = CommandLine.arguments
if arguments.count == 3, arguments[1] == "parse" {
  let path = arguments[2]
  guard let data = FileManager.default.contents(atPath: path) else {
    FileHandle.standardError.write("error: cannot read \(path)\n".data(using: .utf8)!)
    exit(2)
  }
  let parsed = Compiler.parse(SourceFile(path: path, bytes: [UInt8](data)))
  let renderer = HumanRenderer()
  for diagnostic in parsed.diagnostics {
    FileHandle.standardError.write(renderer.render(diagnostic, in: parsed.file).data(using: .utf8)!)
  }
  print(parsed.syntax.json(in: parsed.file).rendered(), terminator: "")
  exit(parsed.diagnostics.contains { $0.severity == .error } ? 1 : 0)
}
