import Foundation
import VStream
import VStreamEmit
import VStreamModel
import VStreamSource
import XCTest

/// WCAG 2 contrast of every colour pair the diagrams and pages draw, computed from the colours themselves.
final class PaletteContrastTests: XCTestCase {
  func testContrastFormula() {
    XCTAssertEqual(Contrast.ratio("#FFFFFF", "#000000"), 21, accuracy: 0.001)
    XCTAssertEqual(Contrast.ratio("#F0E442", "#FFFFFF"), 1.32, accuracy: 0.01, "the yellow the issue measured")
    XCTAssertEqual(Contrast.ratio("#FFFFFF", "#D55E00"), 3.87, accuracy: 0.01, "white on orange, the issue's figure")
  }

  func testEveryTextPairReachesAAAndEveryBorderThreeToOne() {
    for activity in Activity.allCases {
      let header = Contrast.ratio(Palette.textColor(activity), Palette.color(activity))
      XCTAssertGreaterThanOrEqual(header, 4.5, "header text on \(activity.name)")
      for theme in [Palette.Theme.light, .dark] {
        XCTAssertGreaterThanOrEqual(
          Contrast.ratio(theme.foreground, theme.fill(activity)), 4.5, "text on \(activity.name) card")
        XCTAssertGreaterThanOrEqual(
          Contrast.ratio(theme.muted, theme.fill(activity)), 4.5, "muted text on \(activity.name) card")
        XCTAssertGreaterThanOrEqual(
          Contrast.ratio(Palette.stroke(activity, dark: theme.dark), theme.background), 3,
          "\(activity.name) border on page")
      }
    }
    for theme in [Palette.Theme.light, .dark] {
      for surface in [theme.background, theme.card, theme.lane] {
        XCTAssertGreaterThanOrEqual(Contrast.ratio(theme.foreground, surface), 4.5, "text on \(surface)")
        XCTAssertGreaterThanOrEqual(Contrast.ratio(theme.muted, surface), 4.5, "muted text on \(surface)")
      }
      XCTAssertGreaterThanOrEqual(Contrast.ratio(theme.line, theme.background), 3, "lines on the page")
    }
    for theme in [Palette.Theme.light, .dark] {
      let mark = Palette.mark(dark: theme.dark)
      XCTAssertGreaterThanOrEqual(Contrast.ratio(Palette.markText(dark: theme.dark), mark), 4.5, "a mark's badge")
      XCTAssertGreaterThanOrEqual(Contrast.ratio(mark, theme.background), 3, "a mark's border on the page")
      for activity in Activity.allCases {
        XCTAssertGreaterThanOrEqual(
          Contrast.ratio(mark, theme.fill(activity)), 3, "a mark's border on the \(activity.name) card")
      }
    }
    for colors in [HTMLEmitter.Colors.light, .dark] {
      for surface in [colors.background, colors.headerBackground] {
        for text in [colors.text, colors.muted, colors.link] {
          XCTAssertGreaterThanOrEqual(Contrast.ratio(text, surface), 4.5, "HTML \(text) on \(surface)")
        }
      }
      XCTAssertGreaterThanOrEqual(Contrast.ratio(colors.border, colors.background), 3, "HTML borders")
    }
    for (warning, background) in [
      (VSMEmitter.warning(dark: false), Palette.Theme.light.background),
      (VSMEmitter.warning(dark: true), Palette.Theme.dark.background),
    ] {
      XCTAssertGreaterThanOrEqual(Contrast.ratio(warning, background), 4.5, "the map's long-wait text")
    }
  }

  /// Print the measured ratios (run with `--filter PaletteContrastTests` to read them).
  func testPrintRatios() {
    for activity in Activity.allCases {
      print(
        String(
          format: "%@: header %.2f, border on white %.2f, text on card %.2f", activity.name,
          Contrast.ratio(Palette.textColor(activity), Palette.color(activity)),
          Contrast.ratio(Palette.stroke(activity, dark: false), "#FFFFFF"),
          Contrast.ratio(Palette.Theme.light.foreground, Palette.tint(activity))))
    }
  }
}
