import ArgumentParser
import Dispatch
import Foundation
import VStreamPreview

struct PreviewCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "preview",
    abstract: "Serve the HTML site of the streams on a local web server and reload its pages on every save.",
    discussion: """
      Prints the page's address as the first line of standard output, then rebuilds the site in memory whenever a \
      stream or vstream.yml in the watched folders changes; open pages reload (keeping their scroll position) \
      within a fraction of a second. A stream with errors shows its diagnostics, with the source, in place of its \
      page. Nothing is written to disk. Stops on Ctrl-C, on SIGTERM, or when every path given has gone.

      The server listens on 127.0.0.1 and answers only requests whose Host header names localhost, 127.0.0.1 or \
      [::1] with its port (against DNS rebinding). --host ADDRESS listens elsewhere, with a warning: anyone who can \
      reach that address can read the streams.

      Examples:
        vstream preview streams/restore.vstream --open
        vstream preview streams/ --port 0
      """)

  @Argument(help: "Files or folders.")
  var paths: [String] = ["."]

  @Option(help: "The port to listen on; 0 picks a free one.")
  var port: Int = 8470

  @Option(help: "The address to listen on (an IPv4 or IPv6 literal). Anything but loopback exposes the streams.")
  var host: String = "127.0.0.1"

  @Flag(help: "Open the page in the default browser (xdg-open or open).")
  var open = false

  @Option(help: "The configuration file (default: the nearest vstream.yml above each file).")
  var config: String?

  @OptionGroup
  var input: InputOptions

  func validate() throws {
    guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    guard !paths.contains("-") else { throw ValidationError("preview watches files: standard input cannot be watched") }
    guard Self.isAddress(host) else {
      throw ValidationError("--host takes an IPv4 or IPv6 address, such as 127.0.0.1 or ::1, not \(host)")
    }
  }

  static let loopback: Set<String> = ["127.0.0.1", "::1"]

  /// Whether `text` is an IPv4 or IPv6 literal (a name would need resolving, and could resolve anywhere).
  static func isAddress(_ text: String) -> Bool {
    var buffer = [UInt8](repeating: 0, count: 16)
    return inet_pton(AF_INET, text, &buffer) == 1 || inet_pton(AF_INET6, text, &buffer) == 1
  }

  func run() throws {
    guard WatchedPaths.anyExists(paths) else {
      throw CommandFailure("nothing to preview: \(paths.joined(separator: " ")) not found")
    }
    let site = LiveSite()
    let builder = PreviewSite(paths: paths, input: input, config: config)
    let first = try builder.build(generation: site.generation + 1, drawing: true)
    site.replace(with: first.resources)
    let extraHost = Self.loopback.contains(host) ? nil : host
    if let extraHost {
      Terminal.standardError.write(
        "warning: listening on \(extraHost), not loopback: anyone who can reach this address can read these streams\n")
    }
    let server = try PreviewServer(site: site, address: host, port: UInt16(port)) {
      HostCheck(port: $0, extraHost: extraHost)
    }
    let listening: Int
    do {
      listening = try Self.wait { try await server.start() }
    } catch {
      throw CommandFailure("cannot listen on \(host) port \(port): \(error)")
    }
    let stopping = NSLock()
    var stopped = false
    let rebuilder = PreviewRebuilder(site: site, builder: builder)
    let stop = {
      Terminal.standardError.write("stopping: \(paths.joined(separator: " ")) went away\n")
      kill(getpid(), SIGTERM)
    }
    let watcher = FileWatcher(folders: WatchedPaths.folders(for: paths)) {
      guard WatchedPaths.anyExists(paths) else { return stop() }
      rebuilder.rebuild()
    }
    // Ctrl-C and SIGTERM end the server in order: the event streams close, the socket closes, then the process ends.
    // Their handlers run on a queue of their own while this thread waits: `dispatchMain()` would end the main thread
    // under libdispatch, whose signal thread then works on a stack AddressSanitizer still has poisoned.
    let signals = DispatchQueue(label: "vstream.preview.signals")
    var sources: [DispatchSourceSignal] = []
    for signalNumber in [SIGINT, SIGTERM] {
      signal(signalNumber, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: signals)
      source.setEventHandler {
        let first = stopping.withLock { () -> Bool in
          defer { stopped = true }
          return !stopped
        }
        guard first else { return }
        watcher.stop()
        Task {
          await server.stop()
          Terminal.standardError.write("preview stopped\n")
          Foundation.exit(0)
        }
      }
      source.resume()
      sources.append(source)
    }
    // Watching before the address is out: a save made as soon as the page is open is always seen, and a file removed
    // once the message is out too. One removed while the watch was being set up has no event to report it, so it is
    // looked for once the watch is on.
    watcher.start()
    let shownHost = host.contains(":") ? "[\(host)]" : host
    let url = "http://\(shownHost):\(listening)/\(first.firstPage)"
    Terminal.standardOutput.write(url + "\n")
    Terminal.standardError.write(Self.summary(first) + "; watching for changes, Ctrl-C stops\n")
    if !WatchedPaths.anyExists(paths) { stop() }
    if open { Self.openBrowser(url) }
    let forever = DispatchSemaphore(value: 0)
    withExtendedLifetime(sources) { forever.wait() }
  }

  static func summary(_ outcome: PreviewSite.Outcome) -> String {
    "built \(outcome.built) stream\(outcome.built == 1 ? "" : "s")"
      + (outcome.broken > 0 ? ", \(outcome.broken) with errors" : "")
  }

  /// Runs async work from this synchronous command and waits for it (the command runs on the main thread, outside
  /// Swift's cooperative pool, so waiting here blocks no task).
  static func wait<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) throws -> T {
    let done = DispatchSemaphore(value: 0)
    let box = ResultBox<T>()
    Task {
      box.result = await Result { try await work() }
      done.signal()
    }
    done.wait()
    return try box.result!.get()
  }

  static func openBrowser(_ url: String) {
    guard let opener = ["xdg-open", "open"].lazy.compactMap(Graphviz.locate).first else {
      Terminal.standardError.write("note: no xdg-open or open to start a browser; open \(url)\n")
      return
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: opener)
    process.arguments = [url]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try? process.run()
  }
}

private final class ResultBox<T>: @unchecked Sendable {
  var result: Result<T, Error>?
}

extension Result where Failure == Error {
  init(catching body: () async throws -> Success) async {
    do { self = .success(try await body()) } catch { self = .failure(error) }
  }
}
