import VStreamSource
import VStreamSyntax

extension Compiler {
  /// The finding for a file that was not read because it is larger than the size limit (VS003).
  ///
  /// The command line refuses such a file before reading it, so that a stray multi-gigabyte file cannot exhaust
  /// memory in CI; the refusal is a finding like any other, not a crash. `size` is nil when the input is a pipe whose
  /// length is only known to exceed the limit.
  public static func fileTooLarge(size: Int?, limit: Int) -> Diagnostic {
    let found = size.map { "the file is \($0) bytes" } ?? "the input is longer"
    return Diagnostic(
      code: SyntaxMessages.fileTooLarge, severity: .error, message: "\(found), more than the limit of \(limit) bytes",
      range: SourceRange(start: 0, end: 0), label: "not read",
      help: "split the stream, or raise the limit with `--max-file-size`")
  }
}
