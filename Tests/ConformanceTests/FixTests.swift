import Foundation
import TestSupport
import VStream
import VStreamSource
import XCTest

/// Every fix that a finding carries, on every conformance case and example, is code that parses and does what it
/// says: applied alone, it adds no syntax error to the file and its finding is gone.
final class FixTests: XCTestCase {
  func testEveryFixParsesAndRemovesItsFinding() throws {
    var tried = 0
    for file in Repository.streams() {
      let diagnostics = Compiler.check(file).diagnostics
      let errorsBefore = Compiler.parse(file).diagnostics.filter { $0.severity == .error }.count
      for diagnostic in diagnostics {
        for fix in diagnostic.fixes {
          tried += 1
          let fixed = SourceFile(path: file.path, bytes: Diagnostic.Edit.apply(fix.edits, to: Array(file.bytes)))
          let context = "\(file.path): \(diagnostic.code) \(diagnostic.message) -> \(fix.message)"
          let errorsAfter = Compiler.parse(fixed).diagnostics.filter { $0.severity == .error }.count
          XCTAssertLessThanOrEqual(errorsAfter, errorsBefore, "the fix adds a syntax error: \(context)")
          // The finding is gone: no finding of that code starts on the fixed line any more.
          let line = file.line(of: diagnostic.range.start)
          let shift = fix.edits.reduce(0) { $0 + $1.replacement.utf8.count - Int($1.range.end - $1.range.start) }
          let remaining = Compiler.check(fixed).diagnostics.filter {
            $0.code == diagnostic.code && fixed.line(of: $0.range.start) == line
              && Int($0.range.start) == Int(diagnostic.range.start)
              && Int($0.range.end) == Int(diagnostic.range.end) + shift
          }
          XCTAssertEqual(remaining.map(\.message), [], context)
        }
      }
    }
    XCTAssertGreaterThan(tried, 20, "the cases must offer fixes to try")
  }
}
