"""Prometheus metrics without a client library: counters and latency histograms per HTTP worker process.

Each HTTP worker keeps its own numbers and, when several workers run, writes a
snapshot to a shared folder at most once a second; `/metrics` adds up the
snapshots of the live workers, so the scrape does not depend on which worker
answers it.
"""

from __future__ import annotations

import bisect
import contextlib
import json
import os
import time
from collections import defaultdict
from pathlib import Path

BUCKETS = (0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0)

HELP = {
    "syriakg_http_requests_total": ("counter", "HTTP requests by route, method and status code"),
    "syriakg_http_request_duration_seconds": ("histogram", "HTTP request latency by route"),
    "syriakg_timeouts_total": ("counter", "queries or updates stopped at the time limit (worker killed)"),
    "syriakg_busy_total": ("counter", "requests refused because every query worker stayed busy"),
    "syriakg_cache_hits_total": ("counter", "query results served from the result cache"),
    "syriakg_store_quads": ("gauge", "quads in the store"),
    "syriakg_store_named_graphs": ("gauge", "named graphs in the store"),
    "syriakg_store_bytes": ("gauge", "size of the store folder on disk"),
    "syriakg_worker_restarts_total": ("counter", "query worker processes started to replace killed ones"),
    "syriakg_lane_requests_total": ("counter", "worker requests per lane (slow = query text known to be slow)"),
    "syriakg_lane_rejected_total": ("counter", "requests refused with 503 because their lane's queue was full"),
    "syriakg_lane_running": ("gauge", "requests running on a query worker, per lane"),
    "syriakg_lane_waiting": ("gauge", "requests waiting for a query worker, per lane"),
    "syriakg_lane_worker_limit": ("gauge", "most query workers a lane may hold (fast: all plus burst workers)"),
    "syriakg_burst_workers_started_total": ("counter", "burst query workers started while only long queries held the pool"),
    "syriakg_slow_promotions_total": ("counter", "fast-lane queries remembered as slow while still running"),
    "syriakg_query_cost_entries": ("gauge", "query texts in the cost memory that assigns lanes"),
}


def _labels(labels: dict[str, str]) -> str:
    if not labels:
        return ""
    inner = ",".join(f'{k}="{str(v).replace(chr(92), chr(92) * 2).replace(chr(34), chr(92) + chr(34))}"' for k, v in sorted(labels.items()))
    return "{" + inner + "}"


class Metrics:
    def __init__(self, shared_dir: str | None = None) -> None:
        self.counters: dict[tuple[str, str], float] = defaultdict(float)
        self.collectors: list = []  # callables(metrics) run before each snapshot, so every HTTP worker's share counts
        self.hist: dict[tuple[str, str], list[float]] = {}  # bucket counts..., sum, count
        self.shared_dir = Path(shared_dir) if shared_dir else None
        self._last_flush = 0.0
        self._request_labels: dict[tuple[str, str, int], tuple[str, str]] = {}

    def inc(self, name: str, value: float = 1.0, **labels: str) -> None:
        self.counters[(name, _labels(labels))] += value

    def observe(self, name: str, seconds: float, **labels: str) -> None:
        self._observe((name, _labels(labels)), seconds)

    def _observe(self, key: tuple[str, str], seconds: float) -> None:
        h = self.hist.get(key)
        if h is None:
            h = self.hist[key] = [0.0] * (len(BUCKETS) + 3)  # finite buckets, +Inf, sum, count
        h[bisect.bisect_left(BUCKETS, seconds)] += 1  # index len(BUCKETS) = +Inf only
        h[-2] += seconds
        h[-1] += 1

    def request(self, route: str, method: str, status: int, seconds: float) -> None:
        # per-request hot path: label strings are made once per (route, method, status)
        labs = self._request_labels.get((route, method, status))
        if labs is None:
            labs = self._request_labels[(route, method, status)] = (
                _labels({"route": route, "method": method, "code": str(status)}), _labels({"route": route}))
        self.counters[("syriakg_http_requests_total", labs[0])] += 1
        self._observe(("syriakg_http_request_duration_seconds", labs[1]), seconds)
        if self.shared_dir is not None and time.monotonic() - self._last_flush > 1.0:
            self.flush()

    # --- sharing between HTTP worker processes -------------------------------------
    def snapshot(self) -> dict:
        for collect in self.collectors:  # values owned elsewhere (e.g. the pool's lane counts), refreshed here
            with contextlib.suppress(Exception):
                collect(self)
        return {
            "counters": [[n, lab, v] for (n, lab), v in self.counters.items()],
            "hist": [[n, lab, h] for (n, lab), h in self.hist.items()],
        }

    def flush(self) -> None:
        self._last_flush = time.monotonic()
        if self.shared_dir is None:
            return
        with contextlib.suppress(OSError):
            self.shared_dir.mkdir(parents=True, exist_ok=True)
            tmp = self.shared_dir / f".{os.getpid()}.tmp"
            tmp.write_text(json.dumps(self.snapshot()))
            os.replace(tmp, self.shared_dir / f"{os.getpid()}.json")

    def _all_snapshots(self) -> list[dict]:
        if self.shared_dir is None:
            return [self.snapshot()]
        self.flush()
        snaps = []
        for f in self.shared_dir.glob("*.json"):
            try:
                pid = int(f.stem)
                if pid != os.getpid():
                    os.kill(pid, 0)
                snaps.append(json.loads(f.read_text()))
            except (ValueError, OSError):
                continue
        return snaps

    def render(self, gauges: dict[str, float]) -> str:
        """The Prometheus text exposition format (version 0.0.4)."""
        counters: dict[tuple[str, str], float] = defaultdict(float)
        hist: dict[tuple[str, str], list[float]] = {}
        for snap in self._all_snapshots():
            for n, lab, v in snap["counters"]:
                counters[(n, lab)] += v
            for n, lab, h in snap["hist"]:
                acc = hist.setdefault((n, lab), [0.0] * len(h))
                for i, v in enumerate(h):
                    acc[i] += v
        for name, value in gauges.items():
            counters[(name, "")] = value
        lines: list[str] = []
        names = sorted({n for n, _ in counters} | {n for n, _ in hist} | {"syriakg_timeouts_total", "syriakg_http_requests_total"})
        for name in names:
            kind, text = HELP.get(name, ("untyped", name))
            lines.append(f"# HELP {name} {text}")
            lines.append(f"# TYPE {name} {kind}")
            if kind == "histogram":
                for (n, lab), h in sorted(hist.items()):
                    if n != name:
                        continue
                    cum = 0.0
                    inner = lab[1:-1] if lab else ""
                    sep = "," if inner else ""
                    for b, c in zip((*BUCKETS, float("inf")), h[: len(BUCKETS) + 1], strict=True):
                        cum += c
                        le = "+Inf" if b == float("inf") else repr(b)
                        lines.append(f'{name}_bucket{{{inner}{sep}le="{le}"}} {cum:g}')
                    lines.append(f"{name}_sum{lab} {h[-2]:.6f}")
                    lines.append(f"{name}_count{lab} {h[-1]:g}")
            else:
                found = False
                for (n, lab), v in sorted(counters.items()):
                    if n == name:
                        lines.append(f"{name}{lab} {v:g}")
                        found = True
                if not found and kind == "counter":
                    lines.append(f"{name} 0")
        return "\n".join(lines) + "\n"
