/// What turns a page of the static site into a live one: the script that listens for rebuilds, and the changes to
/// a page that let it run. The site itself has no script and forbids them; only the preview's copy in memory is
/// changed, never a file.
public enum LiveReload {
  /// Where the script and the event stream are served: beside the site, under a name no page can have (`vstream
  /// build` writes no folder of this name).
  public static let scriptPath = "/_vstream/live.js"
  public static let eventsPath = "/_vstream/events"

  /// The site's policy, widened just enough for the script from this server and its event stream.
  public static let contentSecurityPolicy =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data: 'self'; script-src 'self'; connect-src 'self'"

  /// The page with the preview's policy in place of the static one, the script before `</body>` and an empty
  /// icon (so that the browser does not ask for `/favicon.ico`); the page remembers the generation it was built in.
  /// Works on the page's bytes: searching a `String` through Foundation bridged the whole page on every search, a
  /// third of a rebuild.
  public static func inject(into page: [UInt8], staticPolicy: String, generation: Int) -> [UInt8] {
    var page = page
    replaceFirst(
      Array("content=\"\(staticPolicy)\"".utf8), with: Array("content=\"\(contentSecurityPolicy)\"".utf8), in: &page)
    replaceFirst(Array("</head>".utf8), with: Array("<link rel=\"icon\" href=\"data:,\">\n</head>".utf8), in: &page)
    let tag = Array("<script src=\"\(scriptPath)\" data-generation=\"\(generation)\"></script>\n".utf8)
    if let body = lastIndex(of: Array("</body>".utf8), in: page) {
      page.insert(contentsOf: tag, at: body)
    } else {
      page += tag
    }
    return page
  }

  /// Where `needle` last starts in `bytes`: a plain loop from the end, since `</body>` is there and the generic
  /// `ranges(of:)` took a third of a rebuild on a page with a large diagram.
  static func lastIndex(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
    guard !needle.isEmpty, needle.count <= bytes.count else { return nil }
    var index = bytes.count - needle.count
    while index >= 0 {
      if bytes[index] == needle[0] && bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
      index -= 1
    }
    return nil
  }

  private static func replaceFirst(_ target: [UInt8], with replacement: [UInt8], in bytes: inout [UInt8]) {
    guard let range = bytes.firstRange(of: target) else { return }
    bytes.replaceSubrange(range, with: replacement)
  }

  /// One server-sent event: the site's generation after a rebuild.
  public static func event(generation: Int) -> String { "event: reload\ndata: \(generation)\n\n" }

  /// Sent first on every event stream: how soon to reconnect after the server restarts.
  public static let hello = "retry: 250\n\n"

  /// Reloads the page when the site's generation is not the page's own, keeping the scroll position (saved in
  /// `sessionStorage` for this path just before the reload and restored when the script runs again).
  public static let script = """
    (function () {
      "use strict";
      var me = document.currentScript;
      var generation = me ? me.getAttribute("data-generation") : null;
      var key = "vstream-preview-scroll:" + location.pathname;
      if ("scrollRestoration" in history) history.scrollRestoration = "manual";
      var saved = sessionStorage.getItem(key);
      // The position still to be restored: a reload before the page has loaded keeps it, not the clamped one.
      var pending = null;
      if (saved) {
        sessionStorage.removeItem(key);
        var xy = saved.split(",");
        var x = Number(xy[0]) || 0, y = Number(xy[1]) || 0;
        var restore = function () {
          if (window.scrollX !== x || window.scrollY !== y) window.scrollTo(x, y);
        };
        // Now, while the page is parsed, and again when it has loaded: until then the page may be too short to
        // reach the position, and the browser clamps it.
        restore();
        if (document.readyState !== "complete") {
          pending = saved;
          window.addEventListener("load", function () { restore(); pending = null; }, { once: true });
        }
      }
      var events = new EventSource("\(eventsPath)");
      events.addEventListener("reload", function (event) {
        if (event.data === generation) return;
        generation = event.data;
        sessionStorage.setItem(key, pending || window.scrollX + "," + window.scrollY);
        location.reload();
      });
    })();

    """
}
