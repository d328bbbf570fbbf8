import VStreamSource
import VStreamSyntax

/// Applies `# vstream: allow` comments: a finding of a named rule inside the comment's target is marked suppressed
/// (kept, so that JSON and SARIF can show it), and a suppression that silenced nothing is reported.
///
/// A file may hold a suppression on every one of 100,000 steps, each with a finding: directives and findings are
/// matched through per-rule lists sorted by line, so the cost is (directives + findings) x log, never their product.
enum Suppressions {
  /// `judgedLater` are codes whose findings come after this pass (the targets of a stream that runs another, judged
  /// once the repository is linked): a directive that names only them is not reported as silencing nothing here.
  static func apply(
    to diagnostics: [Diagnostic], syntax: FileSyntax, file: SourceFile, judgedLater: Set<DiagnosticCode> = []
  ) -> [Diagnostic] {
    guard !syntax.directives.isEmpty else { return diagnostics }
    var result = diagnostics
    var findings = FindingsByRule(result, file: file)
    let targets = TargetFinder(syntax: syntax, file: file)
    var unused: [DirectiveSyntax] = []
    for directive in syntax.directives {
      guard let kind = directive.kind else { continue }
      let codes = Set(
        directive.rules.compactMap { RuleCatalog.rule(named: $0.text(in: file)) }.filter(\.isConfigurable).map(\.code))
      guard !codes.isEmpty else { continue }
      let lines = kind == .allowFile ? 1...Int.max : targets.lines(of: directive)
      let reason = directive.reasonRange.map { file.text($0) } ?? "no reason given"
      var used = false
      for code in codes.sorted() {
        // The first directive to cover a finding suppresses it; later ones that cover only suppressed findings
        // silenced nothing.
        for index in findings.takeUnsuppressed(code: code, lines: lines) {
          result[index].suppression = Diagnostic.Suppression(reason: reason, range: directive.range)
          used = true
        }
      }
      if !used && !codes.isSubset(of: judgedLater) { unused.append(directive) }
    }
    for directive in unused {
      result.append(
        Diagnostic(
          code: .unusedSuppression, severity: .warning, message: "this suppression silences nothing",
          range: directive.range, label: "no matching finding",
          help: "remove it, or check the rule name (`vstream explain --list`)"))
    }
    return result
  }
}

/// The findings of each rule, sorted by line, with the not yet suppressed ones found by skipping over the rest.
private struct FindingsByRule {
  /// The findings of one rule.
  struct RuleFindings {
    /// Indices into the diagnostics, by line then position.
    var indices: [Int]
    var lines: [Int]
    /// "Next unsuppressed at or after" links: a union-find over positions, `indices.count` meaning none.
    var links: [Int]

    /// Marks and returns the unsuppressed findings on `range`'s lines.
    mutating func take(lines range: ClosedRange<Int>) -> [Int] {
      var low = 0
      var high = lines.count
      while low < high {
        let mid = (low + high) / 2
        if lines[mid] < range.lowerBound { low = mid + 1 } else { high = mid }
      }
      var taken: [Int] = []
      var position = find(low)
      while position < lines.count, lines[position] <= range.upperBound {
        taken.append(indices[position])
        links[position] = position + 1
        position = find(position + 1)
      }
      return taken
    }

    /// The first unsuppressed position at or after `position`, compressing the path walked.
    mutating func find(_ position: Int) -> Int {
      var root = position
      while links[root] != root { root = links[root] }
      var current = position
      while links[current] != root {
        let following = links[current]
        links[current] = root
        current = following
      }
      return root
    }
  }

  var numbers: [DiagnosticCode: Int] = [:]
  /// Mutated in place through the array (a copy out of a dictionary would copy the links on every directive).
  var rules: [RuleFindings] = []

  init(_ diagnostics: [Diagnostic], file: SourceFile) {
    let lineOf = diagnostics.map { file.line(of: $0.range.start) }
    var byCode: [DiagnosticCode: [Int]] = [:]
    for index in diagnostics.indices where diagnostics[index].suppression == nil {
      byCode[diagnostics[index].code, default: []].append(index)
    }
    for code in byCode.keys.sorted() {
      let sorted = byCode[code]!.sorted { (lineOf[$0], $0) < (lineOf[$1], $1) }
      numbers[code] = rules.count
      rules.append(RuleFindings(indices: sorted, lines: sorted.map { lineOf[$0] }, links: Array(0...sorted.count)))
    }
  }

  /// Marks and returns the unsuppressed findings of `code` on `lines`.
  mutating func takeUnsuppressed(code: DiagnosticCode, lines: ClosedRange<Int>) -> [Int] {
    guard let number = numbers[code] else { return [] }
    return rules[number].take(lines: lines)
  }
}

/// Finds the lines a directive applies to, the declaration or flow it trails or the next one below it, by binary
/// search over the items' lines.
private struct TargetFinder {
  let file: SourceFile
  var firstLines: [Int] = []
  var lastLines: [Int] = []

  init(syntax: FileSyntax, file: SourceFile) {
    self.file = file
    firstLines.reserveCapacity(syntax.items.count)
    lastLines.reserveCapacity(syntax.items.count)
    for item in syntax.items {
      firstLines.append(file.line(of: item.range.start))
      lastLines.append(file.line(of: item.range.end))
    }
  }

  func lines(of directive: DirectiveSyntax) -> ClosedRange<Int> {
    let line = file.line(of: directive.range.start)
    // The last item starting on or before the directive's line.
    var low = 0
    var high = firstLines.count
    while low < high {
      let mid = (low + high) / 2
      if firstLines[mid] <= line { low = mid + 1 } else { high = mid }
    }
    let containing = low - 1
    if containing >= 0, line <= lastLines[containing] {
      // A trailing comment covers the item it is on; a comment between attributes covers the rest of the item.
      return directive.isTrailing ? firstLines[containing]...lastLines[containing] : line...lastLines[containing]
    }
    if !directive.isTrailing, low < firstLines.count { return firstLines[low]...lastLines[low] }
    return line...line
  }
}
