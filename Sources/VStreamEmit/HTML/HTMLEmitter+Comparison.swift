extension HTMLEmitter {
  /// One stream of a comparison (`vstream diff --pictures`): its heading, the comparison as text (what the terminal
  /// shows), and its before/after picture.
  public struct Comparison: Sendable {
    public var heading: String
    public var summary: String
    public var picture: Diagram

    public init(heading: String, summary: String, picture: Diagram) {
      self.heading = heading
      self.summary = summary
      self.picture = picture
    }
  }

  /// `index.html` of a comparison's pictures: each changed stream with its summary and its picture inline, so the
  /// page works from `file://` and as a CI artifact with no other file.
  public func comparison(title: String, _ streams: [Comparison]) -> String {
    let e = HTMLEscaping.text
    var body = "<h1>\(e(title))</h1>\n"
    if streams.isEmpty { body += "<p>No change in meaning.</p>\n" }
    for stream in streams {
      body += "<section>\n<h2>\(e(stream.heading))</h2>\n"
      body += "<pre class=\"scroll\">\(e(stream.summary))</pre>\n"
      body += figure(stream.picture, label: "\(stream.heading): before above, after below, changes marked")
      body += "</section>\n"
    }
    return document(title: title, body: body)
  }
}
