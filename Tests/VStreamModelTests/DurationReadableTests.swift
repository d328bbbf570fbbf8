import VStreamModel
import XCTest

final class DurationReadableTests: XCTestCase {
  private func settings(_ display: DurationDisplay) -> DurationSettings {
    var settings = DurationSettings.calendar
    settings.display = display
    return settings
  }

  func testDaysStyle() {
    let days = settings(.days)
    let cases: [(Int64, DurationKind, String)] = [
      (0, .elapsed, "0 s"), (30, .elapsed, "30 s"), (45 * 60, .elapsed, "45 min"), (90 * 60, .elapsed, "1.5 h"),
      (86_400 * 5 / 2, .elapsed, "2.5 d"), (959_400, .elapsed, "11.1 d"), (3 * 86_400, .elapsed, "3 d"),
      // Effort is read in working days of 8 hours: 20 hours are 2.5 wd, not 0.8 d.
      (20 * 3_600, .effort, "2.5 wd"), (4 * 3_600, .effort, "4 h"), (-90 * 60, .elapsed, "-1.5 h"),
    ]
    for (seconds, kind, text) in cases {
      XCTAssertEqual(Duration(seconds: seconds).readable(days, as: kind), text, "\(seconds) s")
    }
  }

  func testUnitsStyle() {
    let units = settings(.units)
    XCTAssertEqual(Duration(seconds: 11 * 86_400 + 3 * 3_600 + 10 * 60).readable(units), "11 d 3 h")
    XCTAssertEqual(Duration(seconds: 86_400 + 23 * 3_600 + 59 * 60).readable(units), "2 d", "rounds, then carries")
    XCTAssertEqual(Duration(seconds: 5_400).readable(units), "1 h 30 min")
    XCTAssertEqual(Duration(seconds: 20 * 3_600).readable(units, as: .effort), "2 wd 4 h")
    XCTAssertEqual(Duration(seconds: 2 * 86_400).readable(units), "2 d")
    // A working day of 7h30m holds seven and a half hours, not seven: 2wd is 15 h, 6 wd 45 h; 91.5 h is 12 wd and
    // 1.5 h, the second unit rounded.
    var short = units
    short.secondsPerWorkingDay = 27_000
    XCTAssertEqual(Duration(seconds: 15 * 3_600).readable(short, as: .effort), "2 wd")
    XCTAssertEqual(Duration(seconds: 45 * 3_600).readable(short, as: .effort), "6 wd")
    XCTAssertEqual(Duration(seconds: 91 * 3_600 + 1_800).readable(short, as: .effort), "12 wd 2 h")
    XCTAssertEqual(Duration(seconds: 14 * 3_600 + 3_540).readable(short, as: .effort), "1 wd 7 h", "never 1 wd 8 h")
  }

  func testHoursAndCompactStyles() {
    XCTAssertEqual(Duration(seconds: 11 * 86_400 + 3 * 3_600 + 1_800).readable(settings(.hours)), "267.5 h")
    XCTAssertEqual(Duration(seconds: 600).readable(settings(.hours)), "10 min")
    XCTAssertEqual(Duration(seconds: 11 * 86_400 + 3 * 3_600).readable(settings(.compact)), "1w4d3h")
  }

  func testHugeDurationsDoNotTrap() {
    for display in DurationDisplay.allCases {
      XCTAssertFalse(Duration(seconds: .max).readable(settings(display)).isEmpty)
      XCTAssertFalse(Duration(seconds: .min).readable(settings(display)).isEmpty)
    }
  }
}
