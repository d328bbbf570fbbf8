#!/usr/bin/env python3
"""Drives a live page of `vstream preview` in headless Chromium through the DevTools protocol, the way an author
sees it: the page stays open while the stream's file is saved, and what the page shows is read from its DOM.

    preview_cdp.py CHROMIUM URL STREAM_FILE

Checks, each within a second of the save: a new title and lead time appear (and the scroll position is kept); a
broken save shows the diagnostic with its source line; a fixed save shows the diagram again. Also fails on any
console message (a Content-Security-Policy violation or a script error). Needs websocket-client (PyPI).
"""
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

import websocket

sys.stdout.reconfigure(line_buffering=True)

chrome, url, stream = sys.argv[1], sys.argv[2], sys.argv[3]
failures = []


def fail(message):
    failures.append(message)
    print(f"preview-check: {message}", file=sys.stderr)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Page:
    """One tab, over its DevTools WebSocket: commands by id, events kept."""

    def __init__(self, ws_url):
        self.ws = websocket.create_connection(ws_url, timeout=10, suppress_origin=True)
        self.next_id = 0
        self.events = []

    def send(self, method, **params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)

    def evaluate(self, expression, seconds=3.0):
        """The expression's value in the page. A save reloads the page twice when it changes a diagram (the new text
        at once, then again once Graphviz has drawn it), so an evaluation can meet a page being replaced: it is tried
        again until the new page answers."""
        start = time.monotonic()
        while True:
            try:
                result = self.send("Runtime.evaluate", expression=expression, returnByValue=True)
                return result.get("result", {}).get("value")
            except RuntimeError:
                if time.monotonic() - start >= seconds:
                    raise
                time.sleep(0.05)

    def wait_for(self, expression, seconds):
        """How long until `expression` is true in the page, or None after `seconds`. A reload in progress makes
        evaluation fail for a moment: that counts as not yet."""
        start = time.monotonic()
        while time.monotonic() - start < seconds:
            try:
                if self.evaluate(expression, seconds=0):
                    return time.monotonic() - start
            except (RuntimeError, websocket.WebSocketException):
                pass
            time.sleep(0.01)
        return None


def save(text):
    # As editors do: write a new file beside the old one, then rename it over it.
    temporary = stream + ".tmp-save"
    with open(temporary, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.replace(temporary, stream)


# Each in parentheses: they are put into larger expressions.
H1 = "((document.querySelector('h1') || {}).textContent || '')"
LEAD = ("((Array.from(document.querySelectorAll('th')).find(th => th.textContent === 'Lead time') || {})"
        ".nextElementSibling?.textContent || '')")

profile = tempfile.mkdtemp(prefix="vstream-preview-chromium-")
port = free_port()
browser = subprocess.Popen(
    [chrome, "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--no-default-browser-check",
     f"--remote-debugging-port={port}", f"--user-data-dir={profile}", "--window-size=1000,700", "about:blank"],
    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    targets = None
    for _ in range(300):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=1) as response:
                targets = [t for t in json.load(response) if t.get("type") == "page"]
            if targets:
                break
        except OSError:
            pass
        time.sleep(0.1)
    if not targets:
        sys.exit("preview-check: Chromium's DevTools did not answer")
    page = Page(targets[0]["webSocketDebuggerUrl"])
    page.send("Runtime.enable")
    page.send("Log.enable")
    page.send("Page.enable")
    page.send("Page.navigate", url=url)
    original = open(stream, encoding="utf-8").read()
    if page.wait_for(f"{H1} === 'Restore a live service' && document.querySelector('figure.diagram svg') !== null", 10) is None:
        sys.exit(f"preview-check: the page did not load: {page.evaluate(H1)!r}")
    old_lead = page.evaluate(LEAD)
    page.evaluate("window.scrollTo(0, 300)")
    scrolled = page.evaluate("window.scrollY")
    if not scrolled:
        fail("the page is too short to test the scroll position")

    # 1. A new title and lead time, within a second, at the same scroll position.
    changed = original.replace("Restore a live service", "Restore a service, changed").replace("  wait 2m\n", "  wait 3h\n", 1)
    assert changed != original
    save(changed)
    took = page.wait_for(f"{H1} === 'Restore a service, changed' && {LEAD} !== {json.dumps(old_lead)}", 1.0)
    if took is None:
        fail(f"no new title and lead time within a second: {page.evaluate(H1)!r}, {page.evaluate(LEAD)!r}")
    else:
        print(f"preview-check: new title and lead time ({old_lead} -> {page.evaluate(LEAD)}) shown "
              f"{took * 1000:.0f} ms after the save")
        if page.evaluate(LEAD) in ("", old_lead):
            fail(f"the lead time did not change: {page.evaluate(LEAD)!r}")
        # The title shows while the page is still being parsed; the script at its end restores the position, and
        # again once the page has loaded. Keeping the position is not a matter of speed: wait for the load.
        # The verdict is the wait's own reading: a second reading could land in a later reload's first moments.
        if page.wait_for(f"document.readyState === 'complete' && window.scrollY === {scrolled}", 3.0) is None:
            fail(f"the scroll position was lost: {scrolled} -> {page.evaluate('window.scrollY')!r}")

    # 2. A broken save: the diagnostic, with its source line, instead of the page.
    broken = changed.replace("  activity engage\n", "  activity engagg\n", 1)
    assert broken != changed
    save(broken)
    took = page.wait_for("(document.querySelector('pre.diagnostics') || {}).textContent?.includes('activity engagg') === true"
                         " && /VS\\d{3}/.test(document.querySelector('pre.diagnostics').textContent)", 1.0)
    if took is None:
        fail(f"the broken save did not show its diagnostic: {page.evaluate('document.body.innerText')[:300]!r}")
    else:
        print(f"preview-check: the diagnostic shown {took * 1000:.0f} ms after the broken save: "
              + page.evaluate("document.querySelector('pre.diagnostics').textContent").splitlines()[0])

    # 3. The fix: the diagram again.
    save(changed)
    took = page.wait_for("document.querySelector('figure.diagram svg') !== null", 1.0)
    if took is None:
        fail("the fixed save did not show the diagram again")
    else:
        print(f"preview-check: the diagram back {took * 1000:.0f} ms after the fixed save")

    # Nothing was refused by the page's policy and no script failed.
    page.evaluate("1")
    for event in page.events:
        method = event.get("method")
        if method == "Runtime.exceptionThrown" or (method == "Log.entryAdded"
                                                   and event["params"]["entry"]["level"] in ("error", "warning")):
            fail(f"console: {json.dumps(event['params'])[:300]}")
    page.ws.close()
finally:
    browser.terminate()
    try:
        browser.wait(timeout=10)
    except subprocess.TimeoutExpired:
        browser.kill()
    shutil.rmtree(profile, ignore_errors=True)

sys.exit(1 if failures else 0)
