import VStreamSource

/// The words of one finding, without its code, place or severity: what a rule's wording functions return (each
/// rule's are at the bottom of its file, as extensions of this type, so that `Message` is the stage's one catalogue
/// of wording).
struct Message {
  var text: String
  /// The text under the carets.
  var label: String?
  var secondary: [Diagnostic.Label] = []
  var notes: [String] = []
  var help: String?
  /// Mechanical fixes, the one to apply first (see `Diagnostic.Fix`).
  var fixes: [Diagnostic.Fix] = []
}
