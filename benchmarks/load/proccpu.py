"""CPU seconds used by the endpoint's processes, by role, read from /proc (Linux).

The endpoint started by `serve.endpoint` runs in its own session: uvicorn's main process, its HTTP worker
processes and their query worker processes all share the session id.  A snapshot sums user + system time
of the live processes by role, plus the time of children that already exited and were reaped (`cutime` +
`cstime` of their parent: killed query workers count for the query workers).  The difference of two
snapshots is what the server spent between them, whatever else runs on the machine.
"""

from __future__ import annotations

import os
from collections import defaultdict

_TCK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _stat(pid: str) -> list[str] | None:
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            return f.read().rsplit(b")", 1)[1].decode().split()
    except (OSError, IndexError):
        return None


def _role(pid: str) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            cmd = f.read().replace(b"\0", b" ")
    except OSError:
        return "other"
    if b"syriakg.endpoint.worker" in cmd:
        return "query_workers"
    if b"multiprocessing" in cmd:
        return "http_workers"
    return "main"


def session_cpu(sid: int) -> dict[str, float]:
    """{role: CPU seconds so far} for every process of session `sid` (roles: main, http_workers,
    query_workers); empty when /proc is not there."""
    out: dict[str, float] = defaultdict(float)
    try:
        pids = [p for p in os.listdir("/proc") if p.isdigit()]
    except OSError:
        return {}
    for pid in pids:
        st = _stat(pid)
        if st is None or int(st[3]) != sid:  # fields after ')': state ppid pgrp session ...
            continue
        role = _role(pid)
        out[role] += (int(st[11]) + int(st[12])) / _TCK
        # reaped children: an HTTP worker's are query workers; the main process's are HTTP workers
        child = {"http_workers": "query_workers", "main": "http_workers"}.get(role, role)
        out[child] += (int(st[13]) + int(st[14])) / _TCK
    return dict(out)


def diff(before: dict[str, float], after: dict[str, float]) -> dict[str, float]:
    return {k: round(after.get(k, 0.0) - before.get(k, 0.0), 2) for k in sorted(set(before) | set(after))}
