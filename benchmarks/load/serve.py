"""Start `syriakg serve` on a free loopback port for a test or benchmark, and stop it afterwards."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def endpoint(store: Path, *, workers: int = 1, query_workers: int = 2, timeout: float = 5.0,
             extra: list[str] | None = None, log: Path | None = None, startup: float = 90.0,
             info: dict | None = None) -> Iterator[str]:
    """Yield the base URL of a running endpoint over `store` (loopback only).  `info` (if given) gets the
    server's `pid`, also its session id: every HTTP and query worker process is in that session."""
    import httpx

    port = free_port()
    cmd = [sys.executable, "-m", "syriakg.loaders.cli", "serve", "--store", str(store), "--host", "127.0.0.1",
           "--port", str(port), "--workers", str(workers), "--query-workers", str(query_workers),
           "--timeout", str(timeout), "--no-access-log", "--log-level", "warning", *(extra or [])]
    out = log.open("wb") if log else subprocess.DEVNULL
    proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
                            env={**os.environ, "SYRIAKG_STORE": str(store)})
    url = f"http://127.0.0.1:{port}"
    if info is not None:
        info["pid"] = proc.pid
    try:
        deadline = time.monotonic() + startup
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"syriakg serve exited with {proc.returncode} (see {log})")
            try:
                if httpx.get(f"{url}/healthz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"syriakg serve did not come up within {startup} s")
            time.sleep(0.25)
        yield url
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)  # its own session: the server and its workers
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        if log:
            out.close()
