import VStreamModel

/// The colours of ITIL (Version 5)'s eight lifecycle activities. Okabe-Ito has too few colours for eight activities
/// beside the reddish purple that marks changes, so Version 5 takes eight of Paul Tol's "muted" scheme, designed to
/// stay distinguishable for the common forms of colour blindness (its ninth colour, purple, is left out: it is too
/// close to the change mark). As for ITIL 4, each activity's name is always printed beside its colour.
///
/// The header text is black or white, whichever is higher (all at least 5.6:1). On a white page the pale colours get
/// a darker border of the same hue (3:1); on the dark page the dark ones (indigo, green, wine) get a lighter one.
/// `PaletteContrastTests` computes every pair.
extension Palette {
  static func lifecycleColor(_ activity: Activity) -> String {
    switch activity {
    case .discover: return "#88CCEE"
    case .design: return "#332288"
    case .acquire: return "#DDCC77"
    case .build: return "#117733"
    case .transition: return "#44AA99"
    case .operate: return "#999933"
    case .deliver: return "#CC6677"
    default: return "#882255"
    }
  }

  static func lifecycleTextColor(_ activity: Activity) -> String {
    switch activity {
    case .design, .build, .support: return "#FFFFFF"
    default: return "#000000"
    }
  }

  static func lifecycleStroke(_ activity: Activity, dark: Bool) -> String {
    switch (activity, dark) {
    case (.discover, false): return "#679BB5"
    case (.acquire, false): return "#A19557"
    case (.transition, false): return "#41A393"
    case (.design, true): return "#7064AC"
    case (.build, true): return "#1D7E3D"
    case (.support, true): return "#A2537A"
    default: return lifecycleColor(activity)
    }
  }

  /// A quarter of the colour on white, as ITIL 4's tints.
  static func lifecycleTint(_ activity: Activity) -> String {
    switch activity {
    case .discover: return "#E1F2FB"
    case .design: return "#CCC8E1"
    case .acquire: return "#F6F2DD"
    case .build: return "#C4DDCC"
    case .transition: return "#D0EAE6"
    case .operate: return "#E6E6CC"
    case .deliver: return "#F2D9DD"
    default: return "#E1C8D4"
    }
  }
}
