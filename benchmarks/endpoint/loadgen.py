"""A small HTTP/1.1 keep-alive load generator (asyncio, raw sockets) — light enough not to be the bottleneck.

Each of N clients holds one connection and sends GET requests back to back
(cycling through the given paths) until the deadline; latency is measured per
request.  Handles Content-Length and chunked responses.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field


@dataclass
class Result:
    latencies: list[float] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)
    errors: int = 0
    elapsed: float = 0.0
    bytes: int = 0

    @property
    def ok(self) -> int:
        return self.statuses.get(200, 0)

    def rps(self) -> float:
        return self.ok / self.elapsed if self.elapsed else 0.0

    def pct(self, p: float) -> float:
        if not self.latencies:
            return float("nan")
        s = sorted(self.latencies)
        return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]


async def _read_response(reader: asyncio.StreamReader) -> tuple[int, int, bool]:
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {}
    for line in lines[1:]:
        if ":" in line:
            k, v = line.split(":", 1)
            headers[k.strip().lower()] = v.strip()
    n = 0
    if "content-length" in headers:
        n = int(headers["content-length"])
        await reader.readexactly(n)
    elif headers.get("transfer-encoding", "").lower() == "chunked":
        while True:
            size_line = await reader.readuntil(b"\r\n")
            size = int(size_line.split(b";")[0].strip(), 16)
            if size == 0:
                await reader.readuntil(b"\r\n")  # trailer end (no trailers expected)
                break
            await reader.readexactly(size + 2)
            n += size
    close = headers.get("connection", "").lower() == "close"
    return status, n, close


async def _client(host: str, port: int, paths: list[bytes], offset: int, deadline: float, res: Result, timeout: float) -> None:
    reader = writer = None
    i = offset
    while time.perf_counter() < deadline:
        if writer is None:
            reader, writer = await asyncio.open_connection(host, port)
        req = paths[i % len(paths)]
        i += 1
        t0 = time.perf_counter()
        try:
            writer.write(req)
            status, n, close = await asyncio.wait_for(_read_response(reader), timeout)
        except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError):
            res.errors += 1
            writer.close()
            reader = writer = None
            continue
        res.latencies.append(time.perf_counter() - t0)
        res.statuses[status] = res.statuses.get(status, 0) + 1
        res.bytes += n
        if close:
            writer.close()
            reader = writer = None
    if writer is not None:
        writer.close()


def request_bytes(host: str, port: int, path: str, accept: str) -> bytes:
    return (f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nAccept: {accept}\r\nUser-Agent: syriakg-bench\r\n"
            "Connection: keep-alive\r\n\r\n").encode("ascii")


async def run(host: str, port: int, paths: list[str], accept: str, clients: int, duration: float, timeout: float = 120.0) -> Result:
    """Run `clients` concurrent keep-alive clients for `duration` seconds (plus in-flight requests, up to `timeout`)."""
    reqs = [request_bytes(host, port, p, accept) for p in paths]
    res = Result()
    start = time.perf_counter()
    deadline = start + duration
    await asyncio.gather(*(_client(host, port, reqs, k * 7919, deadline, res, timeout) for k in range(clients)))
    res.elapsed = time.perf_counter() - start
    return res
