import Foundation
import VStreamModel

/// One colour per value chain activity, the same in every output: the Okabe-Ito palette, chosen because it stays
/// distinguishable for the common forms of colour blindness. Each activity's name is always printed next to its
/// colour, so nothing depends on colour alone (or survives only in colour when printed in greyscale).
///
/// Every pair of colours that carries text reaches WCAG AA (4.5:1), and every border reaches the 3:1 that WCAG asks
/// of non-text contrast against the page: `PaletteContrastTests` computes them all.
public enum Palette {
  /// The activity's colour: fills the header band of a card and the legend's swatch.
  public static func color(_ activity: Activity) -> String {
    switch activity {
    case .plan: return "#E69F00"
    case .improve: return "#56B4E9"
    case .engage: return "#009E73"
    case .designAndTransition: return "#F0E442"
    case .obtainBuild: return "#0072B2"
    case .deliverAndSupport: return "#D55E00"
    default: return lifecycleColor(activity)
    }
  }

  /// Black or white, whichever has the higher contrast on the activity's colour. White on the orange of deliver and
  /// support is only 3.87:1; black is 5.43:1. White stays on the blue of obtain/build (5.19:1 against black's 4.05).
  public static func textColor(_ activity: Activity) -> String {
    guard activity.framework == .itil4 else { return lifecycleTextColor(activity) }
    return activity == .obtainBuild ? "#FFFFFF" : "#000000"
  }

  /// The card's border. On a white page the pale colours (yellow 1.32:1, orange-yellow, sky blue) are too faint for a
  /// border, so the light theme uses the same hue darkened until it reaches 3:1 against white; the dark page keeps
  /// the colours themselves (all at least 3.2:1 against it).
  public static func stroke(_ activity: Activity, dark: Bool) -> String {
    guard activity.framework == .itil4 else { return lifecycleStroke(activity, dark: dark) }
    if dark { return color(activity) }
    switch activity {
    case .plan: return "#BC8200"
    case .improve: return "#4795C1"
    case .engage: return "#009E73"
    case .designAndTransition: return "#978F29"
    case .obtainBuild: return "#0072B2"
    case .deliverAndSupport: return "#D55E00"
    default: return lifecycleColor(activity)
    }
  }

  /// A light tint of the activity's colour for box backgrounds.
  public static func tint(_ activity: Activity) -> String {
    switch activity {
    case .plan: return "#FBE7BF"
    case .improve: return "#D5ECF9"
    case .engage: return "#BFE7DC"
    case .designAndTransition: return "#FBF8CF"
    case .obtainBuild: return "#BFDCEC"
    case .deliverAndSupport: return "#F5D6BF"
    default: return lifecycleTint(activity)
    }
  }

  /// What a before/after picture marks (added, removed, changed): Okabe-Ito's reddish purple, the one colour of that
  /// palette no activity uses, darkened on a white page until its badge text and border pass (5.5:1). The badge's
  /// word says what happened, so the colour only draws the eye.
  public static func mark(dark: Bool) -> String { dark ? "#CC79A7" : "#A4487B" }

  /// The text on a mark's badge: white on the darkened purple, black on the light one (6.9:1).
  public static func markText(dark: Bool) -> String { dark ? "#000000" : "#FFFFFF" }

  /// The neutral colours of a theme: page, text, lines, and the fills of cards without an activity.
  public struct Theme: Sendable, Equatable {
    public var background: String
    public var foreground: String
    /// Secondary text (captions, roles): still 4.5:1 on `background` and on `card`.
    public var muted: String
    public var line: String
    /// Fill of a step card in the dark theme, and of demand and value cards in both.
    public var card: String
    public var lane: String
    public var dark: Bool

    public static let light = Theme(
      background: "#FFFFFF", foreground: "#1A1A1A", muted: "#4D4D4D", line: "#333333", card: "#EEEEEE",
      lane: "#F5F5F5", dark: false)
    public static let dark = Theme(
      background: "#1E1E1E", foreground: "#E6E6E6", muted: "#BDBDBD", line: "#BBBBBB", card: "#3A3A3A",
      lane: "#262626", dark: true)

    /// The fill of a step card.
    public func fill(_ activity: Activity) -> String { dark ? "#2E2E2E" : Palette.tint(activity) }
  }
}

/// WCAG 2 contrast, computed rather than trusted: the relative luminance of sRGB colours and their ratio.
public enum Contrast {
  /// The ratio (1...21) between two `#RRGGBB` colours.
  public static func ratio(_ first: String, _ second: String) -> Double {
    let a = luminance(first)
    let b = luminance(second)
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)
  }

  /// WCAG's relative luminance of `#RRGGBB`.
  public static func luminance(_ hex: String) -> Double {
    let digits = Array(hex.unicodeScalars.drop { $0 == "#" })
    guard digits.count == 6, let value = UInt32(String(String.UnicodeScalarView(digits)), radix: 16) else { return 0 }
    func channel(_ shift: UInt32) -> Double {
      let c = Double((value >> shift) & 0xFF) / 255
      return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
    }
    return 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0)
  }
}
