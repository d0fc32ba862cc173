"""Per-process endpoint state (pools, cache, version tracking) and the one query path every route uses."""

from __future__ import annotations

import asyncio
import json
import os
import time
from dataclasses import dataclass, field
from typing import Any

from fastapi import Request
from fastapi.responses import Response

from syriakg.endpoint import timing
from syriakg.endpoint.cache import ResultCache
from syriakg.endpoint.metrics import Metrics
from syriakg.endpoint.pool import LaneFull, PoolBusy, QueryTimeout, WorkerFailed, WorkerPool
from syriakg.endpoint.settings import Settings
from syriakg.loaders.store import store_version, version_file


class VersionTracker:
    """The store's version token, re-read only when the version file changes (one stat per call)."""

    def __init__(self, store: str) -> None:
        self.store = store
        self.file = version_file(store)
        self._sig: tuple[int, int, int] | None = None
        self._token = store_version(store)

    def current(self) -> str:
        try:
            st = os.stat(self.file)
            sig = (st.st_ino, st.st_mtime_ns, st.st_size)
        except FileNotFoundError:
            sig = (0, 0, 0)
        if sig != self._sig:
            self._sig = sig
            self._token = store_version(self.store)
        return self._token


@dataclass
class Outcome:
    """What a pool call came back with, already mapped to an HTTP status."""

    status: int
    body: bytes
    ctype: str
    data: dict = field(default_factory=dict)
    headers: dict = field(default_factory=dict)  # extra response headers (e.g. Retry-After on 503)

    def response(self, extra_headers: dict | None = None) -> Response:
        headers = {"Vary": "Accept", **self.headers, **(extra_headers or {})}
        if self.status in (204, 304) or (not self.body and not self.ctype):
            return Response(status_code=self.status, headers=headers)
        return Response(content=self.body, status_code=self.status, media_type=None, headers={"Content-Type": self.ctype, **headers})


def text_outcome(status: int, message: str) -> Outcome:
    return Outcome(status, (message.rstrip("\n") + "\n").encode("utf-8"), "text/plain; charset=utf-8")


def request_key(req: dict) -> tuple:
    """A hashable cache key for a worker request (its items, lists as tuples, in key order)."""
    return tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in req.items()))


class EndpointState:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.pool = WorkerPool(settings.store, settings.query_workers, "ro", burst=settings.burst_workers,
                               slow_after=settings.slow_after, medium_after=settings.medium_after,
                               slow_queue=settings.slow_queue,
                               fast_queue=settings.fast_queue, slow_nice=settings.slow_nice,
                               slow_idle=settings.slow_idle)
        self.writer = WorkerPool(settings.store, 1, "rw")
        self.cache = ResultCache(settings.cache_bytes, settings.cache_entry_bytes)
        self.versions = VersionTracker(settings.store)
        self.metrics = Metrics(settings.metrics_dir)
        self.metrics.collectors.append(self._collect_lanes)
        self.started = time.time()
        self._memo: dict[Any, Any] = {}
        self._inflight: dict[Any, asyncio.Future] = {}

    def version(self) -> str:
        return self.versions.current()

    def _collect_lanes(self, metrics: Metrics) -> None:
        """The query lanes' counts (pool.py) into this HTTP worker's metrics (summed over workers by /metrics)."""
        for lane, stats in self.pool.lane_stats().items():
            lab = f'{{lane="{lane}"}}'
            metrics.counters[("syriakg_lane_requests_total", lab)] = float(stats["calls"])
            metrics.counters[("syriakg_lane_rejected_total", lab)] = float(stats["rejected"])
            metrics.counters[("syriakg_lane_running", lab)] = float(stats["running"])
            metrics.counters[("syriakg_lane_waiting", lab)] = float(stats["waiting"])
            metrics.counters[("syriakg_lane_worker_limit", lab)] = float(stats["limit"])
        metrics.counters[("syriakg_burst_workers_started_total", "")] = float(self.pool.bursts)
        metrics.counters[("syriakg_slow_promotions_total", "")] = float(self.pool.promotions)
        metrics.counters[("syriakg_query_cost_entries", "")] = float(len(self.pool.costs))

    async def start(self) -> None:
        await self.pool.ensure_started()

    async def close(self) -> None:
        await asyncio.gather(self.pool.close(), self.writer.close())

    # --- reading ------------------------------------------------------------------
    async def call(self, req: dict, *, write: bool = False, timeout: float | None = None, cache: bool = False) -> Outcome:
        """Run one worker request; map timeouts and failures to clear HTTP errors; cache 200s if asked."""
        version = self.version()
        req = {**req, "version": version}
        key = None
        if cache and not write:
            key = request_key(req)
            hit = self.cache.get(key)
            if hit is not None:
                self.metrics.inc("syriakg_cache_hits_total")
                timing.add("hit", 0.0)
                return Outcome(hit[0], hit[2], hit[1], hit[3])
        if key is None:
            return await self._run(req, write, timeout, None)
        # single flight: identical requests arriving while one is running wait for its answer
        running = self._inflight.get(key)
        if running is not None:
            try:
                return await asyncio.shield(running)
            except asyncio.CancelledError:
                task = asyncio.current_task()
                if not running.cancelled() or (task is not None and task.cancelling()):
                    raise
                # the first request was abandoned by its client: run this one ourselves
        fut: asyncio.Future[Outcome] = asyncio.get_running_loop().create_future()
        self._inflight[key] = fut
        try:
            out = await self._run(req, write, timeout, key)
        except BaseException:
            fut.cancel()
            raise
        else:
            fut.set_result(out)
            return out
        finally:
            if self._inflight.get(key) is fut:
                del self._inflight[key]

    async def _run(self, req: dict, write: bool, timeout: float | None, key: Any) -> Outcome:
        t = self.settings.timeout if timeout is None else timeout
        pool = self.writer if write else self.pool
        try:
            resp = await pool.run(req, t)
            timing.mark("done")
        except QueryTimeout:
            self.metrics.inc("syriakg_timeouts_total")
            what = "update" if write else "query"
            return text_outcome(
                504,
                f"The {what} was stopped after the server's time limit of {t:g} s (--timeout). "
                "Its worker process was killed; the server keeps serving. Narrow the query or add a LIMIT.",
            )
        except LaneFull as e:
            self.metrics.inc("syriakg_busy_total", lane="slow")
            out = text_outcome(503, f"Slow lane full: {e}")
            out.headers["Retry-After"] = str(round(e.retry_after))
            return out
        except PoolBusy:
            self.metrics.inc("syriakg_busy_total")
            out = text_outcome(503, "All query workers are busy; try again shortly.")
            out.headers["Retry-After"] = "1"
            return out
        except WorkerFailed as e:
            return text_outcome(500, f"The query worker failed: {e}")
        status = resp.get("status", 500)
        if write and status < 300:
            self.cache.clear()
            self._memo.clear()
        if "error" in resp:
            return text_outcome(status, resp["error"])
        out = Outcome(status, resp.get("body", b""), resp.get("ctype", ""), {k: v for k, v in resp.items() if k not in ("body", "cpu", "cpu_end")})
        if key is not None and status == 200:
            self.cache.put(key, status, out.ctype, out.body, out.data)
        return out

    async def select(self, query: str, timeout: float | None = None) -> list[dict[str, dict]]:
        """Run a SELECT and return its bindings as SPARQL-JSON term dicts; raises RuntimeError on failure.

        Meant for routes built on the graph (Linked-Data pages, VoID, the /facts API).
        """
        out = await self.call(
            {"op": "query", "query": query, "accept": "application/sparql-results+json", "max_results": 0},
            timeout=timeout, cache=True,
        )
        if out.status != 200:
            raise RuntimeError(out.body.decode("utf-8", "replace").strip())
        return json.loads(out.body)["results"]["bindings"]

    async def memo(self, key: Any, make: Any) -> Any:
        """Cache a computed value (e.g. VoID statistics) until the store version changes."""
        full = (key, self.version())
        if full not in self._memo:
            self._memo[full] = await make()
        return self._memo[full]


def get_state(request: Request) -> EndpointState:
    return request.app.state.endpoint
