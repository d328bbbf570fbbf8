#!/usr/bin/env python3
"""Save-to-reload latency of `vstream preview`: listens on the server's event stream as a page does, saves the
stream (a new file renamed over the old, as editors do) with a different wait on its first step, and times each
save until the reload event arrives. Then reads the server's CPU time over an idle interval.

    preview_latency.py URL STREAM_FILE SERVER_PID [SAVES] [IDLE_SECONDS] [SETTLE_SECONDS]

A save may bring a second event (the pages again once Graphviz has drawn the new diagram): after each save the
events are read until none has come for SETTLE_SECONDS, so that the next save is timed to its own first event.
"""
import os
import re
import socket
import statistics
import sys
import time
from urllib.parse import urlparse

url, stream, pid = sys.argv[1], sys.argv[2], int(sys.argv[3])
saves = int(sys.argv[4]) if len(sys.argv) > 4 else 30
idle = float(sys.argv[5]) if len(sys.argv) > 5 else 5
settle = float(sys.argv[6]) if len(sys.argv) > 6 else 0.3
address = urlparse(url)
connection = socket.create_connection((address.hostname, address.port))
connection.sendall(f"GET /_vstream/events HTTP/1.1\r\nHost: {address.netloc}\r\n\r\n".encode())
connection.settimeout(5)
buffer = b""


def next_event(timeout=5):
    """Whether an event came within `timeout` seconds."""
    global buffer
    connection.settimeout(timeout)
    try:
        while b"event: reload" not in buffer:
            buffer += connection.recv(65536)
    except socket.timeout:
        return False
    buffer = buffer[buffer.index(b"event: reload") + len(b"event: reload"):]
    return True


next_event()  # the generation at connection
original = open(stream, encoding="utf-8").read()
first_wait = re.search(r"^  wait (\S+)$", original, re.M)
if not first_wait:
    sys.exit("the stream has no wait line to change")
latencies = []
for index in range(saves):
    text = original[:first_wait.start(1)] + f"{index + 1}m" + original[first_wait.end(1):]
    with open(stream + ".tmp", "w", encoding="utf-8") as handle:
        handle.write(text)
    start = time.perf_counter()
    os.replace(stream + ".tmp", stream)
    if not next_event():
        sys.exit("no reload event within 5 s of a save")
    latencies.append((time.perf_counter() - start) * 1000)
    while next_event(settle):
        pass
latencies.sort()


def cpu_ticks():
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


time.sleep(0.5)
before = cpu_ticks()
time.sleep(idle)
used = (cpu_ticks() - before) / os.sysconf("SC_CLK_TCK")
print(f"save to reload event over {saves} saves: median {statistics.median(latencies):.1f} ms, "
      f"90th percentile {latencies[int(len(latencies) * 0.9) - 1]:.1f} ms, max {latencies[-1]:.1f} ms")
print(f"idle: {used:.2f} s of CPU over {idle:.0f} s ({used / idle * 100:.1f}%), one page listening")
