import VStreamSource
import VStreamYAML

/// A file read the way vstream reads YAML: the front matter of a `.vstream` file (the lines between the opening
/// `---` and the next line that is exactly `---` or `...`), or a whole `vstream.yml`.
struct YAMLFixture {
  let file: SourceFile
  let range: SourceRange
  let root: YAMLNode?
  let diagnostics: [Diagnostic]

  /// Reads the front matter of `text`, which starts with a `---` line (after an optional BOM).
  init(frontMatter text: String, limits: YAMLLimits = YAMLLimits()) {
    self.init(frontMatter: Array(text.utf8), limits: limits)
  }

  init(frontMatter bytes: [UInt8], limits: YAMLLimits = YAMLLimits()) {
    let file = SourceFile(path: "test.vstream", bytes: bytes)
    var contentStart = Int(file.lineStarts.count > 1 ? file.lineStarts[1] : UInt32(bytes.count))
    var contentEnd = bytes.count
    for line in 2...Swift.max(2, file.lineCount) where line <= file.lineCount {
      let text = file.text(file.lineRange(line)).trimmingTrailingBlanks
      if text == "---" || text == "..." {
        contentEnd = Int(file.lineStarts[line - 1])
        break
      }
    }
    contentStart = Swift.min(contentStart, contentEnd)
    self.init(file: file, range: SourceRange(start: UInt32(contentStart), end: UInt32(contentEnd)), limits: limits)
  }

  /// Reads the whole of `bytes`, as `vstream.yml` is read.
  init(wholeFile bytes: [UInt8], limits: YAMLLimits = YAMLLimits()) {
    let file = SourceFile(path: "vstream.yml", bytes: bytes)
    self.init(file: file, range: SourceRange(start: 0, end: UInt32(bytes.count)), limits: limits)
  }

  init(file: SourceFile, range: SourceRange, limits: YAMLLimits = YAMLLimits()) {
    self.file = file
    self.range = range
    (root, diagnostics) = YAMLReader(limits: limits).read(file, range: range)
  }

  /// `[line, column]` (1-based, column in Unicode scalars) where a range starts.
  func start(_ range: SourceRange) -> [Int] {
    let location = file.location(of: range.start)
    return [location.line, location.column]
  }

  /// `[line, column]` where a range ends.
  func end(_ range: SourceRange) -> [Int] {
    let location = file.location(of: range.end)
    return [location.line, location.column]
  }

  func text(_ range: SourceRange) -> String { file.text(range) }

  var codes: [DiagnosticCode] { diagnostics.map(\.code) }
}

extension String {
  var trimmingTrailingBlanks: String {
    var text = Substring(self)
    while let last = text.last, last == " " || last == "\t" || last == "\r" { text = text.dropLast() }
    return String(text)
  }
}
