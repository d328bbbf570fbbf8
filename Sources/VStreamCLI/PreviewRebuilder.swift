import Dispatch
import Foundation
import VStreamPreview

/// Rebuilds the site after a save, on one queue, and draws the diagrams on another: the pages with the new text
/// and figures go out at once (with the last diagrams), and again when Graphviz has drawn the new ones. A save that
/// comes while a diagram is drawn is rebuilt at once too; a drawing that a newer save has superseded is skipped.
final class PreviewRebuilder: @unchecked Sendable {
  private let site: LiveSite
  private let builder: PreviewSite
  private let rebuilds = DispatchQueue(label: "vstream.preview.rebuild")
  private let drawing = DispatchQueue(label: "vstream.preview.draw")
  private let lock = NSLock()
  private var latestDrawing = 0

  init(site: LiveSite, builder: PreviewSite) {
    self.site = site
    self.builder = builder
  }

  /// The CPU time this thread has used, in milliseconds.
  static func threadCPU() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) * 1e3 + Double(time.tv_nsec) / 1e6
  }

  /// `since`: when the save that led here was seen (for a rebuild after drawing, the time printed is from then).
  func rebuild(afterDrawing: Bool = false, since: UInt64? = nil) {
    let start = since ?? DispatchTime.now().uptimeNanoseconds
    rebuilds.async { [self] in
      do {
        let cpu = Self.threadCPU()
        let outcome = try builder.build(generation: site.generation + 1)
        site.replace(with: outcome.resources)
        let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        // The rebuild's CPU time on this thread too: on a busy machine the wall time says more about the others.
        Terminal.standardError.write(
          PreviewCommand.summary(outcome) + (afterDrawing ? " with new diagrams" : "")
            + String(format: "; reloaded in %.1f ms (rebuild: %.1f ms of CPU)\n", milliseconds, Self.threadCPU() - cpu))
        guard !outcome.undrawn.isEmpty else { return }
        let ticket = lock.withLock { () -> Int in
          latestDrawing += 1
          return latestDrawing
        }
        drawing.async { [self] in
          guard lock.withLock({ ticket == latestDrawing }) else { return }
          builder.draw(outcome.undrawn)
          rebuild(afterDrawing: true, since: start)
        }
      } catch {
        Terminal.standardError.write("error: \(BuildCommand.reason(error))\n")
      }
    }
  }
}
