import VStreamSource

/// One libyaml parser event, converted to Swift values and file-absolute byte ranges, so that the tree is built
/// without touching C memory.
enum YAMLEvent {
  /// An explicit tag: the tag as libyaml resolved it (`tag:yaml.org,2002:str`) and where it is written.
  struct Tag {
    var resolved: String
    var written: String
    var range: SourceRange
  }

  /// An anchor `&name` and where it is written.
  struct Anchor {
    var name: String
    var range: SourceRange
  }

  case documentStart(range: SourceRange)
  case scalar(text: String, style: YAMLNode.ScalarStyle, range: SourceRange, anchor: Anchor?, tag: Tag?)
  case collectionStart(isMapping: Bool, isFlow: Bool, range: SourceRange, anchor: Anchor?, tag: Tag?)
  case collectionEnd(range: SourceRange)
  case alias(name: String, range: SourceRange)
}
