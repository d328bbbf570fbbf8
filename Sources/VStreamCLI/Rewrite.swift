import VStream
import VStreamSource

/// What a command that rewrites files (`fmt`, `migrate`) does with a file's new text: with `--diff` print the
/// unified diff, with `--check` list the path, else replace the file atomically and say so on standard error.
struct Rewrite {
  var check: Bool
  var diff: Bool
  /// The past participle said when a file is written: "formatted", "migrated".
  var verb: String

  func apply(_ text: String, to file: SourceFile) throws {
    if diff {
      let original = String(decoding: file.bytes, as: UTF8.self)
      Terminal.standardOutput.write(
        Compiler.diff(old: original, new: text, oldPath: "a/" + file.path, newPath: "b/" + file.path))
    } else if check {
      Terminal.standardOutput.write("\(file.path)\n")
    } else {
      try AtomicWriter.write(text, to: file.path)
      Terminal.standardError.write("\(verb) \(file.path)\n")
    }
  }
}
