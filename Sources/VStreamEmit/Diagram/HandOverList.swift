import VStreamModel

/// A stream's hand-overs to and from other streams, in the order the pages list them: the stream the demand comes
/// from, then each step and value that hands over, in declaration order. The HTML and Markdown pages print this one
/// list, each with its own links and escaping.
enum HandOverList {
  struct Entry {
    /// Whether the work comes from the other stream (the demand's `from-stream`).
    var incoming: Bool
    /// The title of the demand, step or value here.
    var here: String
    /// The other stream's id.
    var stream: String
  }

  static func entries(_ stream: ValueStream) -> [Entry] {
    var entries: [Entry] = []
    if let link = stream.demand.fromStream {
      entries.append(Entry(incoming: true, here: stream.demand.title, stream: link.stream))
    }
    for step in stream.steps {
      if let link = step.handsOverTo { entries.append(Entry(incoming: false, here: step.title, stream: link.stream)) }
    }
    for value in stream.values {
      if let link = value.handsOverTo { entries.append(Entry(incoming: false, here: value.title, stream: link.stream)) }
    }
    return entries
  }
}
