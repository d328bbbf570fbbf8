import VStreamModel

/// One colour per value chain activity, the same in every output: the Okabe-Ito palette, chosen because it stays
/// distinguishable for the common forms of colour blindness. Each activity's name is always printed next to its
/// colour, so nothing depends on colour alone (or survives only in colour when printed in greyscale).
public enum Palette {
  public static func color(_ activity: Activity) -> String {
    switch activity {
    case .plan: return "#E69F00"
    case .improve: return "#56B4E9"
    case .engage: return "#009E73"
    case .designAndTransition: return "#F0E442"
    case .obtainBuild: return "#0072B2"
    case .deliverAndSupport: return "#D55E00"
    }
  }

  /// Black or white, whichever reads better on the activity's colour.
  public static func textColor(_ activity: Activity) -> String {
    switch activity {
    case .improve, .designAndTransition, .plan, .engage: return "#000000"
    case .obtainBuild, .deliverAndSupport: return "#FFFFFF"
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
    }
  }
}
