"""`vstream lsp` end to end with pytest-lsp: a real LSP client (pygls) drives the built binary over stdin/stdout."""

import json
import subprocess

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from conftest import VSTREAM


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[VSTREAM, "lsp"]))
async def client(lsp_client: LanguageClient, workspace):
    lsp_client.workspace_root = workspace
    lsp_client.registrations = []

    # The server asks to watch vstream.yml and stream files, as VS Code's capabilities allow.
    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams):
        lsp_client.registrations.extend(params.registrations)

    params = types.InitializeParams(
        capabilities=client_capabilities("visual-studio-code"),
        workspace_folders=[types.WorkspaceFolder(uri=workspace.as_uri(), name="streams")],
    )
    result = await lsp_client.initialize_session(params)
    lsp_client.init_result = result
    yield
    await lsp_client.shutdown_session()


def uri_of(client):
    return (client.workspace_root / "restore.vstream").as_uri()


async def open_document(client, text=None, version=1):
    path = client.workspace_root / "restore.vstream"
    uri = path.as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=uri, language_id="vstream", version=version, text=text if text is not None else path.read_text()
            )
        )
    )
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return uri


def line_of(text, needle):
    """The first line that starts with `needle` once its indentation is set aside."""
    return next(index for index, line in enumerate(text.splitlines()) if line.strip().startswith(needle))


async def test_capabilities_and_encoding(client: LanguageClient):
    capabilities = client.init_result.capabilities
    assert capabilities.position_encoding in ("utf-16", "utf-8")
    assert capabilities.hover_provider and capabilities.definition_provider and capabilities.rename_provider
    assert capabilities.text_document_sync.change == types.TextDocumentSyncKind.Incremental


async def test_diagnostics_match_check(client: LanguageClient):
    text = (client.workspace_root / "restore.vstream").read_text().replace("activity engage", "activity engag", 1)
    uri = await open_document(client, text)
    codes = [d.code for d in client.diagnostics[uri]]
    (client.workspace_root / "broken.vstream").write_text(text)
    report = subprocess.run(
        [VSTREAM, "check", "--format", "json", str(client.workspace_root / "broken.vstream")],
        capture_output=True, text=True, cwd=client.workspace_root,
    )
    expected = [d["code"] for f in json.loads(report.stdout)["files"] for d in f["diagnostics"] if not d.get("suppressed")]
    assert codes == expected and "VS308" in codes
    diagnostic = next(d for d in client.diagnostics[uri] if d.code == "VS308")
    assert diagnostic.code_description.href.endswith("/specs/diagnostics/VS308.md")
    assert diagnostic.range.start.line == line_of(text, "activity engag")


async def test_incremental_edit_then_fix_clears_the_finding(client: LanguageClient):
    text = (client.workspace_root / "restore.vstream").read_text()
    uri = await open_document(client, text)
    assert list(client.diagnostics[uri]) == []
    line = line_of(text, "activity engage")
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[
                types.TextDocumentContentChangePartial(
                    range=types.Range(start=types.Position(line, 11), end=types.Position(line, 17)), text="engag"
                )
            ],
        )
    )
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert [d.code for d in client.diagnostics[uri]] == ["VS308"]
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=types.Range(start=types.Position(line, 12), end=types.Position(line, 12)),
            context=types.CodeActionContext(diagnostics=[]),
        )
    )
    assert actions and actions[0].edit.changes[uri][0].new_text == "engage"


async def test_hover_completion_and_the_organisations_practices(client: LanguageClient):
    text = (client.workspace_root / "restore.vstream").read_text()
    uri = await open_document(client, text)
    line = line_of(text, "practices service-desk")
    hover = await client.text_document_hover_async(
        types.HoverParams(text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line, 14))
    )
    assert "Service desk" in hover.contents.value
    completion = await client.text_document_completion_async(
        types.CompletionParams(text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line, 12))
    )
    labels = [item.label for item in completion.items]
    assert "fraud-screening" in labels and "change-enablement" in labels
    flow = line_of(text, "flow ")
    completion = await client.text_document_completion_async(
        types.CompletionParams(text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(flow, 5))
    )
    assert "triage" in [item.label for item in completion.items]


async def test_definition_references_rename_symbols_folding_formatting(client: LanguageClient):
    text = (client.workspace_root / "restore.vstream").read_text()
    uri = await open_document(client, text)
    flow = line_of(text, "main ")
    column = text.splitlines()[flow].index("triage")
    document = types.TextDocumentIdentifier(uri=uri)
    definition = await client.text_document_definition_async(
        types.DefinitionParams(text_document=document, position=types.Position(flow, column + 1))
    )
    assert definition.range.start.line == line_of(text, "step triage")
    references = await client.text_document_references_async(
        types.ReferenceParams(
            text_document=document, position=types.Position(flow, column + 1),
            context=types.ReferenceContext(include_declaration=True),
        )
    )
    assert len(references) == text.count("triage")
    rename = await client.text_document_rename_async(
        types.RenameParams(text_document=document, position=types.Position(flow, column + 1), new_name="log")
    )
    assert len(rename.changes[uri]) == len(references)
    symbols = await client.text_document_document_symbol_async(types.DocumentSymbolParams(text_document=document))
    assert "triage" in [symbol.name for symbol in symbols]
    folds = await client.text_document_folding_range_async(types.FoldingRangeParams(text_document=document))
    assert any(fold.start_line == line_of(text, "step triage") for fold in folds)
    edits = await client.text_document_formatting_async(
        types.DocumentFormattingParams(text_document=document, options=types.FormattingOptions(2, True))
    )
    assert not edits  # the example is already in `vstream fmt`'s layout


async def test_duplicate_stream_ids_across_the_workspace(client: LanguageClient):
    text = (client.workspace_root / "restore.vstream").read_text()
    (client.workspace_root / "copy.vstream").write_text(text)
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=(client.workspace_root / "copy.vstream").as_uri(), type=types.FileChangeType.Created)]
        )
    )
    uri = await open_document(client, text)
    assert [d.code for d in client.diagnostics[uri]] == ["VS319"]


async def test_unknown_method_and_requests_after_shutdown(client: LanguageClient):
    with pytest.raises(Exception, match="32601|unknown method"):
        await client.protocol.send_request_async("vstream/nonsense", {})


def frame(body: bytes) -> bytes:
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def read_messages(output: bytes):
    messages = []
    while output:
        header, _, rest = output.partition(b"\r\n\r\n")
        length = int(header.split(b":")[1])
        messages.append(json.loads(rest[:length]))
        output = rest[length:]
    return messages


def test_malformed_messages_get_errors_and_the_server_goes_on():
    """Bytes no client library would send: broken JSON, a wrong Content-Length, a header without one, requests
    before initialize and after shutdown. Every request still gets its answer, and exit is clean."""
    stream = b"".join(
        [
            frame(b'{"jsonrpc":"2.0","id":1,"method":"textDocument/hover","params":{}}'),
            frame(b'{"jsonrpc":"2.0","id":2,"method":"initialize","params":{"capabilities":{}}}'),
            frame(b"{this is not json"),
            b"Content-Length: 9999\r\n\r\n" + b'{"jsonrpc":"2.0",',  # too long: swallows the next message
            frame(b'{"jsonrpc":"2.0","id":3,"method":"no/such/method"}'),
            b"Content-Length: twelve\r\n\r\n",
            frame(b'[1,2,3]'),
            frame(b'{"jsonrpc":"2.0","id":4,"method":"shutdown"}'),
            frame(b'{"jsonrpc":"2.0","id":5,"method":"textDocument/hover","params":{}}'),
            frame(b'{"jsonrpc":"2.0","method":"exit"}'),
        ]
    )
    run = subprocess.run([VSTREAM, "lsp"], input=stream, capture_output=True, timeout=30)
    assert run.returncode == 0, run.stderr
    messages = read_messages(run.stdout)
    by_id = {m.get("id"): m for m in messages if m.get("id") is not None}
    assert by_id[1]["error"]["code"] == -32002
    assert "capabilities" in by_id[2]["result"]
    assert by_id[3]["error"]["code"] == -32601
    assert by_id[4]["result"] is None
    assert by_id[5]["error"]["code"] == -32600
    errors = [m["error"]["code"] for m in messages if m.get("id") is None and "error" in m]
    assert -32700 in errors and -32600 in errors


def test_a_50_megabyte_document_and_a_burst_of_edits():
    """A 50 MB document is checked without a crash, and 300 edits sent at once are checked once, at the last
    version: no diagnostics are published for an older version after a newer one."""
    note = "  note \"" + "A long note that makes the document large without making it long. " * 6 + "\"\n"
    steps = "".join(f'step s{i} "Step {i}"\n  activity engage\n  time 5m\n{note}\n' for i in range(110_000))
    big = "---\nvstream: 1\ntitle: Big\nowner: Me\n---\nstream big \"Big\"\n\n" + steps
    assert len(big) > 50_000_000
    messages = [
        {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}},
        {"jsonrpc": "2.0", "method": "initialized", "params": {}},
        {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
            "uri": "file:///tmp/vstream-lsp-big.vstream", "languageId": "vstream", "version": 1, "text": big}}},
        {"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
            "uri": "untitled:burst", "languageId": "vstream", "version": 1, "text": "stream a \"A\"\n"}}},
    ]
    for version in range(2, 302):
        messages.append({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": {"uri": "untitled:burst", "version": version},
            "contentChanges": [{"text": f"stream a{version} \"A\"\n"}]}})
    server = subprocess.Popen([VSTREAM, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        server.stdin.write(b"".join(frame(json.dumps(m).encode()) for m in messages))
        server.stdin.flush()
        published = []
        # Until both documents are published at their last version (the big one takes a few seconds).
        while {"untitled:burst", "file:///tmp/vstream-lsp-big.vstream"} - {p["uri"] for p in published if p["version"] in (1, 301) and (p["uri"] != "untitled:burst" or p["version"] == 301)}:
            message = read_one(server.stdout)
            if message.get("method") == "textDocument/publishDiagnostics":
                published.append(message["params"])
        server.stdin.write(frame(b'{"jsonrpc":"2.0","id":2,"method":"shutdown"}') + frame(b'{"jsonrpc":"2.0","method":"exit"}'))
        server.stdin.close()
        assert server.wait(timeout=60) == 0
    finally:
        server.kill()
    burst = [p["version"] for p in published if p["uri"] == "untitled:burst"]
    assert burst == sorted(burst) and burst[-1] == 301
    assert len(burst) < 10, f"{len(burst)} publications for 300 edits sent at once"
    big = next(p for p in published if p["uri"].endswith("big.vstream"))
    assert all(d["code"] != "VS003" for d in big["diagnostics"])


def read_one(stream):
    header = b""
    while not header.endswith(b"\r\n\r\n"):
        byte = stream.read(1)
        assert byte, "the server closed its output"
        header += byte
    return json.loads(stream.read(int(header.split(b":")[1])))


def test_random_edits_and_requests_on_every_stream_in_the_repository():
    """Seeded random incremental edits (astral characters, CRLF, deletions across lines) and every request at random
    positions, some outside the document, on every stream of the repository: each request gets an answer that is not
    an internal error, and the server ends cleanly."""
    import random

    from conftest import ROOT

    rng = random.Random(23)
    streams = sorted(ROOT.glob("examples/**/*.vstream")) + sorted(ROOT.glob("specs/cases/**/*.vstream"))
    streams = streams[:: max(1, len(streams) // 60)]
    pieces = ["x", " ", "\n", "\r\n", "😀", "é", "->", '"', "#", "step z\n", "  practices ", ",", "%", "5m", "\t"]
    methods = ["textDocument/hover", "textDocument/completion", "textDocument/definition", "textDocument/references",
               "textDocument/prepareRename", "textDocument/documentSymbol", "textDocument/formatting",
               "textDocument/foldingRange", "textDocument/codeAction", "textDocument/rename"]
    messages = [{"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {"capabilities": {}}}]
    next_id = 1
    for path in streams:
        uri = path.as_uri()
        text = path.read_text(errors="replace")
        lines = max(1, text.count("\n") + 1)
        messages.append({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
            "uri": uri, "languageId": "vstream", "version": 1, "text": text}}})
        for version in range(2, 12):
            def position():
                return {"line": rng.randrange(-1, lines + 2), "character": rng.randrange(-1, 90)}
            start, end = sorted([position(), position()], key=lambda p: (p["line"], p["character"]))
            messages.append({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
                "textDocument": {"uri": uri, "version": version},
                "contentChanges": [{"range": {"start": start, "end": end} if rng.random() < 0.9 else None,
                                    "text": "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 4)))}]}})
            if messages[-1]["params"]["contentChanges"][0]["range"] is None:
                messages[-1]["params"]["contentChanges"][0] = {"text": text}
            for method in rng.sample(methods, 4):
                params = {"textDocument": {"uri": uri}, "position": position(), "newName": "renamed",
                          "range": {"start": position(), "end": position()}, "context": {"diagnostics": [],
                                                                                       "includeDeclaration": True},
                          "options": {"tabSize": 2, "insertSpaces": True}}
                messages.append({"jsonrpc": "2.0", "id": next_id, "method": method, "params": params})
                next_id += 1
        messages.append({"jsonrpc": "2.0", "method": "textDocument/didClose", "params": {"textDocument": {"uri": uri}}})
    messages += [{"jsonrpc": "2.0", "id": next_id, "method": "shutdown"}, {"jsonrpc": "2.0", "method": "exit"}]
    stream = b"".join(frame(json.dumps(m).encode()) for m in messages)
    run = subprocess.run([VSTREAM, "lsp"], input=stream, capture_output=True, timeout=240)
    assert run.returncode == 0, run.stderr[-2000:]
    answers = {m["id"]: m for m in read_messages(run.stdout) if m.get("id") is not None}
    assert set(answers) == set(range(next_id + 1)), "every request is answered"
    internal = [m for m in answers.values() if m.get("error", {}).get("code") == -32603]
    assert not internal, internal[:3]
