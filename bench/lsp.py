"""Drives `vstream lsp` over pipes on a generated 1,000-step stream and prints what an editor waits for: diagnostics
after an edit, hover and completion. Each figure is a round trip (the request written, its answer read), which bounds
the server's time from above: it adds the pipe and this script's JSON. Used by bench/lsp.sh."""

import json
import random
import statistics
import subprocess
import sys
import time

sys.path.insert(0, "bench")
import generate  # noqa: E402


def frame(message):
    body = json.dumps(message).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def read(stream):
    header = b""
    while not header.endswith(b"\r\n\r\n"):
        byte = stream.read(1)
        if not byte:
            raise SystemExit("the server closed its output")
        header += byte
    return json.loads(stream.read(int(header.split(b":")[1])))


def main(binary, steps, rounds):
    text = generate.to_vstream(generate.stream(random.Random(1), "bench-lsp", steps))
    lines = text.split("\n")
    server = subprocess.Popen([binary, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    next_id = [0]

    def send(message):
        server.stdin.write(frame(message))
        server.stdin.flush()

    def request(method, params):
        next_id[0] += 1
        start = time.perf_counter()
        send({"jsonrpc": "2.0", "id": next_id[0], "method": method, "params": params})
        while True:
            message = read(server.stdout)
            if message.get("id") == next_id[0]:
                return time.perf_counter() - start, message

    request("initialize", {"capabilities": {}})
    send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    uri = "file:///bench/lsp.vstream"
    send({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
        "uri": uri, "languageId": "vstream", "version": 1, "text": text}}})
    first = read(server.stdout)
    assert first.get("method") == "textDocument/publishDiagnostics", first

    # An edit: one step's wait changes (a different value each round), then the diagnostics of that version.
    wait_lines = [index for index, line in enumerate(lines) if line.startswith("  wait ")]
    diagnostics = []
    for version in range(2, rounds + 2):
        row = wait_lines[(version * 37) % len(wait_lines)]
        change = {"range": {"start": {"line": row, "character": 7}, "end": {"line": row, "character": len(lines[row])}},
                  "text": f"{version % 50 + 1}m"}
        lines[row] = lines[row][:7] + change["text"]
        start = time.perf_counter()
        send({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uri, "version": version}, "contentChanges": [change]}})
        while True:
            message = read(server.stdout)
            if message.get("method") == "textDocument/publishDiagnostics" and message["params"]["version"] == version:
                break
        diagnostics.append(time.perf_counter() - start)
        if version == 2:
            assert message["params"]["diagnostics"] is not None

    step_row = next(index for index, line in enumerate(lines) if line.startswith("step s500 "))
    hover = [request("textDocument/hover", {"textDocument": {"uri": uri},
                                            "position": {"line": step_row, "character": 6}})[0] for _ in range(rounds)]
    _, answer = request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": step_row, "character": 6}})
    assert answer["result"] and "s500" in answer["result"]["contents"]["value"], answer
    practices_row = next(index for index, line in enumerate(lines) if line.startswith("  practices "))
    completion = [request("textDocument/completion", {"textDocument": {"uri": uri},
                                                      "position": {"line": practices_row, "character": 12}})[0]
                  for _ in range(rounds)]
    _, answer = request("textDocument/completion", {"textDocument": {"uri": uri},
                                                     "position": {"line": practices_row, "character": 12}})
    assert len(answer["result"]["items"]) > 20, answer
    request("shutdown", None)
    send({"jsonrpc": "2.0", "method": "exit"})
    server.wait(timeout=10)

    def row(name, samples, target):
        samples = sorted(samples)
        median = statistics.median(samples) * 1000
        p95 = samples[int(len(samples) * 0.95) - 1] * 1000
        verdict = "within" if median <= target else "OVER"
        return f"| {name} | {median:.2f} | {p95:.2f} | {target} | {verdict} |"

    print(f"{steps} steps, {len(text)} bytes, {rounds} rounds each; round trips in ms (an upper bound of server time)")
    print()
    print("| what | median ms | p95 ms | target ms | median vs target |")
    print("| --- | ---: | ---: | ---: | --- |")
    print(row("diagnostics after an edit", diagnostics, 5))
    print(row("hover on a step id", hover, 2))
    print(row("completion of practices", completion, 2))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
