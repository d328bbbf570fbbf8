import Foundation
import VStream
import VStreamSource

/// The server's state machine: it reads one message at a time, keeps the open documents and the workspace, answers
/// requests and publishes diagnostics. It does no I/O itself: messages come in through `receive`, go out through
/// `send`, and the disk is reached through ``WorkspaceFiles``. ``ServerLoop`` runs it over standard input and output.
///
/// Diagnostics are not checked on each edit: an edit marks its document, and `publishPending()`, which the loop
/// calls once no message is waiting, checks each marked document at its latest version only. A result is therefore
/// never computed for, let alone published over, a version older than the newest one received.
public final class LanguageServer {
  /// Where the session is in the protocol's life cycle.
  public enum State: Equatable {
    case waitingForInitialize
    case running
    /// `shutdown` answered: only `exit` is accepted.
    case shutDown
    /// `exit` received; `exitCode` says how the process should end.
    case exited
  }

  public private(set) var state = State.waitingForInitialize
  /// 0 when `exit` followed `shutdown`, 1 otherwise (LSP 3.17).
  public private(set) var exitCode: Int32 = 0
  public private(set) var encoding = PositionEncoding.utf16

  private let send: ([String: Any]) -> Void
  private let workspace: Workspace
  private var documents: [String: Document] = [:]
  /// Documents edited since their diagnostics were last published, by URI, in the order first marked.
  private var pending: [String] = []
  /// The findings across files last published per document, so that a workspace change re-publishes only what
  /// changed.
  private var publishedAcrossFiles: [String: [Diagnostic]] = [:]
  /// The requests cancelled by `$/cancelRequest` before they were answered.
  private var cancelled = Set<JSONRPC.RequestID>()
  private var watchesFiles = false
  private var nextRequestID = 1

  /// The largest document accepted: a longer one is kept closed (and its refusal reported).
  public static let maxDocumentBytes = 64 << 20

  private let version: String

  /// `version` is the server's, for `serverInfo`.
  public init(files: WorkspaceFiles, version: String, send: @escaping ([String: Any]) -> Void) {
    self.workspace = Workspace(files: files)
    self.version = version
    self.send = send
  }

  // MARK: - Messages in

  /// Handles one frame (a body, or what the framer could not read).
  public func receive(_ frame: MessageFramer.Frame) {
    switch frame {
    case .malformed(let reason):
      send(JSONRPC.response(id: nil, failure: JSONRPC.Failure(.parseError, reason)))
    case .body(let body):
      receive(JSONRPC.Incoming(body: body))
    }
  }

  /// Marks a request as cancelled before it is handled: the loop calls this for every `$/cancelRequest` of a batch
  /// of waiting messages first, so that a request cancelled by a message behind it in the queue is not worked on.
  public func cancel(_ id: JSONRPC.RequestID) { cancelled.insert(id) }

  public func receive(_ message: JSONRPC.Incoming) {
    switch message {
    case .response:
      return
    case .invalid(let id, let code, let reason):
      send(JSONRPC.response(id: id, failure: JSONRPC.Failure(code, reason)))
    case .notification(let method, let params):
      notification(method, params)
    case .request(let id, let method, let params):
      if cancelled.remove(id) != nil {
        send(JSONRPC.response(id: id, failure: JSONRPC.Failure(.requestCancelled, "cancelled")))
        return
      }
      do {
        send(JSONRPC.response(id: id, result: try request(method, params)))
      } catch let failure as JSONRPC.Failure {
        send(JSONRPC.response(id: id, failure: failure))
      } catch {
        send(JSONRPC.response(id: id, failure: JSONRPC.Failure(.internalError, "\(error)")))
      }
    }
  }

  private func request(_ method: String, _ params: Any?) throws -> Any? {
    switch state {
    case .waitingForInitialize:
      guard method == "initialize" else {
        throw JSONRPC.Failure(.serverNotInitialized, "the server is not initialized: send `initialize` first")
      }
      return initialize(params as? [String: Any] ?? [:])
    case .shutDown, .exited:
      throw JSONRPC.Failure(.invalidRequest, "the server is shut down: only `exit` is accepted")
    case .running:
      break
    }
    let params = params as? [String: Any] ?? [:]
    switch method {
    case "initialize": throw JSONRPC.Failure(.invalidRequest, "the server is already initialized")
    case "shutdown":
      state = .shutDown
      return nil
    case "textDocument/hover":
      return try at(params) { HoverFeature.hover(at: $1, in: $0) }
    case "textDocument/completion":
      return try at(params) { ["isIncomplete": false, "items": CompletionFeature.completions(at: $1, in: $0)] }
    case "textDocument/definition":
      return try at(params) { NavigationFeature.definition(at: $1, in: $0) }
    case "textDocument/references":
      let include = (params["context"] as? [String: Any])?["includeDeclaration"] as? Bool ?? true
      return try at(params) { NavigationFeature.references(at: $1, includeDeclaration: include, in: $0) }
    case "textDocument/prepareRename":
      return try at(params) { NavigationFeature.prepareRename(at: $1, in: $0) }
    case "textDocument/rename":
      guard let newName = params["newName"] as? String else { throw JSONRPC.Failure(.invalidParams, "no newName") }
      return try at(params) { try NavigationFeature.rename(at: $1, to: newName, in: $0) }
    case "textDocument/documentSymbol":
      return SymbolsFeature.symbols(in: try context(params))
    case "textDocument/formatting":
      return FormattingFeature.edits(in: try context(params))
    case "textDocument/foldingRange":
      return FoldingFeature.ranges(in: try context(params))
    case "textDocument/codeAction":
      return try codeActions(params)
    default:
      throw JSONRPC.Failure(.methodNotFound, "unknown method `\(method)`")
    }
  }

  private func notification(_ method: String, _ params: Any?) {
    if method == "exit" {
      exitCode = state == .shutDown ? 0 : 1
      state = .exited
      return
    }
    // Before `initialize` and after `shutdown`, notifications are dropped (LSP 3.17).
    guard state == .running, let params = params as? [String: Any] else { return }
    switch method {
    case "initialized": registerWatchers()
    case "textDocument/didOpen": didOpen(params)
    case "textDocument/didChange": didChange(params)
    case "textDocument/didClose": didClose(params)
    case "workspace/didChangeWatchedFiles": didChangeWatchedFiles(params)
    case "workspace/didChangeWorkspaceFolders": didChangeWorkspaceFolders(params)
    default: return  // `$/cancelRequest` is handled by the loop; other notifications need nothing.
    }
  }

  // MARK: - Life cycle

  private func initialize(_ params: [String: Any]) -> [String: Any] {
    let capabilities = params["capabilities"] as? [String: Any] ?? [:]
    let general = capabilities["general"] as? [String: Any] ?? [:]
    encoding = PositionEncoding.negotiate(general["positionEncodings"] as? [String] ?? [])
    let workspaceCapabilities = capabilities["workspace"] as? [String: Any] ?? [:]
    let watched = workspaceCapabilities["didChangeWatchedFiles"] as? [String: Any] ?? [:]
    watchesFiles = watched["dynamicRegistration"] as? Bool ?? false
    var folders = (params["workspaceFolders"] as? [[String: Any]] ?? []).compactMap {
      ($0["uri"] as? String).flatMap(DocumentURI.path)
    }
    if folders.isEmpty, let root = (params["rootUri"] as? String).flatMap(DocumentURI.path) { folders = [root] }
    workspace.open(folders: folders)
    state = .running
    return [
      "capabilities": [
        "positionEncoding": encoding.rawValue,
        "textDocumentSync": ["openClose": true, "change": 2] as [String: Any],
        "hoverProvider": true,
        "completionProvider": ["triggerCharacters": [" ", ",", ">"], "resolveProvider": false] as [String: Any],
        "definitionProvider": true,
        "referencesProvider": true,
        "renameProvider": ["prepareProvider": true],
        "documentSymbolProvider": true,
        "documentFormattingProvider": true,
        "codeActionProvider": ["codeActionKinds": ["quickfix"]],
        "foldingRangeProvider": true,
        "workspace": ["workspaceFolders": ["supported": true, "changeNotifications": true]],
      ] as [String: Any],
      "serverInfo": ["name": "vstream", "version": version],
    ]
  }

  /// Asks the client to report changes to configuration and stream files, when it can be asked.
  private func registerWatchers() {
    guard watchesFiles else { return }
    let watchers = ["**/\(ConfigurationSearch.fileName)", "**/*.vstream"].map { ["globPattern": $0] }
    send([
      "jsonrpc": "2.0", "id": "vstream-watch-\(nextRequestID)", "method": "client/registerCapability",
      "params": [
        "registrations": [
          [
            "id": "vstream-watched-files", "method": "workspace/didChangeWatchedFiles",
            "registerOptions": ["watchers": watchers],
          ] as [String: Any]
        ]
      ],
    ])
    nextRequestID += 1
  }

  // MARK: - Documents

  private func didOpen(_ params: [String: Any]) {
    guard let item = params["textDocument"] as? [String: Any], let uri = item["uri"] as? String,
      let text = item["text"] as? String
    else { return }
    // A client that sends every file (a generic one) opens `vstream.yml` or a README too: only streams are checked.
    let languageID = item["languageId"] as? String ?? "vstream"
    guard languageID == "vstream" || uri.hasSuffix(".vstream") else { return }
    let version = item["version"] as? Int ?? 0
    let bytes = Array(text.utf8)
    guard bytes.count <= Self.maxDocumentBytes else {
      showMessage("\(uri) is \(bytes.count) bytes, more than \(Self.maxDocumentBytes): not checked")
      return
    }
    documents[uri] = Document(uri: uri, path: DocumentURI.path(uri) ?? uri, version: version, text: bytes)
    markPending(uri)
  }

  private func didChange(_ params: [String: Any]) {
    guard let item = params["textDocument"] as? [String: Any], let uri = item["uri"] as? String,
      let document = documents[uri], let changes = params["contentChanges"] as? [[String: Any]]
    else { return }
    let version = item["version"] as? Int ?? document.version + 1
    for change in changes {
      guard let text = change["text"] as? String else { continue }
      if let range = LSPRange.range(change["range"]) {
        _ = document.apply(range: range, text: text, encoding: encoding)
      } else {
        document.replace(with: Array(text.utf8), version: version)
      }
      if document.file.bytes.count > Self.maxDocumentBytes {
        documents[uri] = nil
        clearDiagnostics(uri)
        showMessage("\(uri) grew past \(Self.maxDocumentBytes) bytes: closed in the server, no longer checked")
        return
      }
    }
    document.setVersion(version)
    markPending(uri)
  }

  /// Closing a file restores what is on disk: its diagnostics are cleared (the editor shows none for closed files)
  /// and the workspace reads its text again, so that the rules across files see the saved text.
  private func didClose(_ params: [String: Any]) {
    guard let uri = (params["textDocument"] as? [String: Any])?["uri"] as? String,
      let document = documents.removeValue(forKey: uri)
    else { return }
    pending.removeAll { $0 == uri }
    clearDiagnostics(uri)
    if document.path.hasPrefix("/") { workspace.refresh(document.path) }
    republishWorkspaceFindings()
  }

  private func didChangeWatchedFiles(_ params: [String: Any]) {
    var configurationChanged = false
    for change in params["changes"] as? [[String: Any]] ?? [] {
      guard let path = (change["uri"] as? String).flatMap(DocumentURI.path) else { continue }
      if path.hasSuffix("/" + ConfigurationSearch.fileName) {
        configurationChanged = true
      } else if path.hasSuffix(".vstream") {
        // 3 is Deleted.
        if change["type"] as? Int == 3 { workspace.forget(path) } else { workspace.refresh(path) }
      }
    }
    if configurationChanged {
      workspace.reloadConfigurations()
      for (uri, document) in documents.sorted(by: { $0.key < $1.key }) {
        document.invalidateDiagnostics()
        markPending(uri)
      }
    }
    republishWorkspaceFindings()
  }

  private func didChangeWorkspaceFolders(_ params: [String: Any]) {
    let event = params["event"] as? [String: Any] ?? [:]
    func paths(_ key: String) -> [String] {
      (event[key] as? [[String: Any]] ?? []).compactMap { ($0["uri"] as? String).flatMap(DocumentURI.path) }
    }
    let removed = Set(paths("removed"))
    workspace.open(folders: workspace.folders.filter { !removed.contains($0) } + paths("added"))
    republishWorkspaceFindings()
  }

  private func markPending(_ uri: String) {
    if !pending.contains(uri) { pending.append(uri) }
  }

  // MARK: - Diagnostics out

  /// Whether documents wait for their diagnostics.
  public var hasPendingDiagnostics: Bool { !pending.isEmpty }

  /// Checks every document edited since its last publication, at its latest version, and publishes the result.
  public func publishPending() {
    let uris = pending
    pending = []
    guard state == .running else { return }
    // Checked first, so that the stream ids below come from the trees the checks made rather than a second parse.
    for uri in uris {
      guard let document = documents[uri] else { continue }
      _ = document.diagnostics(configuration: configuration(for: document))
    }
    let acrossFiles = crossFileFindings()
    for uri in uris {
      guard let document = documents[uri] else { continue }
      publish(document, acrossFiles: acrossFiles[document.path] ?? [])
    }
    // An edit can change another document's findings across files (a stream id made unique again).
    republishWorkspaceFindings(acrossFiles)
  }

  private func publish(_ document: Document, acrossFiles: [Diagnostic]) {
    let all = Diagnostic.normalized(document.diagnostics(configuration: configuration(for: document)) + acrossFiles)
    let json = DiagnosticsFeature.diagnostics(
      all, file: document.file, uri: document.uri, encoding: encoding, otherFile: otherFile)
    publishedAcrossFiles[document.uri] = acrossFiles
    send(
      JSONRPC.notification(
        "textDocument/publishDiagnostics", ["uri": document.uri, "version": document.version, "diagnostics": json]))
  }

  /// After a change that may alter the findings across files: publishes again each open document whose findings
  /// across files changed.
  private func republishWorkspaceFindings(_ known: [String: [Diagnostic]]? = nil) {
    guard state == .running else { return }
    let acrossFiles = known ?? crossFileFindings()
    for (uri, document) in documents.sorted(by: { $0.key < $1.key }) where !pending.contains(uri) {
      let now = acrossFiles[document.path] ?? []
      if now != publishedAcrossFiles[uri] ?? [] { publish(document, acrossFiles: now) }
    }
  }

  private func crossFileFindings() -> [String: [Diagnostic]] {
    let open = documents.values.sorted { $0.uri < $1.uri }.map { (file: $0.file, syntax: $0.syntax) }
    return workspace.crossFileFindings(open: open)
  }

  /// The configuration for a document: the nearest `vstream.yml` above its file, the defaults for a document that is
  /// not a file (`untitled:`).
  private func configuration(for document: Document) -> Configuration {
    workspace.configuration(for: document.path.hasPrefix("/") ? document.path : nil)
  }

  private func clearDiagnostics(_ uri: String) {
    publishedAcrossFiles[uri] = nil
    send(JSONRPC.notification("textDocument/publishDiagnostics", ["uri": uri, "diagnostics": [Any]()]))
  }

  /// Another file named by a finding: an open document's text, else the workspace's copy of the disk.
  private func otherFile(_ path: String) -> SourceFile? {
    if let document = documents.values.first(where: { $0.path == path }) { return document.file }
    return workspace.file(at: path)
  }

  private func showMessage(_ message: String) {
    send(JSONRPC.notification("window/showMessage", ["type": 2, "message": message]))
  }

  // MARK: - Requests on a document

  private func document(_ params: [String: Any]) throws -> Document {
    guard let uri = (params["textDocument"] as? [String: Any])?["uri"] as? String else {
      throw JSONRPC.Failure(.invalidParams, "no textDocument.uri")
    }
    guard let document = documents[uri] else { throw JSONRPC.Failure(.invalidParams, "\(uri) is not open") }
    return document
  }

  private func context(_ params: [String: Any]) throws -> FeatureContext {
    let document = try document(params)
    let open = documents.values.map { (file: $0.file, streamID: Compiler.streamID(of: $0.syntax)) }
    return FeatureContext(
      uri: document.uri, file: document.file, index: DocumentIndex(file: document.file, syntax: document.syntax),
      encoding: encoding,
      configuration: configuration(for: document), streamIDs: { [workspace] in workspace.streamIDs(open: open) })
  }

  /// A request at a position: the feature gets the context and the position's byte offset.
  private func at(_ params: [String: Any], _ feature: (FeatureContext, UInt32) throws -> Any?) throws -> Any? {
    let context = try context(params)
    guard let position = LSPRange.position(params["position"]) else {
      throw JSONRPC.Failure(.invalidParams, "no position")
    }
    return try feature(context, context.offset(position))
  }

  private func codeActions(_ params: [String: Any]) throws -> Any? {
    let context = try context(params)
    let document = try document(params)
    guard let range = LSPRange.range(params["range"]) else { throw JSONRPC.Failure(.invalidParams, "no range") }
    let diagnostics = document.diagnostics(configuration: context.configuration)
    let bytes = SourceRange(
      start: context.offset(range.start), end: max(context.offset(range.start), context.offset(range.end)))
    return CodeActionsFeature.actions(for: diagnostics, in: bytes, context: context) {
      DiagnosticsFeature.diagnostic(
        $0, file: context.file, uri: context.uri, encoding: self.encoding, otherFile: self.otherFile)
    }
  }
}
