import VStreamModel
import XCTest

final class DurationTests: XCTestCase {
  let working = DurationSettings.legacy(hoursPerDay: 8, daysPerWeek: 5)

  func testCalendarFormatting() {
    let cases: [(Int64, String)] = [
      (0, "0s"), (59, "59s"), (90, "1m30s"), (5 * 60, "5m"), (3_600 + 30 * 60, "1h30m"),
      (2 * 86_400 + 4 * 3_600, "2d4h"),
      (7 * 86_400, "1w"), (8 * 86_400 + 1, "1w1d1s"), (-3_600, "-1h"),
    ]
    for (seconds, text) in cases {
      XCTAssertEqual(Duration(seconds: seconds).formatted(.calendar), text)
      XCTAssertEqual(Duration(seconds: seconds).description, text)
    }
  }

  func testWorkingTimeFormatting() {
    XCTAssertEqual(Duration(seconds: 9 * 3_600).formatted(working), "1d1h")
    XCTAssertEqual(Duration(seconds: 40 * 3_600).formatted(working), "1w")
    XCTAssertEqual(Duration(seconds: 24 * 3_600).formatted(working), "3d")
    XCTAssertEqual(Duration(seconds: 24 * 3_600).formatted(.calendar), "1d")
  }

  func testUnitsAndSettings() {
    XCTAssertEqual(DurationUnit.allCases.map(\.rawValue), ["ww", "w", "wd", "d", "h", "m", "s"])
    XCTAssertEqual(
      DurationUnit.allCases.map { $0.seconds(in: .calendar) }, [144_000, 604_800, 28_800, 86_400, 3_600, 60, 1],
      "calendar days and weeks of 24 h and 7 d; working ones of 8 h and 5 wd by default")
    XCTAssertEqual(
      DurationUnit.allCases.map { $0.seconds(in: working) }, [144_000, 144_000, 28_800, 28_800, 3_600, 60, 1],
      "a legacy setting makes d and w the working day and week")
    XCTAssertEqual(DurationSettings.calendar, DurationSettings(secondsPerDay: 86_400, daysPerWeek: 7))
    let shortWeek = DurationSettings(secondsPerWorkingDay: 7 * 3_600 + 1_800, workingDaysPerWeek: 4)
    XCTAssertEqual(Duration(3, .workingWeek, settings: shortWeek), Duration(seconds: 3 * 4 * 27_000))
    XCTAssertEqual(Duration(1, .day, settings: shortWeek), Duration(seconds: 86_400), "a working day leaves d alone")
    XCTAssertEqual(working.secondsPerWeek, 5 * 8 * 3_600)
    XCTAssertEqual(["w", "d", "h", "m", "s"].map { working.seconds(per: $0) }, [144_000, 28_800, 3_600, 60, 1])
    XCTAssertEqual(Duration(2, .day, settings: working), Duration(seconds: 16 * 3_600))
    XCTAssertEqual(Duration(2, .day), Duration(seconds: 48 * 3_600))
    XCTAssertEqual(Duration(.max, .week), Duration(seconds: .max), "saturates")
    XCTAssertEqual(DurationSettings(secondsPerDay: .max, daysPerWeek: 7).secondsPerWeek, .max, "saturates")
  }

  /// Every formatted text, read back part by part under the same settings, is the duration it came from.
  func testFormattedTextReadsBack() {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    for settings in [DurationSettings.calendar, working] {
      for _ in 0..<500 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        let seconds = Int64(state >> 34)  // up to about 34 years
        let text = Duration(seconds: seconds).formatted(settings)
        XCTAssertEqual(read(text, settings), seconds, text)
      }
    }
  }

  private func read(_ text: String, _ settings: DurationSettings) -> Int64 {
    var total: Int64 = 0
    var amount: Int64 = 0
    var units: [DurationUnit] = []
    for character in text {
      XCTAssertFalse(character == "w" && units.last == .week, "printed durations use calendar units: \(text)")
      if let digit = character.wholeNumberValue {
        amount = amount * 10 + Int64(digit)
      } else {
        let unit = DurationUnit(rawValue: String(character))!
        units.append(unit)
        total += amount * unit.seconds(in: settings)
        amount = 0
      }
    }
    XCTAssertEqual(
      units, DurationUnit.calendarAndExact.filter(units.contains), "units largest first, each once: \(text)")
    return total
  }

  func testArithmeticSaturates() {
    XCTAssertEqual(Duration(seconds: .max) + Duration(seconds: 1), Duration(seconds: .max))
    XCTAssertEqual(Duration(seconds: .min) + Duration(seconds: -1), Duration(seconds: .min))
    XCTAssertEqual(Duration(seconds: .min) - Duration(seconds: 1), Duration(seconds: .min))
    XCTAssertEqual(Duration(seconds: .max) - Duration(seconds: -1), Duration(seconds: .max))
    var total = Duration.zero
    total += Duration(seconds: 90)
    total -= Duration(seconds: 30)
    XCTAssertEqual(total, Duration(seconds: 60))
    XCTAssertLessThan(Duration(seconds: 59), Duration(seconds: 60))
    XCTAssertTrue(Duration(seconds: .min).formatted(.calendar).hasPrefix("-"), "the most negative value prints")
  }

  func testPercentages() {
    let cases: [(Int64, String, Double)] = [
      (9_050, "90.5%", 0.905), (9_000, "90%", 0.9), (9_725, "97.25%", 0.9725), (9_005, "90.05%", 0.9005),
      (0, "0%", 0), (10_000, "100%", 1), (1, "0.01%", 0.0001),
    ]
    for (hundredths, text, fraction) in cases {
      let percentage = Percentage(hundredths: hundredths)
      XCTAssertEqual(percentage.description, text)
      XCTAssertEqual(percentage.formatted, text)
      XCTAssertEqual(percentage.fraction, fraction, accuracy: 1e-12)
    }
    XCTAssertLessThan(Percentage(hundredths: 9_050), Percentage.full)
    XCTAssertEqual(percentText(35.0 / 97.0), "36.1%")
    XCTAssertEqual(percentText(0.57), "57%")
    XCTAssertEqual(percentText(nil), "–")
  }
}
