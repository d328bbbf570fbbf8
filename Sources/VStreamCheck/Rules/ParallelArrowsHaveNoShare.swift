import VStreamModel
import VStreamSource
import VStreamSyntax

/// A `parallel` arrow has no share (VS332): every branch of a fork takes all the work, so a share would split what
/// is not split. One finding per share, at the share; the safe fix removes it. Judged on every `parallel` line, the
/// graph not needed.
enum ParallelArrowsHaveNoShare: CheckRule {
  static func findings(in context: CheckContext) -> Findings {
    var findings = context.findings()
    let syntax = context.syntax
    for item in syntax.items {
      guard case .flow(let flow) = item, flow.kind == .parallel else { continue }
      for index in flow.arrowSpan.indices {
        let share = syntax.flowArrowShares[index]
        guard share.start != share.end else { continue }
        // The share and the spaces after it, so that `-> 50% b` becomes `-> b`.
        var end = Int(share.end)
        let bytes = context.file.bytes
        while end < bytes.count, bytes[end] == 0x20 || bytes[end] == 0x09 { end += 1 }
        let removal = SourceRange(start: share.start, end: UInt32(end))
        findings.add(.shareOnParallelArrow, at: share) {
          .shareOnParallelArrow(
            fixes: [.replace(removal, with: "", "remove the share", safety: .safe)])
        }
      }
    }
    return findings
  }
}

extension Message {
  static func shareOnParallelArrow(fixes: [Diagnostic.Fix]) -> Message {
    Message(
      text: "a `parallel` arrow has a share", label: "every branch of a fork takes all the work",
      notes: ["a share splits alternatives; the branches of a fork all run"],
      help: "remove the share, or write the arrows on `flow` lines if they are alternatives", fixes: fixes)
  }
}
