import VStreamSource
import VStreamSyntax

/// An arrow of the flow as the checker keeps it: its nodes by number (demand 0, steps 1...n, values n+1...), where
/// it is written, the flow it is written in, its kind and its share. It is 25 bytes where a model `Edge` is 64, with
/// its label decoded:
/// on a stream of 300,000 arrows that is 13 MB less memory touched for the first time, and the labels are only
/// decoded for the model (`CheckRun.edges`).
struct FlowArrow {
  var from: Int32
  var to: Int32
  /// From the first node's name to the second's; only meaningful when `flow` is not -1.
  var range: SourceRange
  /// The position in the tree's items of the flow it is written in; -1 for an arrow of the declaration order (a
  /// stream without flows), which is written nowhere.
  var flow: Int32
  /// The line's kind: `rework` arrows send work back and are not part of the forward flow; `main` arrows are.
  var kind: FlowKind

  var isRework: Bool { kind == .rework }
  /// The share written after the arrow (`-> 30% b`) in hundredths of a percent; -1 when none is written.
  var share: Int32 = -1

  /// An arrow of the declaration order.
  init(from: Int32, to: Int32) {
    self.init(from: from, to: to, range: SourceRange(start: 0, end: 0), flow: -1)
  }

  init(from: Int32, to: Int32, range: SourceRange, flow: Int32, kind: FlowKind = .flow) {
    self.from = from
    self.to = to
    self.range = range
    self.flow = flow
    self.kind = kind
  }
}
